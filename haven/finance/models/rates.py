"""The rates the authority pays, each effective-dated: a provider's weekly rate
(a framework contract or a rate card), a placement's own (a spot purchase), and
for its own foster carers an allowance by the child's age band plus a fee by
the carer's fee level. Money is a Decimal to the penny (DecimalField), never a
float. See haven/finance/rates.py for the rule that picks the rate of a day."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q

from haven.core.periods import NoOverlapConstraint, Period, RangeOperators
from haven.core.periods import _date_range as date_range


def money() -> "models.DecimalField[Decimal, Decimal]":
    """Pounds to the penny, never a float."""
    return models.DecimalField(max_digits=10, decimal_places=2)


# Rates end the way placements do: `ended_on` is the first day the next rate
# holds (exclusive), empty while the rate stands.
PROVIDER_RATE = Period(
    "finance_provider_rate", start="started_on", end="ended_on", owner=("provider",)
)
PLACEMENT_RATE = Period(
    "finance_placement_rate", start="started_on", end="ended_on", owner=("placement",)
)
ALLOWANCE_PERIOD = Period(
    "finance_allowance", start="started_on", end="ended_on", owner=("age_band",)
)
FEE_RATE_PERIOD = Period(
    "finance_fee_rate", start="started_on", end="ended_on", owner=("level",)
)
CARER_LEVEL_PERIOD = Period(
    "finance_carer_level", start="started_on", end="ended_on", owner=("carer",)
)


class AgeBand(models.TextChoices):
    """The fostering allowance's age bands (the national minimum allowance's):
    a child moves band on the birthday that takes them into the next."""

    UNDER_5 = "0-4", "Aged 0 to 4"
    FROM_5 = "5-10", "Aged 5 to 10"
    FROM_11 = "11-15", "Aged 11 to 15"
    FROM_16 = "16-17", "Aged 16 and over"


class FeeLevel(models.TextChoices):
    """A foster carer's fee level, set by the fostering service for the carer's
    skills and experience."""

    LEVEL_1 = "1", "Level 1"
    LEVEL_2 = "2", "Level 2"
    LEVEL_3 = "3", "Level 3"
    LEVEL_4 = "4", "Level 4"


def _positive(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(weekly_amount__gte=Decimal("0.00")), name=name
    )


class ProviderRate(models.Model):
    """A weekly rate agreed with a provider: for all its placements (a framework
    contract or the provider's rate card), or for one placement (a spot
    purchase, which stands above the provider's rate while it holds)."""

    class Basis(models.TextChoices):
        FRAMEWORK = "framework", "Framework contract"
        RATE_CARD = "rate_card", "Rate card"
        SPOT = "spot", "Spot purchase"

    provider = models.ForeignKey(
        "care.Provider", on_delete=models.PROTECT, related_name="rates"
    )
    placement = models.ForeignKey(
        "care.Placement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rates",
        help_text="Empty for a rate for all the provider's placements.",
    )
    basis = models.CharField(max_length=10, choices=Basis.choices)
    weekly_amount = money()
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    reference = models.CharField(max_length=100, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("provider", "placement", "started_on", "pk")
        constraints = [
            _positive("finance_provider_rate_not_negative"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(ended_on__gte=models.F("started_on")),
                name="finance_provider_rate_ends_on_or_after_start",
            ),
            # A spot purchase is for one placement; a contract or card for all.
            models.CheckConstraint(
                condition=Q(basis="spot", placement__isnull=False)
                | (~Q(basis="spot") & Q(placement__isnull=True)),
                name="finance_provider_rate_spot_names_placement",
            ),
            models.UniqueConstraint(
                fields=["provider"],
                condition=Q(ended_on__isnull=True, placement__isnull=True),
                name="finance_provider_rate_one_open",
            ),
            models.UniqueConstraint(
                fields=["placement"],
                condition=Q(ended_on__isnull=True, placement__isnull=False),
                name="finance_placement_rate_one_open",
            ),
            NoOverlapConstraint(
                name="finance_provider_rate_no_overlap",
                expressions=[
                    ("provider", RangeOperators.EQUAL),
                    (
                        date_range("started_on", "ended_on", "[)"),
                        RangeOperators.OVERLAPS,
                    ),
                ],
                condition=Q(placement__isnull=True),
            ),
            NoOverlapConstraint(
                name="finance_placement_rate_no_overlap",
                expressions=[
                    ("placement", RangeOperators.EQUAL),
                    (
                        date_range("started_on", "ended_on", "[)"),
                        RangeOperators.OVERLAPS,
                    ),
                ],
                condition=Q(placement__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"£{self.weekly_amount} a week ({self.get_basis_display()})"


class FosteringAllowance(models.Model):
    """The weekly allowance the authority pays its own foster carers for a
    child of an age band, from a date (the allowances change each April)."""

    age_band = models.CharField(max_length=5, choices=AgeBand.choices)
    weekly_amount = money()
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("age_band", "started_on", "pk")
        constraints = [
            _positive("finance_allowance_not_negative"),
            *ALLOWANCE_PERIOD.constraints(),
        ]

    def __str__(self) -> str:
        return f"{self.get_age_band_display()}: £{self.weekly_amount} a week"


class FeeRate(models.Model):
    """The weekly fee for a fee level, from a date."""

    level = models.CharField(max_length=2, choices=FeeLevel.choices)
    weekly_amount = money()
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("level", "started_on", "pk")
        constraints = [
            _positive("finance_fee_rate_not_negative"),
            *FEE_RATE_PERIOD.constraints(),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: £{self.weekly_amount} a week"


class CarerFeeLevel(models.Model):
    """The fee level an in-house foster carer is paid at, over a stretch of days."""

    carer = models.ForeignKey(
        "care.Carer", on_delete=models.PROTECT, related_name="fee_levels"
    )
    level = models.CharField(max_length=2, choices=FeeLevel.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("carer", "started_on", "pk")
        constraints = CARER_LEVEL_PERIOD.constraints()

    def __str__(self) -> str:
        return f"{self.get_level_display()} {CARER_LEVEL_PERIOD.words(self)}"
