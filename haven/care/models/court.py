"""A child's court proceedings (the application, its extensions and how it
was decided) and the orders made (or police protection). A looked-after
child's legal status (LegalStatus.order) points at the order it follows from,
so the order is the one place the user enters it (haven/care/court)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from haven.care.court.kinds import OrderKind, Outcome, ProceedingsKind


class Proceedings(models.Model):
    """An application to the court about the child, from the day it was issued
    to the day the court decided it (disposed of it), with the outcome."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=ProceedingsKind.choices)
    issued_on = models.DateField(help_text="The day the application was issued.")
    court = models.CharField(max_length=120)
    case_number = models.CharField(max_length=40, blank=True)
    disposed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=10, choices=Outcome.choices, blank=True, default=""
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-issued_on", "-pk")
        verbose_name_plural = "proceedings"
        constraints = [
            models.CheckConstraint(
                condition=Q(disposed_on__isnull=True, outcome="")
                | (Q(disposed_on__gte=F("issued_on")) & ~Q(outcome="")),
                name="court_proceedings_disposed_with_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, issued {self.issued_on:%-d %B %Y}"


class ProceedingsExtension(models.Model):
    """The court extended the time for deciding the proceedings (s32(5)), by
    up to 8 weeks at a time, for a reason."""

    proceedings = models.ForeignKey(
        Proceedings, on_delete=models.PROTECT, related_name="extensions"
    )
    weeks = models.PositiveSmallIntegerField()
    granted_on = models.DateField()
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("granted_on", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks__gte=1, weeks__lte=8),
                name="court_extension_up_to_8_weeks",
            ),
        ]

    def __str__(self) -> str:
        return f"Extended {self.weeks} weeks on {self.granted_on:%-d %B %Y}"


class CourtOrder(models.Model):
    """An order made about the child (or police protection), from the day it
    was made to the day it ends by its terms (`ends_on`) or ended sooner
    (`discharged_on`: discharged, or replaced by a later order). `implied`
    marks an order recorded from a legal status entered without one."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    proceedings = models.ForeignKey(
        Proceedings,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="orders",
    )
    kind = models.CharField(max_length=12, choices=OrderKind.choices)
    made_on = models.DateField()
    court = models.CharField(max_length=120, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    discharged_on = models.DateField(null=True, blank=True)
    special_guardians = models.CharField(
        max_length=3,
        blank=True,
        help_text="For a special guardianship order: who the guardians are, as "
        "the SSDA903 REC code (E45 to E48) the child's care ends with.",
    )
    implied = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("made_on", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("made_on")),
                name="court_order_ends_after_made",
            ),
            models.CheckConstraint(
                condition=Q(discharged_on__isnull=True)
                | Q(discharged_on__gte=F("made_on")),
                name="court_order_discharged_after_made",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, made {self.made_on:%-d %B %Y}"
