"""Forecast and budget pages, included under finance's (/payments/), in its
namespace."""

from django.urls import path

from haven.finance.forecasts import views

urlpatterns = [
    path("forecast/", views.forecast, name="forecast"),
    path("budgets/", views.budget_year, name="budgets"),
    path("budgets/set/", views.set_budget, name="set_budget"),
]
