"""The care leavers' pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.leavers import support_views, views

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
        "people/<int:pk>/leaving-care/book-pathway-review/",
        views.book_pathway_review,
        name="leavers_book_pathway_review",
    ),
    path(
        "people/<int:pk>/leaving-care/needs-assessment/",
        views.needs_assessment,
        name="leavers_needs_assessment",
    ),
    path(
        "people/<int:pk>/leaving-care/return-to-education/",
        views.return_to_education,
        name="leavers_return_to_education",
    ),
    path(
        "people/<int:pk>/leaving-care/pathway-review/",
        views.pathway_review,
        name="leavers_pathway_review",
    ),
    path(
        "people/<int:pk>/leaving-care/accommodation/",
        support_views.provide_accommodation,
        name="leavers_accommodation",
    ),
    path(
        "people/<int:pk>/leaving-care/adviser-visit/",
        support_views.adviser_visit,
        name="leavers_adviser_visit",
    ),
    path(
        "people/<int:pk>/leaving-care/staying/",
        support_views.record_staying,
        name="leavers_staying",
    ),
]
