"""Pages about the history of one person's record: chronology, who viewed the
record, and break-glass access. Mounted under people/<pk>/."""

from django.urls import path

from haven.people import history_views

app_name = "record"
urlpatterns = [
    path("chronology/", history_views.chronology, name="chronology"),
    path("access-log/", history_views.access_log, name="access_log"),
    path("break-glass/", history_views.break_glass, name="break_glass"),
]
