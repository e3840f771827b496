"""Payment runs and the days they paid.

A run pays one provider kind's placements for one period. Its lines are the
record of what was paid: a line names the placement (and so the child and the
provider) and the days it covers, and once the run is approved those days are
paid. A line is a payment (days of the run's period), arrears (a past day
owed and never paid, paid for the first time) or an adjustment (a past day paid
at a weekly rate that differs from the one owed now: the difference, which may
be negative). Payments and arrears pay a day once: on PostgreSQL an exclusion
constraint refuses two such paid lines of one placement sharing a day, and the
services check the same on every database. Adjustments overlap days already
paid, so the sum of the weekly rates of the paid lines covering a day is the
net weekly rate paid for it (haven.finance.adjustments).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from haven.care.models import Provider
from haven.core.periods import NoOverlapConstraint, RangeOperators
from haven.core.periods import _date_range as date_range
from haven.finance.models.rates import money


class Frequency(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    FOUR_WEEKLY = "four_weekly", "Four-weekly"
    MONTHLY = "monthly", "Monthly"


class PaymentFrequency(models.Model):
    """How often a kind of provider is paid (local policy, kept as data): the
    authority's foster carers weekly, agencies four-weekly, homes monthly."""

    provider_kind = models.CharField(max_length=20, unique=True)
    frequency = models.CharField(max_length=12, choices=Frequency.choices)

    class Meta:
        ordering = ("provider_kind",)

    def __str__(self) -> str:
        return f"{self.provider_kind}: {self.get_frequency_display()}"


class RunLock(models.Model):
    """One row per provider kind, locked (select_for_update) by every preview
    and approval of that kind's runs, so two started at once take turns."""

    provider_kind = models.CharField(max_length=20, unique=True)

    def __str__(self) -> str:
        return self.provider_kind


class PaymentRun(models.Model):
    """A payment run: previewed by one finance officer, approved by another,
    then closed. `ends_on` is exclusive (the first day of the next period)."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", "Previewed, waiting for approval"
        APPROVED = "approved", "Approved"
        CLOSED = "closed", "Closed"
        CANCELLED = "cancelled", "Cancelled"

    provider_kind = models.CharField(max_length=20)
    frequency = models.CharField(max_length=12, choices=Frequency.choices)
    starts_on = models.DateField()
    ends_on = models.DateField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PREVIEWED
    )
    total = money()
    faults = models.JSONField(default=list, blank=True)
    previewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    previewed_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    adjusted_from = models.DateField(
        null=True,
        blank=True,
        help_text="The first past day the run's adjustments compared "
        "(HAVEN_FINANCE_ADJUSTMENT_LOOKBACK_DAYS); empty when none were.",
    )

    class Meta:
        ordering = ("-starts_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="finance_run_ends_after_start",
            ),
            # One run of a kind in hand (previewed or approved) at a time.
            models.UniqueConstraint(
                fields=["provider_kind"],
                condition=Q(status__in=["previewed", "approved"]),
                name="finance_run_one_in_hand",
            ),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | ~Q(approved_by=models.F("previewed_by")),
                name="finance_run_second_approver",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} run {self.starts_on:%-d %b %Y}"

    @property
    def kind_words(self) -> str:
        """The kind of provider paid, as the provider directory names it."""
        return str(Provider.Kind(self.provider_kind).label)

    @property
    def paid(self) -> bool:
        return self.status in (self.Status.APPROVED, self.Status.CLOSED)


class PaymentLine(models.Model):
    """Days of one child's placement at one weekly rate, in one run: from
    `starts_on` to `ends_on` (exclusive). `paid` once the run is approved.
    An adjustment's weekly rate and amount may be negative (a recovery)."""

    class Kind(models.TextChoices):
        PAYMENT = "payment", "Payment"
        ARREARS = "arrears", "Arrears"
        ADJUSTMENT = "adjustment", "Adjustment"

    run = models.ForeignKey(PaymentRun, on_delete=models.PROTECT, related_name="lines")
    placement = models.ForeignKey(
        "care.Placement", on_delete=models.PROTECT, related_name="payment_lines"
    )
    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="payment_lines"
    )
    provider = models.ForeignKey(
        "care.Provider", on_delete=models.PROTECT, related_name="payment_lines"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    days = models.PositiveIntegerField()
    weekly_rate = money()
    amount = money()
    paid = models.BooleanField(default=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PAYMENT)
    reason = models.TextField(blank=True, default="")

    class Meta:
        ordering = ("provider", "child", "starts_on", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="finance_line_ends_after_start",
            ),
            NoOverlapConstraint(
                name="finance_line_paid_once",
                expressions=[
                    ("placement", RangeOperators.EQUAL),
                    (date_range("starts_on", "ends_on", "[)"), RangeOperators.OVERLAPS),
                ],
                # Adjustments overlap days already paid, by design.
                condition=Q(paid=True, kind__in=["payment", "arrears"]),
            ),
        ]
        indexes = [
            models.Index(fields=["placement", "starts_on"], name="finance_line_pl"),
        ]

    def __str__(self) -> str:
        return f"{self.days} days at £{self.weekly_rate} a week: £{self.amount}"
