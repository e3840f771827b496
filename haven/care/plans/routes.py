"""The plans' pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.plans import views

urlpatterns = [
    path("periods/<int:pk>/care-plan/", views.care_plan, name="care_plan"),
    path(
        "placements/<int:pk>/placement-plan/",
        views.placement_plan,
        name="placement_plan",
    ),
]
