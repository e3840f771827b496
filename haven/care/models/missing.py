"""A looked-after child's missing and away-from-placement episodes, the return
home interview after each, and the strategy meetings held when they go missing
for long or often.

A child who goes missing stays on their placement: the episode is recorded
beside the placement history, never as a break in it, as the SSDA903 keeps its
Missing table beside its Episodes (returns.md 2.5). Times are kept, not only
days: the police are told within hours, and the return home interview is due
72 hours after the child came back.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from haven.care.codes import MissingKind


class MissingEpisode(models.Model):
    """One episode of being missing (or away without authorisation), from when
    the child went to when they returned or were found."""

    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="missing_episodes"
    )
    kind = models.CharField(
        max_length=1, choices=MissingKind.choices, help_text="SSDA903 MISSING."
    )
    started_at = models.DateTimeField(help_text="SSDA903 MIS_START is its day.")
    ended_at = models.DateTimeField(
        null=True, blank=True, help_text="When they returned or were found (MIS_END)."
    )
    reported_to_police = models.BooleanField(default=False)
    police_reference = models.CharField(max_length=40, blank=True, default="")
    interview_offered_on = models.DateField(
        null=True, blank=True, help_text="When the return home interview was offered."
    )
    interview_held_on = models.DateField(null=True, blank=True)
    interview_declined = models.BooleanField(default=False)
    interviewed_by = models.CharField(
        max_length=200,
        blank=True,
        default="",
        help_text="Who offered or held the interview (an independent person).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("started_at", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gt=F("started_at")),
                name="care_missing_ends_after_it_starts",
            ),
            # One open episode at a time: a child cannot go missing twice at once.
            models.UniqueConstraint(
                fields=["period"],
                condition=Q(ended_at__isnull=True),
                name="care_missing_one_open",
            ),
            models.CheckConstraint(
                condition=Q(interview_held_on__isnull=True)
                | Q(interview_offered_on__isnull=False, interview_declined=False),
                name="care_missing_interview_held_if_offered",
            ),
            models.CheckConstraint(
                condition=Q(police_reference="") | Q(reported_to_police=True),
                name="care_missing_reference_when_reported",
            ),
        ]
        indexes = [
            models.Index(fields=["period", "started_at"], name="care_missing_period"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_at:%-d %B %Y %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class StrategyMeeting(models.Model):
    """A strategy meeting about a child who went missing for long or often
    (LAC-MISSING-STRAT): when it was held and what it decided."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField()
    decisions = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"Strategy meeting on {self.held_on:%-d %B %Y}"
