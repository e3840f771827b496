"""The health pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.health import views

urlpatterns = [
    path(
        "people/<int:pk>/health/assessment/", views.assessment, name="health_assessment"
    ),
    path("people/<int:pk>/health/dental/", views.dental, name="health_dental"),
    path(
        "people/<int:pk>/health/up-to-date/", views.up_to_date, name="health_up_to_date"
    ),
    path("people/<int:pk>/health/sdq/", views.sdq, name="health_sdq"),
    path(
        "people/<int:pk>/health/substance-misuse/",
        views.substance,
        name="health_substance",
    ),
    path("people/<int:pk>/health/offence/", views.offence, name="health_offence"),
    path(
        "periods/<int:pk>/health/initial-assessment/",
        views.initial_assessment,
        name="initial_health_assessment",
    ),
    path("periods/<int:pk>/health/sdq/", views.period_sdq, name="period_sdq"),
]
