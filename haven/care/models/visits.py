"""What the statutory visits to a looked-after child need beyond the visit notes
casework keeps: a child's agreement to fewer visits in a long-term foster
placement, and requests for an extra visit.

The visit itself is a casework note (a statutory visit in which the child was
seen); the placement it was made at is derived from the placement history on
the visit's day (haven/care/visits/timeline.py), never stored, so a corrected
move moves the visit with it.
"""

from django.conf import settings
from django.db import models


class FewerVisitsAgreement(models.Model):
    """A child in a long-term foster placement of at least a year, of sufficient
    age and understanding, agreed to be visited at intervals of up to six
    months (CPPCR reg 28(3A)): from the next visit, LAC-VISIT-LTFP applies."""

    placement = models.OneToOneField(
        "care.Placement", on_delete=models.PROTECT, related_name="fewer_visits"
    )
    agreed_on = models.DateField()
    views = models.TextField(help_text="What the child said, in their words.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Fewer visits agreed on {self.agreed_on:%-d %B %Y}"


class VisitRequest(models.Model):
    """An extra visit asked for (CPPCR reg 28(6)-(7)): by the child, their
    carer or a parent, or because the authority was told of a concern."""

    class AskedBy(models.TextChoices):
        CHILD = "child", "The child"
        CARER = "carer", "Their carer"
        PARENT = "parent", "A parent"
        CONCERN = "concern", "Nobody: we were told of a concern"

    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="visit_requests"
    )
    requested_on = models.DateField()
    asked_by = models.CharField(max_length=10, choices=AskedBy.choices)
    details = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-requested_on", "-pk")

    def __str__(self) -> str:
        return f"Visit asked for on {self.requested_on:%-d %B %Y}"
