"""Cost centres and budgets.

Haven's models held no cost centre, so this adds a simple one: one per kind
of provider (the authority's own fostering, agencies, children's homes...),
with its ledger code, its name and the line of the DfE section 251 outturn
return its spend is reported in. All three are the council's data, set by a
finance officer; `haven.finance.forecasts.centres.DEFAULTS` stands in until
they are. The outturn line names were not found in Haven's domain notes, so
each says whether the council has checked it against the DfE's guidance
(`outturn_verified`); the pages show an unchecked one as unverified."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q

from haven.care.models import Provider
from haven.finance.models.rates import money


class CostCentre(models.Model):
    """The ledger's cost centre for one kind of provider."""

    provider_kind = models.CharField(
        max_length=20, unique=True, choices=Provider.Kind.choices
    )
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=100)
    outturn_line = models.CharField(
        max_length=120,
        help_text="The section 251 outturn return's line this spend is reported in.",
    )
    outturn_verified = models.BooleanField(
        default=False,
        help_text="Whether the line was checked against the DfE's current guidance.",
    )

    class Meta:
        ordering = ("code", "pk")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Budget(models.Model):
    """A cost centre's budget for one financial year (1 April to 31 March),
    `year` being the year it starts. `monthly` holds the twelve months' amounts
    from April, as strings of pounds; when the budget was set as an annual
    amount they are that amount split evenly (see forecasts.budgets)."""

    class Profile(models.TextChoices):
        EVEN = "even", "Annual amount split evenly over 12 months"
        MONTHLY = "monthly", "Monthly profile"

    cost_centre = models.ForeignKey(
        CostCentre, on_delete=models.PROTECT, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField()
    annual = money()
    profile = models.CharField(max_length=8, choices=Profile.choices)
    monthly = models.JSONField(default=list)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    set_at = models.DateTimeField()

    class Meta:
        ordering = ("-year", "cost_centre")
        constraints = [
            models.UniqueConstraint(
                fields=["cost_centre", "year"], name="finance_budget_one_a_year"
            ),
            models.CheckConstraint(
                condition=Q(annual__gte=Decimal("0.00")),
                name="finance_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cost_centre} {self.year}-{(self.year + 1) % 100:02d}"
