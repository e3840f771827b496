from django.urls import path

from haven.people import family_views, merge_views, record_views, views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("new/", record_views.new_person, name="new"),
    path("break-glass/", record_views.break_glass_report, name="break_glass_report"),
    path("merge-requests/", merge_views.merge_requests, name="merge_requests"),
    path("merge-requests/<int:pk>/", merge_views.merge_request, name="merge_request"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/edit/", record_views.edit_person, name="edit"),
    path("<int:pk>/addresses/new/", record_views.add_address, name="add_address"),
    path(
        "<int:pk>/relationships/new/",
        record_views.add_relationship,
        name="add_relationship",
    ),
    path(
        "<int:pk>/immigration/new/",
        record_views.add_immigration_status,
        name="add_immigration_status",
    ),
    path(
        "<int:pk>/responsibility/new/",
        record_views.add_responsibility,
        name="add_responsibility",
    ),
    path("<int:pk>/family/", family_views.family, name="family"),
    path("<int:pk>/household/", family_views.household, name="household"),
    path(
        "<int:pk>/relationships/<int:link>/allegation/",
        family_views.allegation,
        name="allegation",
    ),
    path("<int:pk>/names/new/", record_views.add_known_as, name="add_known_as"),
    path("<int:pk>/warnings/new/", record_views.add_warning, name="add_warning"),
    path("<int:pk>/merge/", record_views.merge, name="merge"),
    path("<int:pk>/unmerge/", record_views.unmerge, name="unmerge"),
]
