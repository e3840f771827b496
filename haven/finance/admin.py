"""Finance's reference data in the admin: the council's cost centres."""

from django.contrib import admin

from haven.finance.forecasts.models import CostCentre


@admin.register(CostCentre)
class CostCentreAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "provider_kind", "outturn_line", "outturn_verified")
    list_filter = ("outturn_verified",)
