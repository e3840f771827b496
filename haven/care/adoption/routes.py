"""The adoption pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.adoption import views

urlpatterns = [
    path("people/<int:pk>/adoption/decision/", views.decide, name="adoption_decide"),
    path("people/<int:pk>/adoption/ended/", views.cease, name="adoption_cease"),
    path("people/<int:pk>/adoption/match/", views.match, name="adoption_match"),
    path("people/<int:pk>/adoption/placed/", views.place, name="adoption_place"),
    path("people/<int:pk>/adoption/order/", views.order, name="adoption_order"),
    path(
        "people/<int:pk>/adoption/previous-permanence/",
        views.permanence,
        name="adoption_permanence",
    ),
]
