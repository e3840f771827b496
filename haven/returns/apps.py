from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "haven.returns"
    label = "returns"
    verbose_name = "Statutory returns"
