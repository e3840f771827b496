"""The statutory visits pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.visits import views

urlpatterns = [
    path("placements/<int:pk>/visit/", views.visit, name="visit"),
    path("people/<int:pk>/visit/", views.visit_child, name="visit_child"),
    path("placements/<int:pk>/fewer-visits/", views.fewer_visits, name="fewer_visits"),
    path("periods/<int:pk>/visit-request/", views.visit_request, name="visit_request"),
]
