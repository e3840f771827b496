"""Invoices' pages, included under finance's (/payments/invoices/), in its
namespace."""

from django.urls import path

from haven.finance.invoices import views

urlpatterns = [
    path("", views.invoice_list, name="invoices"),
    path("new/", views.record, name="record_invoice"),
    path("<int:pk>/", views.invoice_detail, name="invoice"),
    path("<int:pk>/approve/", views.approve, name="approve_invoice"),
    path("<int:pk>/dispute/", views.dispute, name="dispute_invoice"),
]
