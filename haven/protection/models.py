"""Child protection on a child's children in need episode: strategy discussions,
section 47 enquiries, conferences, child protection plans and core groups.

The CIN census holds them in the episode's Section47 and ChildProtectionPlans
modules (/work/shared/domain/returns.md, section 1.4); the services check its
rules as each is recorded (haven/protection/rules.py), not at the census.
"""

from django.db import models

from haven.core.periods import Period
from haven.protection.codes import (
    Category,
    ConferenceDecision,
    ConferenceKind,
    EnquiryOutcome,
    ImmediateProtection,
    PlanEndReason,
    StrategyDecision,
)

# An enquiry runs from its start to its initial conference (or, when none is
# needed, to its outcome), both days included: the census's rule 8890 counts a
# second enquiry starting on the first one's conference day as overlapping it.
ENQUIRY_PERIOD = Period(
    "protection_section_47",
    start="started_on",
    end="ended_on",
    owner=("episode",),
    inclusive_end=True,
)

# A child's plans, whichever episode holds them: one open, none overlapping
# (census rules 8935, 8940). A plan ends on the day a review ends it, and a
# new one may start then.
PLAN_PERIOD = Period(
    "protection_plan", start="started_on", end="ended_on", owner=("person",)
)


class StrategyDiscussion(models.Model):
    episode = models.ForeignKey(
        "cin.CinEpisode", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    held_on = models.DateField()
    # [{"name", "agency", "role"}]: who took part, from which agency.
    participants = models.JSONField(default=list)
    information_shared = models.TextField()
    decision = models.CharField(max_length=30, choices=StrategyDecision.choices)
    no_section_47_reason = models.TextField(blank=True, default="")
    immediate_protection = models.CharField(
        max_length=30, choices=ImmediateProtection.choices, blank=True, default=""
    )
    actions_agreed = models.TextField(blank=True, default="")
    recorded_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"Strategy discussion on {self.held_on:%d %b %Y}"


class Section47Enquiry(models.Model):
    episode = models.ForeignKey(
        "cin.CinEpisode", on_delete=models.PROTECT, related_name="section_47_enquiries"
    )
    # The strategy discussion that started it: the initial conference is due
    # 15 working days from that discussion (CP-ICPC).
    strategy_discussion = models.OneToOneField(
        StrategyDiscussion, on_delete=models.PROTECT, related_name="section_47"
    )
    started_on = models.DateField()
    record = models.TextField(blank=True, default="")
    outcome = models.CharField(
        max_length=30, choices=EnquiryOutcome.choices, blank=True, default=""
    )
    completed_on = models.DateField(null=True, blank=True)
    icpc_target = models.DateField(null=True, blank=True)
    icpc_not_required = models.BooleanField(default=False)
    # The end of its period (ENQUIRY_PERIOD): the initial conference's day,
    # or the day it was completed when no conference is needed.
    ended_on = models.DateField(null=True, blank=True)
    started_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+"
    )

    period = ENQUIRY_PERIOD

    class Meta:
        ordering = ("-started_on", "-pk")
        constraints = ENQUIRY_PERIOD.constraints()

    def __str__(self) -> str:
        return f"Section 47 enquiry from {self.started_on:%d %b %Y}"


class Conference(models.Model):
    episode = models.ForeignKey(
        "cin.CinEpisode", on_delete=models.PROTECT, related_name="cp_conferences"
    )
    kind = models.CharField(max_length=20, choices=ConferenceKind.choices)
    # The enquiry an initial (or pre-birth) conference follows.
    section_47 = models.OneToOneField(
        Section47Enquiry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="initial_conference",
    )
    # The plan a review conference reviews.
    plan = models.ForeignKey(
        "protection.ChildProtectionPlan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    held_on = models.DateField()
    chair = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=20, choices=ConferenceDecision.choices)
    category = models.CharField(
        max_length=3, choices=Category.choices, blank=True, default=""
    )
    dissent = models.TextField(blank=True, default="")
    # [{"agency", "name", "role", "attended", "report"}]: invited and present.
    attendance = models.JSONField(default=list)
    family_views = models.TextField(blank=True, default="")
    child_views = models.TextField(blank=True, default="")
    # The minutes: what was discussed and the reasons for the decision.
    minutes = models.TextField(blank=True, default="")
    # A transfer-in conference: the authority the child's plan came from.
    transferred_from = models.CharField(max_length=200, blank=True, default="")
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on:%d %b %Y}"


class ChildProtectionPlan(models.Model):
    episode = models.ForeignKey(
        "cin.CinEpisode", on_delete=models.PROTECT, related_name="cp_plans"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cp_plans"
    )
    started_on = models.DateField()
    starting_conference = models.OneToOneField(
        Conference, on_delete=models.PROTECT, related_name="started_plan"
    )
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(
        max_length=30, choices=PlanEndReason.choices, blank=True, default=""
    )
    # Why, in words, when the reason is "other".
    end_note = models.TextField(blank=True, default="")
    end_conference = models.OneToOneField(
        Conference,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ended_plan",
    )
    initial_category = models.CharField(max_length=3, choices=Category.choices)
    latest_category = models.CharField(max_length=3, choices=Category.choices)
    # CIN census NumberOfPreviousCPP: counted from the child's history when the
    # plan starts, and kept as recorded for plans brought from another system.
    previous_plans = models.PositiveIntegerField(default=0)

    period = PLAN_PERIOD

    class Meta:
        ordering = ("-started_on", "-pk")
        constraints = PLAN_PERIOD.constraints()

    def __str__(self) -> str:
        return f"Child protection plan from {self.started_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class CoreGroup(models.Model):
    plan = models.ForeignKey(
        ChildProtectionPlan, on_delete=models.PROTECT, related_name="core_groups"
    )
    held_on = models.DateField()
    # [{"agency", "name", "role", "attended"}]
    attendance = models.JSONField(default=list)
    progress = models.TextField()
    recorded_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"Core group on {self.held_on:%d %b %Y}"


class PlanConcern(models.Model):
    """One concern of a child protection plan, in words for the family: what
    must change, what the family and each agency will do, by when, how
    progress will be seen and what happens if it does not. Changed only
    through concerns.set_concerns, which journals what changed."""

    plan = models.ForeignKey(
        ChildProtectionPlan, on_delete=models.PROTECT, related_name="concerns"
    )
    position = models.PositiveSmallIntegerField()
    concern = models.TextField()
    what_must_change = models.TextField()
    family_will = models.TextField()
    agencies_will = models.TextField()
    by_when = models.DateField()
    progress_seen = models.TextField()
    if_not = models.TextField()

    class Meta:
        ordering = ("position",)
        constraints = [
            models.UniqueConstraint(
                fields=("plan", "position"), name="protection_concern_position"
            )
        ]

    def __str__(self) -> str:
        return f"Concern {self.position}"


class ConferenceArrangement(models.Model):
    """A conference booked before it is held: its day, its chair and its
    administrator, who hold the child's case in those roles from the booking
    (arrangements.py). Rebooking changes the open arrangement; the journal
    keeps each change. Holding the conference closes it (`conference`)."""

    episode = models.ForeignKey(
        "cin.CinEpisode", on_delete=models.PROTECT, related_name="cp_arrangements"
    )
    kind = models.CharField(max_length=20, choices=ConferenceKind.choices)
    # The enquiry an initial (or pre-birth) conference follows, or the plan a
    # review conference reviews.
    section_47 = models.ForeignKey(
        Section47Enquiry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="arrangements",
    )
    plan = models.ForeignKey(
        ChildProtectionPlan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="arrangements",
    )
    planned_on = models.DateField()
    chair = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    administrator = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    arranged_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+"
    )
    arranged_at = models.DateTimeField()
    conference = models.OneToOneField(
        Conference,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="arrangement",
    )
    # The administrator's part (admin_work.py): the invitations sent for the
    # day booked (rebooking the day clears it), and the signed record sent
    # to those invited.
    invitations_sent_on = models.DateField(null=True, blank=True)
    record_circulated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("planned_on", "pk")
        constraints = [
            # One booking waiting at a time for each enquiry and each plan.
            models.UniqueConstraint(
                fields=("section_47",),
                condition=models.Q(conference__isnull=True, section_47__isnull=False),
                name="protection_one_open_arrangement_per_enquiry",
            ),
            models.UniqueConstraint(
                fields=("plan",),
                condition=models.Q(conference__isnull=True, plan__isnull=False),
                name="protection_one_open_arrangement_per_plan",
            ),
            models.UniqueConstraint(
                fields=("episode",),
                condition=models.Q(conference__isnull=True, kind="transfer_in"),
                name="protection_one_open_transfer_in_per_episode",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} arranged for {self.planned_on:%d %b %Y}"


class ConferenceAmendment(models.Model):
    """A change to a conference's record after its chair signed it off: kept
    beside the record as an amendment, with who made it, when and why, and
    never written over the signed words (records.py)."""

    conference = models.ForeignKey(
        Conference, on_delete=models.PROTECT, related_name="amendments"
    )
    text = models.TextField()
    reason = models.TextField()
    made_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField()

    class Meta:
        ordering = ("made_at", "pk")

    def __str__(self) -> str:
        return f"Amendment of {self.made_at:%d %b %Y}"
