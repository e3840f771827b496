"""Unaccompanied asylum-seeking child status, dated (SSDA903 UASC table)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class UascStatus(models.Model):
    """The child was an unaccompanied asylum-seeking child from `started_on`
    until `ceased_on` (SSDA903 DUC: the date UASC status ceased, no later than
    the 18th birthday, validator rule 304)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField()
    ceased_on = models.DateField(
        null=True, blank=True, help_text="DUC: the date UASC status ceased"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-started_on", "-pk")
        indexes = [models.Index(fields=("person",), name="care_uasc_person")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ceased_on__isnull=True) | Q(ceased_on__gte=F("started_on")),
                name="care_uasc_ceases_after_start",
            ),
            models.UniqueConstraint(
                fields=("person",),
                condition=Q(ceased_on__isnull=True),
                name="care_uasc_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"UASC from {self.started_on}"
