"""A looked-after child's school history: their enrolments at establishments
from the national list (haven.core Establishment), their attendance each term
where the school reports it, and their suspensions and permanent exclusions.
The virtual school head keeps these for every child in care (Children Act 1989
s22(3A), as the Children and Families Act 2014 s99 inserted it)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from haven.care.models.education import PersonalEducationPlan


class Enrolment(models.Model):
    """The child on a school's roll from `started_on` to `ended_on`. A child
    has one main enrolment at a time; a dual-registered child (a pupil referral
    unit beside their school) has a subsidiary one too."""

    class Kind(models.TextChoices):
        MAIN = "main", "Main (single or main registration)"
        SUBSIDIARY = "subsidiary", "Subsidiary (dual registration)"

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    establishment = models.ForeignKey(
        "core.Establishment", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.MAIN)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-started_on", "-pk")
        indexes = [
            models.Index(fields=("person", "started_on"), name="care_enrol_person")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="care_enrolment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.establishment} from {self.started_on}"


class Attendance(models.Model):
    """A term's attendance at a school, as the school reported it: sessions
    (half days) possible and attended."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="attendances"
    )
    year = models.PositiveIntegerField(
        help_text="The school year's first calendar year: 2025 for 2025/26."
    )
    term = models.CharField(max_length=10, choices=PersonalEducationPlan.Term.choices)
    possible = models.PositiveIntegerField(help_text="Sessions possible")
    attended = models.PositiveIntegerField(help_text="Sessions attended")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-year", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=("enrolment", "year", "term"), name="care_attendance_one_term"
            ),
            models.CheckConstraint(
                condition=Q(attended__lte=F("possible")),
                name="care_attendance_within_possible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.term}: {self.attended}/{self.possible}"

    @property
    def percentage(self) -> float | None:
        """Sessions attended as a share of those possible, to one place."""
        if not self.possible:
            return None
        return round(100 * self.attended / self.possible, 1)

    @property
    def school_year(self) -> str:
        return f"{self.year}/{(self.year + 1) % 100:02d}"


class Exclusion(models.Model):
    """A suspension (fixed period) or permanent exclusion from a school."""

    class Kind(models.TextChoices):
        SUSPENSION = "suspension", "Suspension"
        PERMANENT = "permanent", "Permanent exclusion"

    class Reason(models.TextChoices):
        """The DfE's exclusion reason categories (school census).

        VERIFY: the codes and wording are from the school census's exclusion
        reason list as remembered here, to be checked against the census
        guide for the collection year."""

        PP = "PP", "Physical assault against a pupil"
        PA = "PA", "Physical assault against an adult"
        VP = "VP", "Verbal abuse or threatening behaviour against a pupil"
        VA = "VA", "Verbal abuse or threatening behaviour against an adult"
        WP = "WP", "Use or threat of use of an offensive weapon or prohibited item"
        BU = "BU", "Bullying"
        RA = "RA", "Racist abuse"
        LG = "LG", "Abuse against sexual orientation and gender identity"
        DS = "DS", "Abuse relating to disability"
        SM = "SM", "Sexual misconduct"
        DA = "DA", "Drug and alcohol related"
        DM = "DM", "Damage"
        TH = "TH", "Theft"
        MT = "MT", "Inappropriate use of social media or online technology"
        PD = "PD", "Persistent or general disruptive behaviour"

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="exclusions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    started_on = models.DateField()
    ended_on = models.DateField(
        null=True, blank=True, help_text="A suspension's last day."
    )
    sessions = models.PositiveIntegerField(
        null=True, blank=True, help_text="Sessions (half days) of a suspension"
    )
    reason = models.CharField(max_length=2, choices=Reason.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-started_on", "-pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on}"
