"""The approval of prospective adopters (AAR 2005 regs 21 to 30, as amended
2013): stage 1 from their registration of interest, stage 2 from their
notice that they wish to go on, the panel's recommendation and the agency
decision maker's decision. SEALED: the applicants are a Person record sealed
for the Adoption worker role (docs/decisions/0014), and this row, which names
the second applicant, is read only through haven/care/adoption/approval.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class AdopterApproval(models.Model):
    """One application by prospective adopters (one or a couple), from their
    registration of interest to the agency decision maker's decision."""

    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved as suitable to adopt"
        NOT_APPROVED = "not_approved", "Not approved"

    class StageOne(models.TextChoices):
        PROCEED = "proceed", "They may go on to stage 2"
        NOT_SUITABLE = "not_suitable", "Not suitable to go on (reg 25)"

    applicant = models.OneToOneField(
        "people.Person",
        on_delete=models.PROTECT,
        related_name="adopter_approval",
        help_text="The first applicant's sealed record: its journal holds the "
        "approval's events and its timescales.",
    )
    joint_applicant = models.CharField(
        max_length=200, blank=True, default="", help_text="The second applicant."
    )
    registered_on = models.DateField(help_text="Registration of interest received.")
    stage_one_on = models.DateField(null=True, blank=True)
    stage_one = models.CharField(
        max_length=12, choices=StageOne.choices, blank=True, default=""
    )
    stage_two_on = models.DateField(null=True, blank=True)
    panel_on = models.DateField(
        null=True, blank=True, help_text="The panel's recommendation received."
    )
    panel_recommends = models.BooleanField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=12, choices=Outcome.choices, blank=True, default=""
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True, outcome="")
                | Q(decided_on__isnull=False, outcome__in=("approved", "not_approved")),
                name="care_approval_decided_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        # Never the names: a string form ends up in logs and error pages.
        return f"Adopter approval {self.pk}, registered {self.registered_on:%-d %B %Y}"
