from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "haven.people"
    label = "people"
    verbose_name = "Person register"

    def ready(self) -> None:
        from haven.people import work  # noqa: F401  (registers work sources)
