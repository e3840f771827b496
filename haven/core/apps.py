from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "haven.core"
    label = "core"
    verbose_name = "Haven core"

    def ready(self) -> None:
        from haven.core import signin  # noqa: F401  (connects its signal receivers)
        from haven.core.codelists import checks  # noqa: F401  (checks the code lists)
        from haven.core.roles import sync_roles

        # Roles follow the code's definition after every migrate, the way Django
        # creates permissions, so a new capability's permission reaches its roles.
        post_migrate.connect(sync_roles, sender=self)
        # Each app's declarations (menu entries...) in its plugin.py, found the
        # way the admin finds admin.py: adding an app touches only that app.
        autodiscover_modules("plugin")
