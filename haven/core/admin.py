from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from haven.core.models import Team, User


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("name",)
    filter_horizontal = ("managers",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "team", "is_active")
    list_filter = ("is_active", "groups", "team")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Team", {"fields": ("team", "job_title")}),
    )
