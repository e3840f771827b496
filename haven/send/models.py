"""SEND records: a request for an EHC needs assessment, the advice it gathers,
and the EHC plan that may follow (the Children and Families Act 2014 Part 3;
the SEND Regulations 2014). One request leads to at most one plan, as SEN2 has
it; the stages are dates on the request, each set by its service."""

from django.conf import settings
from django.db import models

from haven.send.codes import (
    AdviceKind,
    CeaseReason,
    Exception20,
    NeedType,
    RequestSource,
    ReviewOutcome,
)


class Decision(models.TextChoices):
    YES = "Y", "Yes"
    NO = "N", "No"


class EhcRequest(models.Model):
    """A request for an EHC needs assessment (SEN2 module 2, "Requests") and
    the local authority's decisions on it (module 3, "Assessment")."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="ehc_requests"
    )
    received_on = models.DateField(help_text="SEN2 ReceivedDate (2.1)")
    source = models.CharField(
        max_length=20, choices=RequestSource.choices, help_text="SEN2 RequestSource"
    )
    details = models.TextField(blank=True)
    assess = models.CharField(
        max_length=1, choices=Decision.choices, blank=True, help_text="RequestOutcome"
    )
    assess_decided_on = models.DateField(
        null=True, blank=True, help_text="SEN2 RequestOutcomeDate (2.4)"
    )
    assess_reason = models.TextField(blank=True)
    issue = models.CharField(
        max_length=1,
        choices=Decision.choices,
        blank=True,
        help_text="SEN2 AssessmentOutcome (3.1)",
    )
    issue_decided_on = models.DateField(
        null=True, blank=True, help_text="SEN2 AssessmentOutcomeDate (3.2)"
    )
    issue_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("-received_on", "-pk")
        indexes = [models.Index(fields=("person", "received_on"), name="send_req_p")]

    def __str__(self) -> str:
        return f"EHC needs assessment request of {self.received_on:%-d %B %Y}"

    @property
    def stage(self) -> str:
        """Where the request stands, in words."""
        plan = getattr(self, "plan", None)
        if hasattr(self, "export"):
            return "Passed to another local authority"
        if plan is not None and plan.ceased_on:
            return "EHC plan ceased"
        if plan is not None and plan.issued_on:
            return "EHC plan issued"
        if plan is not None:
            return "Draft plan with the family"
        if self.assess == Decision.NO:
            return "Decided not to assess"
        if self.issue == Decision.NO:
            return "Decided not to issue a plan"
        if self.issue == Decision.YES:
            return "Plan to be drafted"
        if self.assess == Decision.YES:
            return "Being assessed"
        return "Waiting for the decision to assess"

    @property
    def closed(self) -> bool:
        plan = getattr(self, "plan", None)
        ended = Decision.NO in (self.assess, self.issue) or hasattr(self, "export")
        return ended or (plan is not None and plan.issued_on is not None)


class Advice(models.Model):
    """Advice asked for an EHC needs assessment (SENDR reg 6), and when it came."""

    request = models.ForeignKey(
        EhcRequest, on_delete=models.CASCADE, related_name="advice"
    )
    kind = models.CharField(max_length=20, choices=AdviceKind.choices)
    requested_on = models.DateField()
    # The child's social worker, asked for the social care advice (on their queue).
    requested_from = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    asked_of = models.CharField(max_length=200, blank=True)
    received_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ("requested_on", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("request", "kind"), name="send_advice_one_of_a_kind"
            )
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class EhcPlan(models.Model):
    """An EHC plan: the draft served on the family, then the final plan (SEN2
    module 4, "NamedPlan"). Sections A to K are the plan's own words."""

    request = models.OneToOneField(
        EhcRequest, on_delete=models.PROTECT, related_name="plan"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="ehc_plans"
    )
    draft_served_on = models.DateField()
    issued_on = models.DateField(
        null=True, blank=True, help_text="SEN2 StartDate (4.1)"
    )
    setting = models.ForeignKey(
        "core.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="SEN2 URN / UKPRN (4.7a, 4.7b)",
    )
    primary_need = models.CharField(
        max_length=4, choices=NeedType.choices, blank=True, help_text="SENtype rank 1"
    )
    secondary_need = models.CharField(
        max_length=4, choices=NeedType.choices, blank=True, help_text="SENtype rank 2"
    )
    exception = models.CharField(
        max_length=20,
        choices=Exception20.choices,
        blank=True,
        help_text="SEN2 Week20 (3.7): 1 when an exception is recorded",
    )
    section_a = models.TextField(blank=True)
    section_b = models.TextField(blank=True)
    section_c = models.TextField(blank=True)
    section_d = models.TextField(blank=True)
    section_e = models.TextField(blank=True)
    section_f = models.TextField(blank=True)
    section_g = models.TextField(blank=True)
    section_h = models.TextField(blank=True)
    section_i = models.TextField(blank=True)
    section_j = models.TextField(blank=True)
    section_k = models.TextField(blank=True)
    ceased_on = models.DateField(
        null=True, blank=True, help_text="SEN2 CeaseDate (4.5)"
    )
    cease_reason = models.CharField(
        max_length=1,
        choices=CeaseReason.choices,
        blank=True,
        help_text="SEN2 CeaseReason (4.6)",
    )

    class Meta:
        ordering = ("-draft_served_on", "-pk")

    def __str__(self) -> str:
        return "EHC plan" if self.issued_on else "Draft EHC plan"


class AnnualReview(models.Model):
    """An annual review of a final EHC plan (CAFA s44; SENDR reg 20-21): the
    meeting, then the local authority's decision to keep, amend or cease the
    plan (SEN2 ReviewMeeting and ReviewOutcome)."""

    plan = models.ForeignKey(EhcPlan, on_delete=models.PROTECT, related_name="reviews")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="ehc_reviews"
    )
    held_on = models.DateField(help_text="SEN2 ReviewMeeting")
    attended = models.TextField()
    views = models.TextField(help_text="The views of the child and family, in short")
    decision = models.CharField(
        max_length=1,
        choices=ReviewOutcome.choices,
        blank=True,
        help_text="SEN2 ReviewOutcome",
    )
    decided_on = models.DateField(null=True, blank=True)
    amendments = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"Annual review of {self.held_on:%-d %B %Y}"


from haven.send.changes.models import *  # noqa: E402, F403  (a plan's changes)
