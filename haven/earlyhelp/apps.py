from django.apps import AppConfig


class EarlyhelpConfig(AppConfig):
    name = "haven.earlyhelp"
    label = "earlyhelp"
    verbose_name = "Early help"
