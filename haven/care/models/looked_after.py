"""A child's periods of care, and in each its legal statuses and placements:
two separate dated histories. The SSDA903 episodes are derived from them
(haven/care/episodes.py), never stored, so there is no second copy to drift.

Every end is exclusive: the day the next legal status or placement starts, or
the day the child ceased to be looked after (the SSDA903's DEC, the next
episode's DECOM). A move ends one placement and starts the next on that day.
"""

from django.db import models
from django.db.models import Q

from haven.care.codes import (
    LegalStatusCode,
    PlaceChangeReason,
    PlacementType,
    ReasonCeased,
)
from haven.core.periods import Period

# Periods of a child never overlap; one open at a time.
PERIOD_OF_CARE = Period(
    "care_period", start="started_on", end="ended_on", owner=("person",)
)
# Within a period of care: one legal status (and one placement) on each day.
LEGAL_STATUS_PERIOD = Period(
    "care_legal_status", start="started_on", end="ended_on", owner=("period",)
)
PLACEMENT_PERIOD = Period(
    "care_placement", start="started_on", end="ended_on", owner=("period",)
)


class PeriodOfCare(models.Model):
    """A period of being looked after, from the day the child started to be
    looked after (the first SSDA903 episode's DECOM, RNE "S") to the day they
    ceased (the last episode's DEC, with its reason, REC)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="periods_of_care"
    )
    started_on = models.DateField(help_text="SSDA903 DECOM of the first episode.")
    need = models.CharField(
        max_length=2,
        help_text="SSDA903 CIN: the category of need, N1 to N8 (the CIN census "
        "primary need codes).",
    )
    ended_on = models.DateField(
        null=True, blank=True, help_text="SSDA903 DEC of the last episode."
    )
    reason_ended = models.CharField(
        max_length=3,
        choices=ReasonCeased.choices,
        blank=True,
        default="",
        help_text="SSDA903 REC of the last episode.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    period = PERIOD_OF_CARE

    class Meta:
        ordering = ("-started_on", "-pk")
        constraints = [
            *PERIOD_OF_CARE.constraints(),
            # DEC and REC are both given or both blank (SSDA903 rule 148).
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, reason_ended="")
                | (Q(ended_on__isnull=False) & ~Q(reason_ended="")),
                name="care_period_ended_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Period of care from {self.started_on:%-d %B %Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class LegalStatus(models.Model):
    """The legal basis the child is looked after on (SSDA903 LS), from the day it
    started to the day the next started or the period of care ended."""

    period = models.ForeignKey(
        PeriodOfCare, on_delete=models.PROTECT, related_name="legal_statuses"
    )
    code = models.CharField(max_length=2, choices=LegalStatusCode.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    # The order the status follows from (haven/care/court): every status that
    # needs an order has one.
    order = models.ForeignKey(
        "care.CourtOrder",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="legal_statuses",
    )

    class Meta:
        ordering = ("started_on", "pk")
        constraints = LEGAL_STATUS_PERIOD.constraints()

    def __str__(self) -> str:
        return f"{self.code} from {self.started_on:%-d %B %Y}"


class Placement(models.Model):
    """Where, and with whom, the child lived (SSDA903 PLACE, PLACE_PROVIDER,
    PL_POST and URN are read from it), from the day they were placed to the day
    they moved on or ceased to be looked after."""

    period = models.ForeignKey(
        PeriodOfCare, on_delete=models.PROTECT, related_name="placements"
    )
    place = models.CharField(
        max_length=3, choices=PlacementType.choices, help_text="SSDA903 PLACE."
    )
    provider = models.ForeignKey(
        "care.Provider",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
    )
    carer = models.ForeignKey(
        "care.Carer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
    )
    address_line_1 = models.CharField(max_length=200)
    town = models.CharField(max_length=100, blank=True, default="")
    postcode = models.CharField(max_length=8, help_text="SSDA903 PL_POST.")
    local_authority = models.CharField(
        max_length=9,
        blank=True,
        default="",
        help_text="ONS code of the local authority area the child is placed in "
        "(SSDA903 PL_LA).",
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    change_reason = models.CharField(
        max_length=6,
        choices=PlaceChangeReason.choices,
        blank=True,
        default="",
        help_text="SSDA903 REASON_PLACE_CHANGE: why the placement ended in a move.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("started_on", "pk")
        constraints = [
            *PLACEMENT_PERIOD.constraints(),
            models.CheckConstraint(
                condition=Q(change_reason="") | Q(ended_on__isnull=False),
                name="care_placement_change_reason_when_ended",
            ),
        ]
        indexes = [
            # The provider's placements (finance's commitments, a home's children).
            models.Index(fields=["provider", "started_on"], name="care_pl_provider"),
            models.Index(fields=["carer", "started_on"], name="care_pl_carer"),
        ]

    def __str__(self) -> str:
        return f"{self.place} from {self.started_on:%-d %B %Y}"

    @property
    def address(self) -> str:
        return ", ".join(
            p for p in (self.address_line_1, self.town, self.postcode) if p
        )
