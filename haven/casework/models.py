"""Case notes, their autosaved drafts, supervision and the oversight policy."""

import uuid

from django.conf import settings
from django.db import models

from haven.casework import visits
from haven.casework.codes import NoteKind, OversightCategory
from haven.casework.visits import BedroomSeen, VisitPlace
from haven.core.versions import version_field


class CaseNote(models.Model):
    """One note on one child's record.

    A note recorded for several children (siblings seen together) is one row per
    child sharing a `group`, so each child's record holds its own copy.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="case_notes"
    )
    kind = models.CharField(max_length=20, choices=NoteKind.choices)
    occurred_at = models.DateTimeField(help_text="When the visit, call or work was.")
    subject = models.CharField(max_length=200)
    body = models.TextField()
    impact = models.TextField(
        blank=True, help_text="What this means for the child, for the chronology."
    )
    child_seen = models.BooleanField(default=False)
    seen_alone = models.BooleanField(default=False)
    alone_not_applicable = models.BooleanField(
        default=False, help_text="Seen, and a baby or too young to be seen alone."
    )
    not_alone_reason = models.TextField(
        blank=True, help_text="Why the child, seen, was not seen alone."
    )
    # A visit's details (blank on other kinds of note).
    statutory_visit = models.BooleanField(null=True, blank=True)
    visit_place = models.CharField(max_length=20, blank=True, choices=VisitPlace)
    announced = models.BooleanField(null=True, blank=True)
    bedroom_seen = models.CharField(max_length=20, blank=True, choices=BedroomSeen)
    significant = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_notes"
    )
    recorded_at = models.DateTimeField()
    group = models.UUIDField(default=uuid.uuid4, db_index=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["person", "-occurred_at"], name="casenote_person_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(seen_alone=True, child_seen=False),
                name="casenote_seen_alone_only_if_seen",
            ),
            models.CheckConstraint(
                condition=~models.Q(alone_not_applicable=True, child_seen=False)
                & ~models.Q(alone_not_applicable=True, seen_alone=True),
                name="casenote_alone_not_applicable_only_if_seen_not_alone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"

    @property
    def visit_words(self) -> str:
        return visits.words({name: getattr(self, name) for name in visits.FIELDS})


class Draft(models.Model):
    """A case note being typed, saved as the worker types so nothing is lost.

    Not part of the record: only its author sees it, it is never journalled, and
    saving the note deletes it. One per worker, child and form, so opening the
    form again resumes it rather than starting another.
    """

    class Form(models.TextChoices):
        CASE_NOTE = "case_note", "Case note"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="casework_drafts",
    )
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The record the worker started from.",
    )
    # Not the note's kind: that is a radio on the form, and a draft keyed on it
    # would move or multiply as the worker changes their mind.
    form = models.CharField(max_length=20, choices=Form.choices, default=Form.CASE_NOTE)
    person_ids = models.JSONField(default=list, help_text="The children chosen.")
    fields = models.JSONField(default=dict, help_text="The form as typed.")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    # The same draft open in two tabs: an autosave from the one left behind is
    # refused rather than overwriting what the other saved since.
    version = version_field()

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "person", "form"],
                name="one_draft_per_worker_child_and_form",
            )
        ]

    def __str__(self) -> str:
        return f"Draft {self.pk} by {self.author_id}"

    @property
    def subject(self) -> str:
        value = self.fields.get("subject", "")
        if isinstance(value, list):
            value = value[-1] if value else ""
        return str(value)


class Supervision(models.Model):
    """A manager's case supervision: management oversight of one child's case."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="supervisions"
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The worker supervised (blank on supervisions recorded before it was asked).
    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    held_on = models.DateField()
    discussion = models.TextField()
    reflections = models.TextField(blank=True)
    decisions = models.TextField(blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["person", "-held_on"], name="supervision_person_idx")
        ]

    def __str__(self) -> str:
        return f"Supervision of {self.person_id} on {self.held_on}"


class SupervisionAction(models.Model):
    """Something a supervision decided must be done, by whom and by when."""

    supervision = models.ForeignKey(
        Supervision, on_delete=models.PROTECT, related_name="actions"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="supervision_actions",
    )
    description = models.TextField()
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "done_on"], name="action_owner_idx")]

    def __str__(self) -> str:
        return self.description[:60]


class OversightPolicy(models.Model):
    """How often a child's case must have recorded management oversight.

    History is kept: a change adds a row, and the newest row that applies on a
    date wins.
    """

    category = models.CharField(max_length=20, choices=OversightCategory.choices)
    weeks = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=200)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField(blank=True)
    applies_from = models.DateField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["category", "-applies_from", "-pk"]
        verbose_name_plural = "oversight policies"

    def __str__(self) -> str:
        weeks = "week" if self.weeks == 1 else f"{self.weeks} weeks"
        return f"{self.get_category_display()}: every {weeks}"


class PlannedVisit(models.Model):
    """A visit a worker means to make to a child on a day: a plan, not a record
    that the child was seen (the visit note is that). Cancelling keeps the row,
    with when and why."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="planned_visits"
    )
    planned_for = models.DateField()
    visitor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField(max_length=200, blank=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["planned_for", "pk"]
        indexes = [
            models.Index(
                fields=["visitor", "planned_for"], name="planvisit_visitor_idx"
            ),
            models.Index(fields=["person", "planned_for"], name="planvisit_person_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cancelled_at__isnull=True)
                | ~models.Q(cancel_reason=""),
                name="planvisit_cancelled_with_reason",
            )
        ]

    def __str__(self) -> str:
        return f"Visit to {self.person_id} planned for {self.planned_for}"
