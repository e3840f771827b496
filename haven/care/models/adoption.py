"""A child's adoption record: the agency's decision that the child should be
placed for adoption (and, if so, why that plan ceased), the match with the
adopters, placement for adoption and the adoption order, and a returning
child's previous permanence. The SSDA903 PlacedAdoption, AD1 and PrevPerm
rows are derived from them (haven/care/adoption/returns.py).

The adopters' identity and address are held in `Adopters` only, and read only
through haven/care/adoption/sealed.py, by adoption workers: never in the
placement row, the journal or any export (real councils have disclosed
adopters' addresses to birth families)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from haven.care.adoption.codes import (
    AdoptersSex,
    AdoptersStatus,
    PlanCeased,
    PreviousPermanence,
)


class AdoptionDecision(models.Model):
    """The agency decision maker's decision that the child should be placed
    for adoption (AAR 2005 reg 19): SSDA903 DATE_PLACED, and the AD1's DATE_INT.
    Ceased (DATE_PLACED_CEASED, REASON_PLACED_CEASED) when the plan changed."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(help_text="SSDA903 DATE_PLACED and AD1 DATE_INT.")
    decision_maker = models.CharField(
        max_length=200, help_text="The agency decision maker (staff), by name."
    )
    ceased_on = models.DateField(
        null=True, blank=True, help_text="SSDA903 DATE_PLACED_CEASED."
    )
    ceased_reason = models.CharField(
        max_length=3,
        blank=True,
        default="",
        choices=PlanCeased.choices,
        help_text="SSDA903 REASON_PLACED_CEASED.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-decided_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=(Q(ceased_on__isnull=True) & Q(ceased_reason=""))
                | (Q(ceased_on__isnull=False) & ~Q(ceased_reason="")),
                name="care_adoption_ceased_both_or_neither",
            ),
            models.UniqueConstraint(
                fields=("period",),
                condition=Q(ceased_on__isnull=True),
                name="care_adoption_one_live_plan",
            ),
        ]

    def __str__(self) -> str:
        return f"Should be placed for adoption, decided {self.decided_on:%-d %B %Y}"


class Adopters(models.Model):
    """SEALED. The match of the child with their prospective adopters (AD1
    DATE_MATCH), who they are and where they live, the placement for adoption
    with them, and the adoption order. Read only by adoption workers, through
    haven/care/adoption/sealed.py."""

    decision = models.OneToOneField(
        AdoptionDecision, on_delete=models.PROTECT, related_name="adopters"
    )
    matched_on = models.DateField(help_text="AD1 DATE_MATCH.")
    names = models.CharField(max_length=300, help_text="The adopters' names.")
    address_line_1 = models.CharField(max_length=200)
    town = models.CharField(max_length=100, blank=True, default="")
    postcode = models.CharField(max_length=8)
    number = models.PositiveSmallIntegerField(help_text="AD1 NB_ADOPTR: 1 or 2.")
    sexes = models.CharField(
        max_length=2, choices=AdoptersSex.choices, help_text="AD1 SEX_ADOPTR."
    )
    legal_status = models.CharField(
        max_length=3, choices=AdoptersStatus.choices, help_text="AD1 LS_ADOPTR."
    )
    foster_carers = models.BooleanField(
        help_text="AD1 FOSTER_CARE: the adopters are the child's foster carers."
    )
    placement = models.OneToOneField(
        "care.Placement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The placement for adoption (PLACE A5 or A6).",
    )
    adopted_on = models.DateField(
        null=True, blank=True, help_text="The adoption order (DEC, REC E11/E12)."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        permissions = [
            ("manage_adoption", "Can read and record the sealed adoption record"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__in=(1, 2)), name="care_adopters_number"
            ),
        ]

    def __str__(self) -> str:
        # Never the names: a string form ends up in logs and error pages.
        return f"Adopters matched {self.matched_on:%-d %B %Y}"


class PermanenceBefore(models.Model):
    """A child returning to care: the permanence order they had before
    (SSDA903 PREV_PERM, LA_PERM, DATE_PERM), one for each period of care."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    period = models.OneToOneField(
        "care.PeriodOfCare", on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(
        max_length=2, choices=PreviousPermanence.choices, help_text="PREV_PERM."
    )
    authority = models.CharField(
        max_length=9, blank=True, default="", help_text="LA_PERM."
    )
    made_on = models.DateField(null=True, blank=True, help_text="DATE_PERM.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Previous permanence {self.code}"
