"""SEND records: a request for an EHC needs assessment, the advice it gathers,
and the EHC plan that may follow (the Children and Families Act 2014 Part 3;
the SEND Regulations 2014). One request leads to at most one plan, as SEN2 has
it; the stages are dates on the request, each set by its service."""

from django.conf import settings
from django.db import models

from haven.send.codes import (
    AdviceKind,
    CanMeet,
    CeaseReason,
    DirectPayment,
    Exception20,
    NeedType,
    PlacementRank,
    RequestSource,
    Residential,
    ReviewOutcome,
    SenSetting,
    WorkBased,
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
    rya = models.BooleanField(
        "Made while in relevant youth accommodation",
        default=False,
        help_text="SEN2 RYA (2.3): 1 when the request was made while the young "
        "person was in relevant youth accommodation (custody)",
    )
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


class Where(models.Model):
    """SEN2's "where": exactly one of URN, UKPRN or SENsetting, and the flags
    (PlanDetail 4.7a-f, PlacementDetail 5.7a-c, g-h)."""

    establishment = models.ForeignKey(
        "core.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="SEN2 URN (4.7a / 5.7a)",
    )
    ukprn = models.PositiveIntegerField(
        "UKPRN", null=True, blank=True, help_text="SEN2 UKPRN (4.7b / 5.7b)"
    )
    sen_setting = models.CharField(
        max_length=4,
        choices=SenSetting.choices,
        blank=True,
        help_text="SEN2 SENsetting (4.7c / 5.7c), only when no URN or UKPRN",
    )
    sen_setting_other = models.CharField(
        max_length=200, blank=True, help_text="SEN2 SENsettingOther (4.7c-i)"
    )
    sen_unit = models.BooleanField(
        default=False, help_text="SEN2 SENunitIndicator (4.7e / 5.7g)"
    )
    resourced = models.BooleanField(
        default=False, help_text="SEN2 ResourcedProvisionIndicator (4.7f / 5.7h)"
    )

    class Meta:
        abstract = True

    @property
    def where(self) -> str:
        """The setting in words: its name, UKPRN or SEN2 code."""
        if self.establishment_id:
            return str(self.establishment)
        if self.ukprn:
            return f"UKPRN {self.ukprn}"
        words = self.get_sen_setting_display()
        return f"{words}: {self.sen_setting_other}" if self.sen_setting_other else words


def _exactly_one_where(
    name: str, *, allow_none: bool = False
) -> models.CheckConstraint:
    has_urn = models.Q(establishment__isnull=False)
    has_ukprn = models.Q(ukprn__isnull=False)
    has_code = ~models.Q(sen_setting="")
    one = (
        (has_urn & ~has_ukprn & ~has_code)
        | (~has_urn & has_ukprn & ~has_code)
        | (~has_urn & ~has_ukprn & has_code)
    )
    if allow_none:
        one |= ~has_urn & ~has_ukprn & ~has_code
    return models.CheckConstraint(condition=one, name=name)


class NamedSetting(Where):
    """A school or setting an EHC plan names (section I; SEN2 PlanDetail,
    4.7a-f), rank 1 or 2.

    EhcPlan.setting stays the plan's rank-1 URN: the draft and final plan
    forms, the demo and the SEN2 export already read it, so moving it would
    break them all for no gain. The rank-1 row here holds the rest of rank 1
    (its flags, or its UKPRN or SENsetting when it has no URN, and then
    EhcPlan.setting is empty); it never holds a URN itself, so the URN has one
    home. The rank-2 row holds all of rank 2. details.plan_details() reads both
    as SEN2 has them."""

    plan = models.ForeignKey(
        EhcPlan, on_delete=models.CASCADE, related_name="named_settings"
    )
    rank = models.PositiveSmallIntegerField(
        choices=PlacementRank.choices, help_text="SEN2 PlacementRank (4.7d)"
    )

    class Meta:
        ordering = ("plan", "rank")
        constraints = [
            models.UniqueConstraint(
                fields=("plan", "rank"), name="send_named_setting_one_per_rank"
            ),
            # Rank 1's URN is EhcPlan.setting; rank 1 here may hold only the
            # flags (no URN, UKPRN or code) when the URN is on the plan.
            models.CheckConstraint(
                condition=models.Q(rank=2) | models.Q(establishment__isnull=True),
                name="send_named_setting_rank1_urn_on_plan",
            ),
            _exactly_one_where("send_named_setting_one_where", allow_none=True),
        ]

    def __str__(self) -> str:
        return f"{self.get_rank_display()} named in the plan"


class PlanArrangements(models.Model):
    """The plan's personal budget and its residential and work-based learning
    codes (section J; SEN2 NamedPlan PlanRes 4.2, PlanWBP 4.3, PB 4.4a, OA
    4.4b, DP 4.4c). A row of its own, so the plan's own fields stay as they
    were; none recorded reads as SEN2's 0 and empty codes."""

    plan = models.OneToOneField(
        EhcPlan, on_delete=models.CASCADE, related_name="arrangements"
    )
    personal_budget = models.BooleanField(
        default=False, help_text="SEN2 PB (4.4a): 1 when a personal budget is taken up"
    )
    organised = models.BooleanField(
        default=False,
        help_text="SEN2 OA (4.4b): 1 when the budget is held as organised arrangements",
    )
    direct_payment = models.CharField(
        max_length=1,
        choices=DirectPayment.choices,
        blank=True,
        help_text="SEN2 DP (4.4c)",
    )
    residential = models.CharField(
        max_length=1,
        choices=Residential.choices,
        blank=True,
        help_text="SEN2 PlanRes (4.2), RFC 1299 codes",
    )
    work_based = models.CharField(
        max_length=1,
        choices=WorkBased.choices,
        blank=True,
        help_text="SEN2 PlanWBP (4.3)",
    )

    def __str__(self) -> str:
        return "Personal budget and arrangements"


class SendPlacement(Where):
    """Where a child with an EHC plan was educated, over time (SEN2
    ActivePlans/PlacementDetail, 5.7a-h, Res 5.2, WBP 5.3). Two rank-1
    placements of one child never overlap (details_placements.py)."""

    plan = models.ForeignKey(
        EhcPlan, on_delete=models.PROTECT, related_name="placements"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="send_placements"
    )
    rank = models.PositiveSmallIntegerField(
        choices=PlacementRank.choices, help_text="SEN2 PlacementRank (5.7d)"
    )
    entered_on = models.DateField(help_text="SEN2 EntryDate (5.7e)")
    left_on = models.DateField(
        null=True, blank=True, help_text="SEN2 LeavingDate (5.7f)"
    )
    residential = models.CharField(
        max_length=1,
        choices=Residential.choices,
        blank=True,
        help_text="SEN2 Res (5.2), RFC 1299 codes",
    )
    work_based = models.CharField(
        max_length=1, choices=WorkBased.choices, blank=True, help_text="SEN2 WBP (5.3)"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("-entered_on", "rank", "-pk")
        indexes = [models.Index(fields=("person", "entered_on"), name="send_plc_p")]
        constraints = [
            _exactly_one_where("send_placement_one_where"),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(left_on__gte=models.F("entered_on")),
                name="send_placement_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"Placement from {self.entered_on:%-d %B %Y}"


class Consultation(models.Model):
    """A school or setting consulted about naming it in the child's EHC plan
    (the draft plan stage: CAFA 2014 s39-40; SENDR 2014 reg 9, 13): when it
    was asked, and when and what it answered."""

    request = models.ForeignKey(
        EhcRequest, on_delete=models.CASCADE, related_name="consultations"
    )
    establishment = models.ForeignKey(
        "core.Establishment", on_delete=models.PROTECT, related_name="+"
    )
    asked_on = models.DateField()
    replied_on = models.DateField(null=True, blank=True)
    answer = models.CharField(max_length=1, choices=CanMeet.choices, blank=True)
    reply = models.TextField(blank=True, help_text="The gist of the reply")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("asked_on", "pk")

    def __str__(self) -> str:
        return f"Consultation with {self.establishment.name}"


from haven.send.changes.models import *  # noqa: E402, F403  (a plan's changes)
