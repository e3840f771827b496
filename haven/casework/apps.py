from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "haven.casework"
    label = "casework"
    verbose_name = "Case recording and supervision"
