"""Included under /reporting/quality/ by haven.reporting.urls, in the
reporting namespace (before its figure pages, whose slug would take
"quality")."""

from django.urls import path

from haven.reporting.quality import views

urlpatterns = [
    path("", views.index, name="quality"),
    path("counts/", views.counts, name="quality_counts"),
    path("again/", views.work_out_again, name="quality_again"),
    path("<slug:key>/<slug:bar>/", views.records, name="quality_records"),
]
