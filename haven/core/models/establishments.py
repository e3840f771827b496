"""Schools and other education settings: the national establishments list's
reference data, loaded from its published CSV (manage.py load_establishments).

The lowest layer holds it so that a looked-after child's school history and an
EHC plan's named setting (SEND) name the same establishment by its URN."""

from django.db import models


class Establishment(models.Model):
    """One establishment in the national list of schools and colleges (Get
    Information about Schools), as its CSV extract describes it. The URN is the
    DfE's unique reference number; an establishment that reopens under a new
    type or trust gets a new URN, so the old one stays with its close date."""

    urn = models.PositiveIntegerField("URN", unique=True)
    ukprn = models.PositiveIntegerField("UKPRN", null=True, blank=True)
    name = models.CharField(max_length=200, help_text="EstablishmentName")
    type = models.CharField(
        max_length=120, blank=True, help_text="TypeOfEstablishment (name)"
    )
    phase = models.CharField(
        max_length=60, blank=True, help_text="PhaseOfEducation (name)"
    )
    la_code = models.CharField("LA code", max_length=3, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    status = models.CharField(
        max_length=60, blank=True, help_text="EstablishmentStatus (name)"
    )
    opened_on = models.DateField(null=True, blank=True, help_text="OpenDate")
    closed_on = models.DateField(null=True, blank=True, help_text="CloseDate")

    class Meta:
        ordering = ("name", "urn")
        indexes = [models.Index(fields=("name",), name="core_establishment_name")]

    def __str__(self) -> str:
        return f"{self.name} (URN {self.urn})"
