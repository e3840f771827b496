"""A payee's bank account, as finance keeps it: care's Provider and Carer rows
are never changed; the details live here, linked to them.

Each change is a new row, never an edit of the last: proposed by one finance
officer, it takes effect when a second approves it (the database refuses the
proposer as approver), and the details it replaces are then marked replaced.
The rows are the history of the payee's bank details."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class PaymentDetails(models.Model):
    """One version of a payee's bank details: a provider's, or one of the
    authority's own foster carers' (exactly one of the two)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for a second finance officer"
        APPROVED = "approved", "In use"
        REPLACED = "replaced", "Replaced"
        REJECTED = "rejected", "Rejected"

    provider = models.ForeignKey(
        "care.Provider",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payment_details",
    )
    carer = models.ForeignKey(
        "care.Carer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payment_details",
    )
    account_name = models.CharField(max_length=70)
    sort_code = models.CharField(max_length=6, help_text="6 digits.")
    account_number = models.CharField(max_length=8, help_text="8 digits.")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was replaced or rejected."
    )

    class Meta:
        ordering = ("-proposed_at", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(provider__isnull=False, carer__isnull=True)
                | Q(provider__isnull=True, carer__isnull=False),
                name="finance_details_one_payee",
            ),
            # The four-eyes rule, as runs' second approver: never the proposer.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | ~Q(approved_by=models.F("proposed_by")),
                name="finance_details_second_approver",
            ),
            models.CheckConstraint(
                condition=Q(status="proposed")
                | Q(status="rejected")
                | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="finance_details_approved_by_someone",
            ),
            models.UniqueConstraint(
                fields=["provider"],
                condition=Q(status="approved", provider__isnull=False),
                name="finance_details_one_in_use_provider",
            ),
            models.UniqueConstraint(
                fields=["carer"],
                condition=Q(status="approved", carer__isnull=False),
                name="finance_details_one_in_use_carer",
            ),
            models.UniqueConstraint(
                fields=["provider"],
                condition=Q(status="proposed", provider__isnull=False),
                name="finance_details_one_proposed_provider",
            ),
            models.UniqueConstraint(
                fields=["carer"],
                condition=Q(status="proposed", carer__isnull=False),
                name="finance_details_one_proposed_carer",
            ),
        ]

    def __str__(self) -> str:
        # Masked: a model's words end up in logs and admin pages.
        from haven.finance.bank.masking import masked

        return masked(self.sort_code, self.account_number)
