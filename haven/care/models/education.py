"""A looked-after child's personal education plans (part of the care plan,
CPPCR reg 5(b)(ii)): each PEP meeting with the school's designated teacher and
the virtual school. The child's UPN is a person identifier (haven/people)."""

from django.conf import settings
from django.db import models


class PersonalEducationPlan(models.Model):
    """One PEP meeting: the plan started or reviewed, each school term."""

    class Term(models.TextChoices):
        AUTUMN = "autumn", "Autumn"
        SPRING = "spring", "Spring"
        SUMMER = "summer", "Summer"

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField()
    term = models.CharField(max_length=10, choices=Term.choices)
    school = models.CharField(max_length=200)
    designated_teacher = models.CharField(max_length=200)
    virtual_school = models.CharField(
        max_length=200, blank=True, help_text="Who attended for the virtual school."
    )
    summary = models.TextField(help_text="The targets agreed, and the support.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-held_on", "-pk")
        indexes = [models.Index(fields=("person", "held_on"), name="care_pep_person")]

    def __str__(self) -> str:
        return f"PEP on {self.held_on:%-d %B %Y}"
