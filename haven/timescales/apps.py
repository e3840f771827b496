from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "haven.timescales"
    label = "timescales"
    verbose_name = "Statutory timescales"
