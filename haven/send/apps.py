from django.apps import AppConfig


class SendConfig(AppConfig):
    name = "haven.send"
    label = "send"
    verbose_name = "SEND"
