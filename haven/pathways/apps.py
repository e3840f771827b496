from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    name = "haven.pathways"
    label = "pathways"
    verbose_name = "Pathways between services"
