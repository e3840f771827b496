"""Mounted under people/<pk>/, beside the record's own pages."""

from django.urls import path

from haven.documents import views

app_name = "documents"
urlpatterns = [
    path("documents/add/", views.add_document, name="add"),
    path("documents/<int:document>/", views.download, name="download"),
    path("documents/case-summary/", views.case_summary, name="case_summary"),
    path("documents/letters/<slug:letter>/", views.issue_letter, name="issue_letter"),
]
