"""A one-off payment for a child (setting up home, a birthday, a holiday, or
another reason given in words) to a provider or one of the authority's own
foster carers: requested by one finance officer, approved by a second (never
the requester: the database refuses it too), then paid in the next run for
the payee's kind of provider, as a line of its own. A cancelled run's one-off
payments wait for the next."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class OneOffPayment(models.Model):
    class Kind(models.TextChoices):
        SETTING_UP_HOME = "setting_up_home", "Setting up home"
        BIRTHDAY = "birthday", "Birthday"
        HOLIDAY = "holiday", "Holiday"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for a second finance officer"
        APPROVED = "approved", "Approved, to be paid in the next run"
        CANCELLED = "cancelled", "Cancelled"

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="one_off_payments"
    )
    provider = models.ForeignKey(
        "care.Provider", on_delete=models.PROTECT, related_name="one_off_payments"
    )
    carer = models.ForeignKey(
        "care.Carer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="one_off_payments",
        help_text="The authority's own foster carer paid, if it is one of them.",
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    reason = models.CharField(max_length=200, blank=True, default="")
    # Pounds to the penny, never a float (as the rates' money()).
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    run = models.ForeignKey(
        "finance.PaymentRun",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="one_off_payments",
        help_text="The run that pays it (it is paid once that run is approved).",
    )

    class Meta:
        ordering = ("-requested_at", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="finance_one_off_positive"
            ),
            models.CheckConstraint(
                condition=~Q(kind="other") | ~Q(reason=""),
                name="finance_one_off_other_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | ~Q(approved_by=models.F("requested_by")),
                name="finance_one_off_second_approver",
            ),
            models.CheckConstraint(
                condition=Q(run__isnull=True) | Q(status="approved"),
                name="finance_one_off_run_only_approved",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: £{self.amount}"

    @property
    def what(self) -> str:
        """The payment's kind, with the reason when one is given."""
        if self.reason:
            return f"{self.get_kind_display()}: {self.reason}"
        return str(self.get_kind_display())
