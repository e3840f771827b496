"""The UASC pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.uasc import views

urlpatterns = [
    path("people/<int:pk>/uasc/", views.uasc, name="uasc"),
    path("uasc/<int:pk>/ceased/", views.ceased, name="uasc_ceased"),
]
