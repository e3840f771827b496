"""A provider's invoice as the finance officer records it: the period it bills,
the provider's reference, and either a line per child (days and amount) or
only a total. What the placements say is owed is never stored beside it: the
match is read live from care's placements (haven.finance.owed) each time."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from haven.finance.models.rates import money


class Invoice(models.Model):
    """One invoice from a provider for [starts_on, ends_on) (ends_on exclusive,
    as payment runs hold their periods)."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Received, waiting for a decision"
        APPROVED = "approved", "Approved"
        DISPUTED = "disputed", "Disputed"

    provider = models.ForeignKey(
        "care.Provider", on_delete=models.PROTECT, related_name="invoices"
    )
    reference = models.CharField(max_length=60)
    starts_on = models.DateField()
    ends_on = models.DateField()
    total = money()
    itemised = models.BooleanField(
        default=True, help_text="False when the invoice gives only a total."
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    dispute_reason = models.TextField(blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-starts_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="finance_invoice_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["provider", "reference"], name="finance_invoice_one_reference"
            ),
            models.CheckConstraint(
                condition=~Q(status="disputed") | ~Q(dispute_reason=""),
                name="finance_invoice_dispute_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["provider", "starts_on"], name="finance_inv_provider")
        ]

    def __str__(self) -> str:
        return f"Invoice {self.reference} from {self.provider}"

    @property
    def last_day(self) -> dt.date:
        return self.ends_on - dt.timedelta(days=1)


class InvoiceLine(models.Model):
    """What the provider bills for one child: days and amount."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="lines")
    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="invoice_lines"
    )
    days = models.PositiveIntegerField()
    amount = money()

    class Meta:
        ordering = ("invoice", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["invoice", "child"], name="finance_invoice_line_one_child"
            )
        ]

    def __str__(self) -> str:
        return f"{self.days} days: £{self.amount}"
