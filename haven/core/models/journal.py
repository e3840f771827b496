"""The journal: each person's append-only, hash-chained history of events."""

from django.conf import settings
from django.db import models


class JournalEvent(models.Model):
    """One thing that happened to or about a person, as recorded.

    Rows are never updated or deleted (database triggers refuse both); a correction
    is a new event that names the one it corrects and why. Each row's hash covers
    its content and the previous row's hash, so an edit made behind Haven's back
    breaks the chain and `manage.py verify_journal` names where.
    """

    class Source(models.TextChoices):
        SCREEN = "screen", "Screen"
        API = "api", "API"
        SYSTEM = "system", "System"
        IMPORT = "import", "Migrated history"

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="journal"
    )
    sequence = models.PositiveIntegerField()
    type = models.CharField(max_length=80, help_text="Past-tense dotted name.")
    payload = models.JSONField(default=dict)
    occurred_at = models.DateTimeField(help_text="When it happened in real life.")
    recorded_at = models.DateTimeField(help_text="When it was recorded in Haven.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    significant = models.BooleanField(default=False)
    reason = models.TextField(blank=True, help_text="Why: required for corrections.")
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    backfilled = models.BooleanField(default=False)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["person", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "sequence"], name="journal_one_event_per_sequence"
            )
        ]
        indexes = [
            models.Index(fields=["person", "-occurred_at"], name="journal_time_idx"),
            models.Index(fields=["type"], name="journal_type_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.type} #{self.sequence} for person {self.person_id}"
