"""The single (child and family) assessment of a child in need episode."""

from django.db import models

from haven.assessments.codes import Outcome, Status
from haven.core.versions import version_field


class Assessment(models.Model):
    episode = models.ForeignKey(
        "cin.CinEpisode", on_delete=models.PROTECT, related_name="assessments"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="assessments"
    )
    reason = models.TextField(blank=True, default="")
    started_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    # CIN census AssessmentFactors codes (codes.Factor), in the order chosen.
    factors = models.JSONField(default=list, blank=True)
    childs_voice = models.TextField(blank=True, default="")
    parents_views = models.TextField(blank=True, default="")
    risks = models.TextField(blank=True, default="")
    strengths = models.TextField(blank=True, default="")
    protective_factors = models.TextField(blank=True, default="")
    analysis = models.TextField(blank=True, default="")
    recommendation = models.TextField(blank=True, default="")
    outcome = models.CharField(
        max_length=20, choices=Outcome.choices, blank=True, default=""
    )
    # Why it took longer than 45 working days (Working Together 2023: "if it
    # takes longer, record the reasons"); needed to submit after the due date.
    delay_reason = models.TextField(blank=True, default="")
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    authorised_at = models.DateTimeField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = version_field()

    class Meta:
        ordering = ("-started_on", "-pk")
        # The managers' queue: the submitted ones, oldest first.
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"Single assessment from {self.started_on:%d %b %Y}"


class AssessmentReturn(models.Model):
    """A manager sent the assessment back: the comments history."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="returns"
    )
    comments = models.TextField()
    returned_at = models.DateTimeField()
    returned_by = models.ForeignKey("core.User", on_delete=models.PROTECT)

    class Meta:
        ordering = ("-returned_at", "-pk")

    def __str__(self) -> str:
        return f"Returned {self.returned_at:%d %b %Y}"
