"""Records of a plan's life after issue. Imported by haven.send.models, so
their app is "send"; each field names the SEN2 item it feeds."""

from django.conf import settings
from django.db import models

from haven.send.changes.codes import (
    AppealOutcome,
    Disputed,
    MediationOutcome,
    OrderType,
    Phase,
)
from haven.send.codes import CeaseReason


def _by() -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )


class PlanAmendment(models.Model):
    """Proposed amendments sent to the family (after a review decided "amend",
    or at any other time), then the final amended plan (SENDR reg 22)."""

    plan = models.ForeignKey(
        "send.EhcPlan", on_delete=models.PROTECT, related_name="amendments"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    review = models.OneToOneField(
        "send.AnnualReview",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendment",
    )
    transfer = models.OneToOneField(
        "send.PhaseTransfer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendment",
        help_text="The phase transfer whose next school this amendment names",
    )
    proposed = models.TextField()
    sent_on = models.DateField(help_text="SEN2 ReviewDraft (5.4d)")
    issued_on = models.DateField(null=True, blank=True)
    changes = models.TextField(blank=True)
    created_by = _by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("-sent_on", "-pk")

    def __str__(self) -> str:
        return f"Amendments sent {self.sent_on:%-d %B %Y}"


class PhaseTransfer(models.Model):
    """A coming transfer between phases of education (SENDR reg 18), met by
    the amended plan that names the next school or institution."""

    plan = models.ForeignKey(
        "send.EhcPlan", on_delete=models.PROTECT, related_name="transfers"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    phase = models.CharField(max_length=20, choices=Phase.choices)
    transfer_year = models.PositiveIntegerField()
    planned_on = models.DateField(
        null=True, blank=True, help_text="The date of a post-16 move at another time"
    )
    opened_on = models.DateField()
    named = models.ForeignKey(
        "core.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The next school or institution the amended plan names",
    )
    named_on = models.DateField(
        null=True, blank=True, help_text="SEN2 PhaseTransferFinalDate (5.6b)"
    )
    created_by = _by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("-opened_on", "-pk")

    def __str__(self) -> str:
        return f"{self.get_phase_display()} ({self.transfer_year})"


class PlanCeasing(models.Model):
    """A decision to cease a plan outside a review (CAFA s45; SENDR reg 29-31),
    or after one; a transfer out when the reason is 5."""

    plan = models.OneToOneField(
        "send.EhcPlan", on_delete=models.PROTECT, related_name="ceasing"
    )
    reason = models.CharField(
        max_length=1, choices=CeaseReason.choices, help_text="SEN2 CeaseReason (4.6)"
    )
    decided_on = models.DateField()
    notice_on = models.DateField(help_text="The family were told on this date")
    ceased_on = models.DateField(help_text="SEN2 CeaseDate (4.5)")
    transferred_to = models.CharField(
        max_length=3, blank=True, help_text="The new local authority's DfE code"
    )
    details = models.TextField(blank=True)
    created_by = _by()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Ceased {self.ceased_on:%-d %B %Y}"


class TransferIn(models.Model):
    """A plan that came with the child from another local authority (SENDR
    reg 15): SEN2 TransferLA, and AssessmentOutcome H for its request."""

    request = models.OneToOneField(
        "send.EhcRequest", on_delete=models.PROTECT, related_name="transfer_in"
    )
    previous_la = models.CharField(max_length=3, help_text="SEN2 TransferLA (5.1)")
    transferred_on = models.DateField(help_text="The date the plan transferred")
    created_by = _by()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Transferred in from LA {self.previous_la}"


class RequestExport(models.Model):
    """An open request passed to another local authority: SEN2 Exported (2.8)."""

    request = models.OneToOneField(
        "send.EhcRequest", on_delete=models.PROTECT, related_name="export"
    )
    la = models.CharField(max_length=3, help_text="SEN2 Exported (2.8)")
    exported_on = models.DateField()
    created_by = _by()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Exported to LA {self.la}"


class Mediation(models.Model):
    """Mediation on a decision (CAFA s52-53). SEN2 *Mediation flags."""

    request = models.ForeignKey(
        "send.EhcRequest", on_delete=models.PROTECT, related_name="mediations"
    )
    disputed = models.CharField(
        max_length=20,
        choices=Disputed.choices,
        help_text="SEN2 RequestMediation (2.6), AssessmentMediation (3.3) or "
        "OtherMediation (3.5)",
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=20, choices=MediationOutcome.choices, blank=True
    )
    created_by = _by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("-started_on", "-pk")

    def __str__(self) -> str:
        return f"Mediation on {self.get_disputed_display().lower()}"


class Appeal(models.Model):
    """An appeal to the First-tier Tribunal (CAFA s51; SENDR reg 44). SEN2
    *Tribunal flags."""

    request = models.ForeignKey(
        "send.EhcRequest", on_delete=models.PROTECT, related_name="appeals"
    )
    disputed = models.CharField(
        max_length=20,
        choices=Disputed.choices,
        help_text="SEN2 RequestTribunal (2.7), AssessmentTribunal (3.4) or "
        "OtherTribunal (3.6)",
    )
    registered_on = models.DateField()
    hearing_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=AppealOutcome.choices, blank=True)
    order_type = models.CharField(max_length=20, choices=OrderType.choices, blank=True)
    order = models.TextField(blank=True)
    complied_on = models.DateField(null=True, blank=True)
    created_by = _by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("-registered_on", "-pk")

    def __str__(self) -> str:
        return f"Appeal on {self.get_disputed_display().lower()}"


__all__ = [
    "Appeal",
    "Mediation",
    "PhaseTransfer",
    "PlanAmendment",
    "PlanCeasing",
    "RequestExport",
    "TransferIn",
]
