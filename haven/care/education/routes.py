"""The education pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.education import correction_views, school_views, views

urlpatterns = [
    path("people/<int:pk>/education/pep/", views.pep, name="pep"),
    path("periods/<int:pk>/education/pep/", views.period_pep, name="period_pep"),
    path(
        "people/<int:pk>/education/school/",
        school_views.enrolment,
        name="enrolment",
    ),
    path("enrolments/<int:pk>/left/", school_views.left, name="enrolment_left"),
    path(
        "people/<int:pk>/education/attendance/",
        school_views.attendance_page,
        name="attendance",
    ),
    path(
        "people/<int:pk>/education/exclusion/",
        school_views.exclusion,
        name="exclusion",
    ),
    path(
        "attendance/<int:pk>/correct/",
        correction_views.attendance_page,
        name="attendance_correct",
    ),
    path(
        "exclusions/<int:pk>/correct/",
        correction_views.exclusion_page,
        name="exclusion_correct",
    ),
]
