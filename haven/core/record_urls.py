"""Pages about one person's record that belong to the core: chronology, who
viewed the record, and break-glass access. Mounted under people/<pk>/."""

from django.urls import path

from haven.core import record_views

app_name = "record"
urlpatterns = [
    path("chronology/", record_views.chronology, name="chronology"),
    path("access-log/", record_views.access_log, name="access_log"),
    path("break-glass/", record_views.break_glass, name="break_glass"),
]
