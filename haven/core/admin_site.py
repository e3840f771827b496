from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class HavenAdminSite(admin.AdminSite):
    """The reference-data admin: open to the administrator role only.

    Case workers never edit reference data here, and administrators never see case
    records here (no case model is registered).
    """

    site_header = "Haven administration"
    site_title = "Haven administration"
    index_title = "Reference data, staff and teams"
    # Adds links to the reference data kept with a reason and a history (rule
    # values, oversight policy), which have their own pages rather than forms here.
    index_template = "admin/haven_index.html"

    def has_permission(self, request: HttpRequest) -> bool:
        from haven.core.permissions import may_use_admin

        return may_use_admin(request.user)


class HavenAdminConfig(AdminConfig):
    default_site = "haven.core.admin_site.HavenAdminSite"
