"""A child's children in need episode, from referral to closure, and its plans.

The CIN census counts one episode per referral (CINdetails); a child may have only
one open at a time (census rule 8815), which the database enforces too.
"""

from django.db import models

from haven.cin.codes import ClosureReason, NeedCode, ReviewDecision
from haven.core.periods import Period

# A referral on the day an episode closed follows it (census rule 8820): the
# end is exclusive.
EPISODE_PERIOD = Period(
    "cin_episode",
    start="referral_date",
    end="closed_on",
    owner=("person",),
    one_open_name="cin_one_open_episode_per_person",
)


class CinEpisode(models.Model):
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cin_episodes"
    )
    referral_date = models.DateField()
    source = models.CharField(max_length=4)  # frontdoor.codes.ReferralSource
    # The front door contact that led here (none for a referral made elsewhere).
    contact = models.ForeignKey(
        "frontdoor.Contact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cin_episodes",
    )
    re_referral = models.BooleanField(default=False)
    primary_need = models.CharField(
        max_length=2, choices=NeedCode.choices, blank=True, default=""
    )
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(
        max_length=3, choices=ClosureReason.choices, blank=True, default=""
    )
    closing_summary = models.TextField(blank=True, default="")
    # CIN census ReferralNFA: the referral led to no further action, so the
    # episode closed with no assessment or plan (census rules 8831, 4000).
    referral_nfa = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    period = EPISODE_PERIOD

    class Meta:
        ordering = ("-referral_date", "-pk")
        constraints = EPISODE_PERIOD.constraints()

    def __str__(self) -> str:
        return f"CIN episode from {self.referral_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def current_plan(self) -> "Plan | None":
        return self.plans.filter(ended_on__isnull=True).first()


class Plan(models.Model):
    """A child in need plan (CINPlanDates: start and end)."""

    episode = models.ForeignKey(
        CinEpisode, on_delete=models.PROTECT, related_name="plans"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ("-started_on", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["episode"],
                condition=models.Q(ended_on__isnull=True),
                name="cin_one_open_plan_per_episode",
            ),
        ]

    def __str__(self) -> str:
        return f"Child in need plan from {self.started_on:%d %b %Y}"


class PlanAction(models.Model):
    """What must change, who does it, by when, and what happens if it does not."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    what_must_change = models.TextField()
    who = models.CharField(max_length=200)
    by_when = models.DateField()
    if_not_met = models.TextField()

    class Meta:
        ordering = ("by_when", "pk")

    def __str__(self) -> str:
        return self.what_must_change[:60]


class PlanReview(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    summary = models.TextField()
    decision = models.CharField(max_length=20, choices=ReviewDecision.choices)
    # Who attended, and the child's and parents' own views (blank on reviews
    # recorded before they were asked).
    attended = models.TextField(blank=True)
    childs_views = models.TextField(blank=True)
    parents_views = models.TextField(blank=True)
    next_review_on = models.DateField(
        null=True, blank=True, help_text="None when the review ended the plan."
    )
    recorded_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"Review on {self.held_on:%d %b %Y}"
