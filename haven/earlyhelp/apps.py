from django.apps import AppConfig


class EarlyhelpConfig(AppConfig):
    name = "haven.earlyhelp"
    label = "earlyhelp"
    verbose_name = "Early help"

    def ready(self) -> None:
        from haven.core import chronology
        from haven.earlyhelp import access, work  # noqa: F401  (registers)
        from haven.earlyhelp.chronology import DESCRIBERS

        chronology.DESCRIBERS.update(DESCRIBERS)
