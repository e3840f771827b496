"""The care leavers' pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.leavers import views

urlpatterns = [
    path(
        "people/<int:pk>/leaving-care/birthday/",
        views.birthday_contact,
        name="leavers_birthday",
    ),
    path(
        "people/<int:pk>/leaving-care/pathway-plan/",
        views.pathway_plan,
        name="leavers_pathway_plan",
    ),
    path(
        "people/<int:pk>/leaving-care/pathway-review/",
        views.pathway_review,
        name="leavers_pathway_review",
    ),
]
