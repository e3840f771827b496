"""The letter templates administrators edit."""

from django.urls import path

from haven.documents import views

app_name = "letter_templates"
urlpatterns = [
    path("", views.letter_templates, name="list"),
    path("<slug:key>/", views.edit_template, name="edit"),
]
