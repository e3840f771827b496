from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.timezone import localtime

# Imported so their registrations happen before they are undone below.
from django_otp.plugins.otp_static import admin as _static_admin  # noqa: F401
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import admin as _totp_admin  # noqa: F401
from django_otp.plugins.otp_totp.models import TOTPDevice

from haven.core import mfa, signin
from haven.core.models import SignInLock, Team, User

# django-otp's own admin pages show each device's secret and QR code (and the
# recovery codes): nobody manages devices here, only resets them (below).
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)


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
    actions = ["reset_mfa"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Team", {"fields": ("team", "job_title", "swe_number")}),
        ("Sign-in", {"fields": ("multi_factor",)}),
    )
    # What an administrator (not a superuser) may set: roles are the only way
    # to give anyone access, so permissions one by one, superuser status and
    # the admin's own roles stay out of reach. Otherwise an administrator could
    # give themselves a role that reads children's records.
    administrator_fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Personal info", {"fields": ("first_name", "last_name", "email")}),
        ("Roles", {"fields": ("is_active", "groups")}),
        ("Team", {"fields": ("team", "job_title", "swe_number")}),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
        ("Sign-in", {"fields": ("multi_factor",)}),
    )

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.administrator_fieldsets

    @admin.action(
        description="Reset multi-factor authentication for the selected staff",
        permissions=["change"],
    )
    def reset_mfa(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        """For someone who lost their phone and recovery codes: their app and
        codes are removed, and they set up a new app when they next sign in.
        Recorded in each user's admin history."""
        for user in queryset:
            mfa.reset(user)
            self.log_change(request, user, "Reset multi-factor authentication")
        self.message_user(
            request,
            f"Multi-factor authentication reset for {len(queryset)} staff. They "
            "set up a new authenticator app when they next sign in.",
            messages.SUCCESS,
        )

    @admin.display(description="Multi-factor authentication")
    def multi_factor(self, user: User) -> str:
        # Whether and when, never the key: that stays with its owner's app.
        device = mfa.app_device(user)
        if device is None or device.created_at is None:
            return "Not set up"
        return f"Set up on {date_format(localtime(device.created_at), 'j F Y')}"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = ["last_login", "date_joined", "multi_factor"]
        if (
            obj is not None
            and obj.pk == request.user.pk
            and not request.user.is_superuser
        ):
            readonly.append("groups")
        return readonly


@admin.register(SignInLock)
class SignInLockAdmin(admin.ModelAdmin):
    """Accounts and addresses refused sign-in after too many wrong passwords;
    unlocking one lets its owner try again at once."""

    list_display = ("__str__", "locked_at", "until")
    search_fields = ("username", "ip_address")
    actions = ["unlock"]
    readonly_fields = ("username", "ip_address", "locked_at", "until")

    @admin.action(description="Unlock the selected accounts", permissions=["delete"])
    def unlock(self, request: HttpRequest, queryset: QuerySet[SignInLock]) -> None:
        for lock in queryset:
            signin.unlock(lock)
        self.message_user(request, "Unlocked.", messages.SUCCESS)

    def get_actions(self, request: HttpRequest) -> Any:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
