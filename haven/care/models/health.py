"""A looked-after child's health records: health assessments, dental checks,
whether immunisations and development checks are up to date, Strengths and
Difficulties Questionnaire scores, substance misuse, and offences. The
SSDA903 OC2 row is derived from them (haven/care/health/outcomes.py), never
stored.

Each belongs to the child, not to a period of care: a child who comes back
into care keeps their health history."""

from django.conf import settings
from django.db import models


class _Recorded(models.Model):
    """Who recorded the fact, and when."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class HealthAssessment(_Recorded):
    """A statutory health assessment (CPPCR reg 7): the initial one when the
    child comes into care, then reviews every six months under 5 and every
    year from 5. Feeds OC2 HEALTH_ASSESSMENT."""

    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial health assessment"
        REVIEW = "review", "Review health assessment"

    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    completed_on = models.DateField()
    professional = models.CharField(
        max_length=200, help_text="The name of who carried it out."
    )
    role = models.CharField(
        max_length=200, help_text="Their role: a paediatrician, a LAC nurse."
    )
    outcome = models.TextField(help_text="What the assessment found and advised.")

    class Meta:
        ordering = ("-completed_on", "-pk")
        indexes = [
            models.Index(fields=("person", "completed_on"), name="care_ha_person")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.completed_on:%-d %B %Y}"


class DentalCheck(_Recorded):
    """A dental check (OC2 TEETH_CHECK)."""

    checked_on = models.DateField()
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ("-checked_on", "-pk")
        indexes = [
            models.Index(fields=("person", "checked_on"), name="care_dental_person")
        ]

    def __str__(self) -> str:
        return f"Dental check on {self.checked_on:%-d %B %Y}"


class UpToDate(_Recorded):
    """Whether the child's immunisations (OC2 IMMUNISATIONS), or their health
    surveillance and development checks (OC2 HEALTH_CHECK, under 5), were up
    to date on the day someone checked."""

    class What(models.TextChoices):
        IMMUNISATIONS = "immunisations", "Immunisations"
        DEVELOPMENT = "development", "Development checks (under 5)"

    class Answer(models.TextChoices):
        YES = "yes", "Yes, up to date"
        NO = "no", "No"
        NOT_KNOWN = "not_known", "Not known"

    what = models.CharField(max_length=15, choices=What.choices)
    answer = models.CharField(max_length=10, choices=Answer.choices)
    checked_on = models.DateField()

    class Meta:
        ordering = ("-checked_on", "-pk")
        indexes = [
            models.Index(fields=("person", "checked_on"), name="care_uptodate_person")
        ]

    def __str__(self) -> str:
        return f"{self.get_what_display()}: {self.get_answer_display()}"


class SdqScore(_Recorded):
    """A Strengths and Difficulties Questionnaire's total difficulties score,
    0 to 40 (OC2 SDQ_SCORE), and who filled it in."""

    class CompletedBy(models.TextChoices):
        CARER = "carer", "Carer"
        TEACHER = "teacher", "Teacher"
        YOUNG_PERSON = "young_person", "The young person"

    completed_on = models.DateField()
    score = models.PositiveSmallIntegerField(help_text="SDQ_SCORE, 0 to 40.")
    completed_by = models.CharField(max_length=15, choices=CompletedBy.choices)

    class Meta:
        ordering = ("-completed_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__lte=40), name="care_sdq_score_at_most_40"
            )
        ]
        indexes = [
            models.Index(fields=("person", "completed_on"), name="care_sdq_person")
        ]

    def __str__(self) -> str:
        return f"SDQ {self.score} on {self.completed_on:%-d %B %Y}"


class SubstanceMisuse(_Recorded):
    """A substance misuse problem identified (OC2 SUBSTANCE_MISUSE), and
    whether an intervention was offered (INTERVENTION_OFFERED) and received
    (INTERVENTION_RECEIVED)."""

    identified_on = models.DateField()
    intervention_offered = models.BooleanField()
    intervention_received = models.BooleanField()
    details = models.TextField(blank=True)

    class Meta:
        ordering = ("-identified_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(intervention_received=False)
                | models.Q(intervention_offered=True),
                name="care_substance_received_was_offered",
            )
        ]

    def __str__(self) -> str:
        return f"Substance misuse identified on {self.identified_on:%-d %B %Y}"


class Offence(_Recorded):
    """A final warning, reprimand or conviction (OC2 CONVICTED)."""

    class Kind(models.TextChoices):
        FINAL_WARNING = "final_warning", "Final warning"
        REPRIMAND = "reprimand", "Reprimand"
        CONVICTION = "conviction", "Conviction"

    kind = models.CharField(max_length=15, choices=Kind.choices)
    on = models.DateField()
    details = models.TextField(blank=True)

    class Meta:
        ordering = ("-on", "-pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on:%-d %B %Y}"
