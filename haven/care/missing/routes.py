"""The missing-from-care pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.missing import views

urlpatterns = [
    path("periods/<int:pk>/missing/", views.report, name="report_missing"),
    path("missing/<int:pk>/return/", views.returned, name="missing_return"),
    path("missing/<int:pk>/police/", views.police, name="missing_police"),
    path("missing/<int:pk>/interview/", views.interview, name="return_interview"),
    path("people/<int:pk>/strategy-meeting/", views.strategy, name="strategy_meeting"),
]
