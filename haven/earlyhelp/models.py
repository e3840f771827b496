"""Early help: requests waiting in a team's queue, and the episode of work that
follows allocation (assessment, family plan with actions, reviews, closure).

One request is one episode for a family: it names the family's children (one or
several siblings), with one assessment and one plan covering them all; it waits
from `requested_on` until `allocated_on`, is worked until `closed_on`, and keeps
its history when the children step up to social care or step down from it (a
step down is a new request with source "step_down"; a step up closes the request
with outcome "step_up").

`person` is the child the request was made for (the record its pages open
from); `children` is every child it covers, that child included. Each child's
record carries the request's events and each child's case follows it.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

from haven.core.periods import Period
from haven.earlyhelp.codes import ClosureOutcome, RequestSource

if TYPE_CHECKING:
    from haven.people.models import Person


# Open from the request until closure (the end exclusive, as a CIN episode's),
# one open per child it was made for. The rule that a child is in no two open
# requests is per child of `children`, which a row's constraint cannot see:
# the services keep it, and no overlap is declared here.
REQUEST_PERIOD = Period(
    "earlyhelp_request",
    start="requested_on",
    end="closed_on",
    owner=("person",),
    no_overlap=False,
)


class EarlyHelpRequest(models.Model):
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="early_help_requests"
    )
    children = models.ManyToManyField(
        "people.Person",
        related_name="family_early_help_requests",
        help_text="Every child the request covers, the child it was made for too.",
    )
    requested_on = models.DateField()
    reason = models.TextField(help_text="What the family needs help with.")
    source = models.CharField(max_length=12, choices=RequestSource.choices)
    contact = models.ForeignKey(
        "frontdoor.Contact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="early_help_requests",
        help_text="The front door contact that led here.",
    )
    team = models.ForeignKey(
        "core.Team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="early_help_requests",
        help_text="The early help team whose queue the family waits in.",
    )
    allocated_on = models.DateField(null=True, blank=True)
    allocated_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="early_help_requests",
    )
    # The lead practitioner coordinates the help and may work outside the
    # council (a school, health visitor, voluntary organisation): in words, or a
    # staff member when they are council staff (then the words are their name).
    lead_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="early_help_leads",
    )
    lead_name = models.CharField(max_length=200, blank=True)
    lead_role = models.CharField(max_length=200, blank=True)
    lead_organisation = models.CharField(max_length=200, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=20, choices=ClosureOutcome.choices, blank=True
    )
    closure_notes = models.TextField(blank=True)
    cin_episode = models.ForeignKey(
        "cin.CinEpisode",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stepped_up_early_help",
        help_text="The social care episode it stepped up to.",
    )
    stepped_up_contact = models.ForeignKey(
        "frontdoor.Contact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stepped_up_early_help",
        help_text="The front door contact the step up made.",
    )
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    period = REQUEST_PERIOD

    class Meta:
        ordering = ["requested_on", "pk"]
        constraints = [
            *REQUEST_PERIOD.constraints(),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | ~models.Q(outcome=""),
                name="earlyhelp_closed_has_outcome",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "closed_on"], name="earlyhelp_team_idx"),
            models.Index(fields=["person", "closed_on"], name="earlyhelp_person_idx"),
        ]

    def __str__(self) -> str:
        return f"Early help request {self.pk} for {self.person_id}"

    def family(self) -> list["Person"]:
        """The children it covers, the child it was made for first."""
        rest = sorted(
            (c for c in self.children.all() if c.pk != self.person_id),
            key=lambda c: (c.family_name, c.given_name, c.pk),
        )
        return [self.person, *rest]

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def is_allocated(self) -> bool:
        return self.allocated_on is not None


class EarlyHelpAssessment(models.Model):
    """The early help assessment of the family: strengths, needs and views."""

    request = models.OneToOneField(
        EarlyHelpRequest, on_delete=models.PROTECT, related_name="assessment"
    )
    strengths = models.TextField()
    needs = models.TextField()
    family_view = models.TextField("Family's view", blank=True)
    child_view = models.TextField("Child's view", blank=True)
    analysis = models.TextField()
    # Early help is voluntary: the family's agreement to being assessed.
    family_agreed_on = models.DateField(null=True, blank=True)
    family_agreed_by = models.CharField(
        max_length=200, blank=True, help_text="Who in the family agreed, in words."
    )
    started_on = models.DateField()
    completed_on = models.DateField()
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"Early help assessment for request {self.request_id}"


class FamilyPlan(models.Model):
    request = models.OneToOneField(
        EarlyHelpRequest, on_delete=models.PROTECT, related_name="plan"
    )
    started_on = models.DateField()
    # The family's agreement to the plan: on the day it was agreed
    # (`started_on`), by whom.
    family_agreed_by = models.CharField(
        max_length=200, blank=True, help_text="Who in the family agreed, in words."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"Family plan for request {self.request_id}"


class PlanAction(models.Model):
    """One thing someone will do by a date; `owner` is the worker who follows it up."""

    plan = models.ForeignKey(
        FamilyPlan, on_delete=models.PROTECT, related_name="actions"
    )
    action = models.TextField()
    who = models.CharField(max_length=200, help_text="Who will do it, in words.")
    by_when = models.DateField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="early_help_actions",
    )
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["by_when", "pk"]
        indexes = [
            models.Index(fields=["owner", "done_on"], name="earlyhelp_action_idx")
        ]

    def __str__(self) -> str:
        return self.action[:60]


class PlanReview(models.Model):
    plan = models.ForeignKey(
        FamilyPlan, on_delete=models.PROTECT, related_name="reviews"
    )
    held_on = models.DateField()
    progress = models.TextField()
    next_steps = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"Review of plan {self.plan_id} on {self.held_on}"
