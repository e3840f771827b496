"""The care leavers' pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.leavers import views

urlpatterns = [
    path(
        "people/<int:pk>/leaving-care/birthday/",
        views.birthday_contact,
        name="leavers_birthday",
    ),
]
