from django.apps import AppConfig


class CinConfig(AppConfig):
    name = "haven.cin"
    label = "cin"
    verbose_name = "Children in need"
