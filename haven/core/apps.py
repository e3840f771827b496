from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "haven.core"
    label = "core"
    verbose_name = "Haven core"

    def ready(self) -> None:
        # Every app, the core included, declares what it adds to Haven in its
        # plugin.py, found the way the admin finds admin.py: adding an app
        # touches only that app (and INSTALLED_APPS). Nothing else registers here.
        autodiscover_modules("plugin")
