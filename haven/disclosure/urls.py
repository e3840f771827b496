"""Mounted under people/<pk>/, beside the core's record pages."""

from django.urls import path

from haven.disclosure import views

app_name = "disclosure"
urlpatterns = [
    path("subject-access.csv", views.subject_access_export, name="subject_access"),
]
