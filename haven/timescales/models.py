"""Obligations (what is due, for whom, by when) and the history of local settings."""

import datetime as dt

from django.db import models

from haven.core.models import JournalEvent, User


class RuleSetting(models.Model):
    """A local authority's own value for a configurable rule, from a date.

    Rows are never changed: a new value is a new row. An obligation is due under
    the setting that applied on its trigger date, so a change never moves a date
    already due (settings apply from tomorrow at the earliest).
    """

    rule_id = models.CharField(max_length=40)
    deadline = models.CharField(max_length=40, help_text="e.g. +3 m or +20 WD")
    interval = models.CharField(max_length=40, blank=True)
    applies_from = models.DateField()
    reason = models.TextField()
    changed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["rule_id", "-applies_from", "-recorded_at"]

    def __str__(self) -> str:
        return f"{self.rule_id}: {self.deadline} from {self.applies_from}"


class Obligation(models.Model):
    """One duty with a due date, derived from the child's journal.

    Never edited by hand: `haven.timescales.engine` rebuilds a child's obligations
    from their journal whenever a relevant event is recorded. "Overdue" is not
    stored, because it depends on today: it is a due obligation past its date.
    """

    class Status(models.TextChoices):
        DUE = "due", "Due"
        MET_ON_TIME = "met_on_time", "Met on time"
        MET_LATE = "met_late", "Met late"
        NO_LONGER_REQUIRED = "no_longer_required", "No longer required"

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="obligations"
    )
    rule_id = models.CharField(max_length=40)
    subject = models.CharField(max_length=40)
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices)
    trigger_event = models.ForeignKey(
        JournalEvent, on_delete=models.PROTECT, related_name="+"
    )
    closing_event = models.ForeignKey(
        JournalEvent, on_delete=models.PROTECT, null=True, related_name="+"
    )
    closed_on = models.DateField(null=True)
    setting = models.ForeignKey(RuleSetting, on_delete=models.PROTECT, null=True)

    class Meta:
        indexes = [
            models.Index(fields=["person", "rule_id"]),
            models.Index(fields=["status", "due_on"]),
            # The obligation of one record (an EHC request's 20 weeks, a
            # contact's decision) is found by its subject and rule. The
            # subject first: led by the rule, SQLite read every obligation
            # of a work list's rules rather than start from its cases.
            models.Index(fields=["subject", "rule_id"], name="obligation_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} for person {self.person_id} due {self.due_on}"

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == self.Status.DUE and self.due_on < today
