"""Routes for a plan's changes, included in haven/send/urls.py (namespace send)."""

from django.urls import path

from haven.send.changes import views

urlpatterns = [
    path("plans/<int:pk>/amend/", views.amend, name="amend"),
    path("reviews/<int:pk>/amend/", views.review_amend, name="review_amend"),
    path("amendments/<int:pk>/issue/", views.amendment_issue, name="amendment_issue"),
    path("plans/<int:pk>/transfer/", views.open_transfer, name="open_transfer"),
    path("transfers/<int:pk>/", views.transfer_amend, name="transfer_amend"),
    path("plans/<int:pk>/cease/", views.cease, name="cease"),
    path("transfer-in/", views.transfer_in, name="transfer_in"),
    path("requests/<int:pk>/export/", views.export, name="export"),
    path("requests/<int:pk>/mediation/", views.mediation, name="mediation"),
    path("requests/<int:pk>/appeal/", views.appeal, name="appeal"),
    path("appeals/<int:pk>/decision/", views.appeal_decision, name="appeal_decision"),
    path("appeals/<int:pk>/comply/", views.appeal_comply, name="appeal_comply"),
]
