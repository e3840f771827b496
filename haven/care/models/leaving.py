"""What a care leaver's personal adviser keeps beyond the pathway plan: where
the young person lives (each accommodation dated, with its SSDA903 ACCOM code
saying also whether it suits them), the adviser's visits (Care Leavers
(England) Regulations 2010 reg 8), and staying put or staying close after 18."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class LeaverAccommodation(models.Model):
    """Where a care leaver lived from `started_on` (to `ended_on`, exclusive,
    when they moved on): accommodation provided or arranged under Children Act
    1989 s23B or s24B, its SSDA903 ACCOM code (letter for the kind of place,
    1 suitable, 2 not suitable) and the address or place in words."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    accommodation = models.CharField(max_length=2, help_text="SSDA903 ACCOM.")
    place = models.CharField(max_length=200, help_text="The address or place.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-started_on", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=("person",),
                condition=Q(ended_on__isnull=True),
                name="care_leaver_accommodation_one_open",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=F("started_on")),
                name="care_leaver_accommodation_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Accommodation from {self.started_on:%-d %B %Y}"


class AdviserVisit(models.Model):
    """The personal adviser's visit to the young person at their
    accommodation (CLR reg 8(2)): within 7 days of it first being provided,
    before each pathway plan review, and at most two months apart."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    accommodation = models.ForeignKey(
        LeaverAccommodation, on_delete=models.PROTECT, related_name="visits"
    )
    visited_on = models.DateField()
    note = models.TextField(help_text="What the adviser saw and heard.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-visited_on", "-pk")

    def __str__(self) -> str:
        return f"Personal adviser's visit on {self.visited_on:%-d %B %Y}"


class StayingArrangement(models.Model):
    """Staying put (Children Act 1989 s23CZA: a former relevant young person
    staying on with their former foster carer after 18, to 21) or staying
    close (s23CZB as the Children's Wellbeing and Schools Act brings it in:
    support to live near the children's home they leave), from `started_on`
    to `ends_on` (exclusive): the day it ended or is to end."""

    class Kind(models.TextChoices):
        STAYING_PUT = "staying_put", "Staying put"
        STAYING_CLOSE = "staying_close", "Staying close"

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    started_on = models.DateField()
    ends_on = models.DateField(
        help_text="The day it ends (exclusive); at the latest their 21st birthday."
    )
    with_whom = models.CharField(
        max_length=200, help_text="The former foster carer, or the home nearby."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-started_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("started_on")),
                name="care_staying_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on:%-d %B %Y}"
