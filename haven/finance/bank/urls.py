"""Payees, bank details, one-off payments and remittance advice, under the
finance app's namespace (included by one line in haven/finance/urls.py)."""

from django.urls import path

from haven.finance.bank import views
from haven.finance.oneoff import views as oneoff
from haven.finance.remittance import views as remittance

urlpatterns = [
    path("payees/", views.payee_list, name="payees"),
    path("payees/<slug:key>/", views.payee_page, name="payee"),
    path("payees/<slug:key>/details/", views.propose, name="propose_details"),
    path(
        "details/<int:pk>/<slug:action>/",
        views.details_action,
        name="details_action",
    ),
    path("payees/<slug:key>/one-off/", oneoff.request_payment, name="request_one_off"),
    path(
        "one-off/<int:pk>/<slug:action>/",
        oneoff.payment_action,
        name="one_off_action",
    ),
    path(
        "runs/<int:pk>/remittance/<slug:key>/",
        remittance.remittance,
        name="remittance",
    ),
    path(
        "runs/<int:pk>/remittance/<slug:key>.pdf",
        remittance.remittance_pdf,
        name="remittance_pdf",
    ),
]
