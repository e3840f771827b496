"""The reviews pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.reviews import views

urlpatterns = [
    path("periods/<int:pk>/reviews/", views.reviews, name="reviews"),
    path("periods/<int:pk>/review/", views.review, name="review"),
    path("periods/<int:pk>/iro-contact/", views.iro_contact, name="iro_contact"),
    path("periods/<int:pk>/early-review/", views.early_review, name="early_review"),
    path("periods/<int:pk>/escalation/", views.escalation_new, name="escalation"),
    path(
        "recommendations/<int:pk>/done/",
        views.recommendation_done,
        name="recommendation_done",
    ),
    path(
        "reviews/<int:pk>/decisions-sent/",
        views.decisions_circulated,
        name="decisions_circulated",
    ),
    path("escalations/<int:pk>/escalate/", views.escalate, name="escalate"),
    path("escalations/<int:pk>/resolve/", views.resolve, name="resolve_escalation"),
]
