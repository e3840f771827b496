"""The person register: children and the people around them."""

from django.db import models
from django.urls import reverse

from haven.core import clock
from haven.people.codes import Ethnicity, Sex


class Person(models.Model):
    """A real person known to children's services: a child, a parent, a carer..."""

    class Kind(models.TextChoices):
        CHILD = "child", "Child"
        ADULT = "adult", "Adult"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CHILD)
    given_name = models.CharField("First name", max_length=100)
    family_name = models.CharField("Last name", max_length=100)
    date_of_birth = models.DateField(
        null=True, blank=True, help_text="DfE field PersonBirthDate / DOB."
    )
    sex = models.CharField(
        max_length=1, choices=Sex.choices, default=Sex.UNKNOWN, help_text="DfE SEX."
    )
    ethnicity = models.CharField(
        max_length=4,
        choices=Ethnicity.choices,
        default=Ethnicity.NOBT,
        help_text="DfE ETHNIC (CIN census and SSDA903 code list).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "people"
        ordering = ["family_name", "given_name"]
        indexes = [
            models.Index(fields=["family_name", "given_name"], name="person_name_idx"),
            models.Index(fields=["date_of_birth"], name="person_dob_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def age(self) -> int | None:
        """Age in whole years today."""
        if self.date_of_birth is None:
            return None
        today = clock.today()
        born = self.date_of_birth
        return (
            today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        )
