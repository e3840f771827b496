from django.urls import include, path

from haven.finance import views
from haven.finance.adjustments import views as adjustments

app_name = "finance"

urlpatterns = [
    path("", views.run_list, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/file.csv", views.run_file, name="run_file"),
    path("runs/<int:pk>/<slug:action>/", views.run_action, name="run_action"),
    path("providers/<int:pk>/rates/", views.provider_rates, name="provider_rates"),
    path("", include("haven.finance.bank.urls")),
    path("invoices/", include("haven.finance.invoices.urls")),
    path("", include("haven.finance.forecasts.urls")),
    path("overpayments/", adjustments.overpayments, name="overpayments"),
    path(
        "providers/<int:pk>/statement/",
        adjustments.provider_statement,
        name="provider_statement",
    ),
]
