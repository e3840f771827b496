from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "haven.finance"
    label = "finance"
    verbose_name = "Finance"
