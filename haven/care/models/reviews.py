"""A looked-after child's reviews and what their IRO records between them.

Each row belongs to a period of care: the review regime of CPPCR reg 33 starts
again with each time the child comes into care. Who the child's IRO is, is not
kept here: it is a case role (an allocation, haven/core/models), with its own
history."""

from django.conf import settings
from django.db import models

from haven.care.reviews.codes import Participation


class Review(models.Model):
    """A looked-after child's review (CPPCR reg 33), chaired by the IRO: the
    SSDA903 Reviews table's REVIEW (the date) and REVIEW_CODE (participation).

    `number` counts the period's reviews in the order they were held (reviews
    are recorded in that order): the first and second decide when the next is
    due (LAC-REVIEW-1, LAC-REVIEW-2, then LAC-REVIEW-N)."""

    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="reviews"
    )
    number = models.PositiveSmallIntegerField()
    held_on = models.DateField(help_text="SSDA903 REVIEW")
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The IRO who chaired the review",
    )
    participation = models.CharField(
        max_length=3, choices=Participation.choices, help_text="SSDA903 REVIEW_CODE"
    )
    attended = models.TextField(help_text="Who attended, and in what capacity")
    decisions_circulated_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the review's decisions were sent out (LAC-IRO-RECORD)",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-held_on", "-number")
        constraints = [
            models.UniqueConstraint(
                fields=("period", "number"), name="care_review_one_number_a_period"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="care_review_number_from_one"
            ),
        ]

    def __str__(self) -> str:
        return f"Review {self.number} held on {self.held_on:%-d %B %Y}"


class Recommendation(models.Model):
    """One of the IRO's recommendations at a review: an action with an owner
    (a worker) and the date the IRO set for it, on the owner's My work until
    it is marked done with a note."""

    review = models.ForeignKey(
        Review, on_delete=models.PROTECT, related_name="recommendations"
    )
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    done_note = models.TextField(blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ("due_on", "pk")
        indexes = [
            models.Index(fields=("owner", "done_on"), name="care_rec_owner_open")
        ]

    def __str__(self) -> str:
        return f"Recommendation due {self.due_on:%-d %B %Y}"


class IroContact(models.Model):
    """The IRO's own contact with the child's case between reviews: a visit
    to (or meeting with) the child, or a midway check on the care plan's
    progress (IRO Handbook ch.3)."""

    class Kind(models.TextChoices):
        VISIT = "visit", "Visit to or meeting with the child"
        MIDWAY = "midway", "Midway check on the care plan"

    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="iro_contacts"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    on = models.DateField()
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-on", "-pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on:%-d %B %Y}"


class Escalation(models.Model):
    """The IRO's escalation of a concern about the child's care plan under
    the authority's dispute resolution protocol (IRO Handbook ch.6): raised
    informally, then through the formal stages, until it is resolved."""

    class Stage(models.TextChoices):
        INFORMAL = "informal", "Informal: with the social worker or team manager"
        FORMAL_1 = "formal_1", "Formal stage 1: the team manager"
        FORMAL_2 = "formal_2", "Formal stage 2: the service manager"
        FORMAL_3 = "formal_3", "Formal stage 3: the head of service"
        FORMAL_4 = "formal_4", "Formal stage 4: the director of children's services"

    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="escalations"
    )
    concern = models.TextField()
    raised_on = models.DateField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    stage = models.CharField(max_length=10, choices=Stage.choices)
    resolved_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ("-raised_on", "-pk")

    def __str__(self) -> str:
        return f"Escalation raised on {self.raised_on:%-d %B %Y}"


class EscalationStep(models.Model):
    """One stage an escalation went through: when, with whom, and what they
    answered."""

    escalation = models.ForeignKey(
        Escalation, on_delete=models.PROTECT, related_name="steps"
    )
    stage = models.CharField(max_length=10, choices=Escalation.Stage.choices)
    on = models.DateField()
    raised_with = models.CharField(max_length=200)
    response = models.TextField(blank=True)

    class Meta:
        ordering = ("on", "pk")

    def __str__(self) -> str:
        return f"{self.get_stage_display()} from {self.on:%-d %B %Y}"
