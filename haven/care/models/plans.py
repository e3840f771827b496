"""A looked-after child's plans: the care plan for a period of care, with its
plan for permanence (CPPCR regs 4-6), and the placement plan for each
placement (reg 9).

Each plan is a chain of versions, never overwritten: a new version supersedes
the last and says what changed and why (haven/care/plans/recording.py). The
database holds the chain's shape too: version 1 supersedes nothing, every later
version supersedes exactly one and explains itself, and no version is
superseded twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class PlanVersion(models.Model):
    """What every version of a plan records beside what the plan says."""

    number = models.PositiveSmallIntegerField()
    agreed_on = models.DateField()
    what_changed = models.TextField(
        blank=True,
        help_text="What changed since the last version, and why (from version 2).",
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


def _chain(name: str) -> models.CheckConstraint:
    """Version 1 starts the chain; every later one supersedes another and says
    what changed and why."""
    return models.CheckConstraint(
        condition=(
            Q(number=1, supersedes__isnull=True)
            | (Q(number__gt=1, supersedes__isnull=False) & ~Q(what_changed=""))
        ),
        name=name,
    )


class CarePlan(PlanVersion):
    """One version of the care plan for a period of care (CPPCR reg 4 and
    Schedule 1): how the child's needs will be met, what must change, and the
    plan for permanence (required by the second review)."""

    class Permanence(models.TextChoices):
        RETURN_HOME = "return_home", "Return home to their parents"
        KINSHIP = "kinship", "Kinship care: family, friends or connected carers"
        LONG_TERM_FOSTERING = "long_term_fostering", "Long-term foster care"
        SPECIAL_GUARDIANSHIP = "special_guardianship", "Special guardianship"
        ADOPTION = "adoption", "Adoption"
        RESIDENTIAL = "residential", "Residential care"
        OTHER = "other", "Another plan"

    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="care_plans"
    )
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    health = models.TextField(help_text="Health needs and how they will be met.")
    education = models.TextField(help_text="Education and training.")
    emotional = models.TextField(help_text="Emotional and behavioural development.")
    identity = models.TextField(
        help_text="Identity: religion, racial origin, culture and language."
    )
    relationships = models.TextField(help_text="Family and social relationships.")
    contact = models.TextField(help_text="Contact with parents, family and others.")
    changes = models.TextField(help_text="What must change, by whom and by when.")
    permanence = models.CharField(max_length=24, choices=Permanence.choices, blank=True)
    permanence_reason = models.TextField(blank=True)

    class Meta:
        ordering = ("period", "-number")
        constraints = [
            models.UniqueConstraint(
                fields=("period", "number"), name="care_plan_version_once"
            ),
            _chain("care_plan_chain"),
            models.CheckConstraint(
                condition=Q(permanence="") | ~Q(permanence_reason=""),
                name="care_plan_permanence_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Care plan version {self.number}, agreed {self.agreed_on:%-d %B %Y}"


class PlacementPlan(PlanVersion):
    """One version of the placement plan for a placement (CPPCR reg 9 and
    Schedule 2), agreed with the carer: how the placement will meet the
    child's needs, and what the carer may decide day to day."""

    placement = models.ForeignKey(
        "care.Placement", on_delete=models.PROTECT, related_name="placement_plans"
    )
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    agreed_with = models.CharField(
        max_length=200, help_text="The carer (or home's manager) who agreed it."
    )
    needs = models.TextField(help_text="How the placement will meet the child's needs.")
    health = models.TextField(help_text="Health care: GP, dentist, appointments.")
    education = models.TextField(help_text="School, and getting there.")
    contact = models.TextField(help_text="Contact arrangements at this placement.")
    delegated_authority = models.TextField(
        help_text="The day-to-day decisions the carer may make."
    )
    support = models.TextField(help_text="Support for the child and the carer.")

    class Meta:
        ordering = ("placement", "-number")
        constraints = [
            models.UniqueConstraint(
                fields=("placement", "number"), name="placement_plan_version_once"
            ),
            _chain("placement_plan_chain"),
        ]

    def __str__(self) -> str:
        return (
            f"Placement plan version {self.number}, agreed {self.agreed_on:%-d %B %Y}"
        )
