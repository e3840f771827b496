"""The providers and carers a looked-after child is placed with, each a record of
its own so every placement with them names the same one.

Finance will attach rates to these records in a later app above care
(haven/finance): a rate row names a provider (and, for a fostering service, may
name one of its carers and a placement type), with an effective-dated period of
its own (haven.core.periods.Period, owner the provider) and an amount a day. The
cost of a placement is then the rate in force on each of its days. Nothing here
holds money, and finance reads who was placed where, and for which days, through
care's selectors: the placement history stays the one source of the days placed
(design principle 1), and a correction to it reaches the payments at once.
"""

from django.db import models
from django.db.models import Q

from haven.care.codes import PlaceProvider
from haven.core.periods import Period

# An Ofsted registration holds from the day it starts to the day it ends (the
# next status starts that day).
REGISTRATION_PERIOD = Period(
    "care_registration", start="started_on", end="ended_on", owner=("provider",)
)
# A carer's approval by one fostering service; approved again later is a new row.
APPROVAL_PERIOD = Period(
    "care_carer_approval",
    start="approved_on",
    end="approval_ended_on",
    owner=("person", "provider"),
)
# Regional adoption agencies share this URN (SSDA903 rule 242).
SHARED_URN = "XXXXXXX"


class Provider(models.Model):
    """An organisation a child is placed with: the authority's own fostering
    service, a fostering agency, a children's home, supported accommodation, or
    another establishment (a residential school, a hospital, a parent and child
    unit). A children's home with several homes is one provider a home: each has
    its own Ofsted URN."""

    class Kind(models.TextChoices):
        LA_FOSTERING = "la_fostering", "The authority's own fostering service"
        AGENCY = "agency", "Independent fostering agency"
        CHILDRENS_HOME = "childrens_home", "Children's home"
        SECURE_HOME = "secure_home", "Secure children's home"
        SUPPORTED = "supported", "Supported accommodation"
        OTHER = "other", "Other (a school, hospital, family centre, or similar)"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sector = models.CharField(
        max_length=3,
        choices=PlaceProvider.choices,
        help_text="SSDA903 PLACE_PROVIDER for a placement with this provider "
        "(PR1 to PR5; PR0, a child's parents, is no provider).",
    )
    ofsted_urn = models.CharField(
        max_length=8,
        blank=True,
        default="",
        help_text="Ofsted unique reference number (SSDA903 URN).",
    )
    address_line_1 = models.CharField(max_length=200, blank=True, default="")
    town = models.CharField(max_length=100, blank=True, default="")
    postcode = models.CharField(max_length=8, blank=True, default="")
    local_authority = models.CharField(
        max_length=9,
        blank=True,
        default="",
        help_text="ONS code of the local authority area the provider is in "
        "(SSDA903 PL_LA), e.g. E08000025.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["ofsted_urn"],
                condition=~Q(ofsted_urn__in=["", SHARED_URN]),
                name="care_provider_one_urn",
            ),
            models.CheckConstraint(
                condition=~Q(sector=PlaceProvider.PR0),
                name="care_provider_not_parents",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return ", ".join(p for p in (self.address_line_1, self.town) if p)

    def current_registration(self) -> "Registration | None":
        found: Registration | None = self.registrations.filter(
            ended_on__isnull=True
        ).first()
        return found


class Registration(models.Model):
    """A provider's Ofsted registration status over a stretch of days (a home
    registered, then suspended, then registered again is three rows)."""

    class Status(models.TextChoices):
        REGISTERED = "registered", "Registered with Ofsted"
        SUSPENDED = "suspended", "Registration suspended"
        CANCELLED = "cancelled", "Registration cancelled or resigned"
        NOT_REQUIRED = "not_required", "Not registered: no registration needed"

    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("-started_on", "-pk")
        constraints = REGISTRATION_PERIOD.constraints()

    def __str__(self) -> str:
        return f"{self.get_status_display()} from {self.started_on:%-d %B %Y}"


class Carer(models.Model):
    """A foster carer, a person in the register, approved by a fostering service
    (the authority's own, or an agency). The carer's address is the person's
    address in the register, not a copy here."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="carer_approvals"
    )
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="carers"
    )
    # Family and friends (connected person) carers: placements with them are
    # U1 to U3, with other carers U4 to U6.
    connected_person = models.BooleanField(default=False)
    approved_on = models.DateField()
    approval_ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("person__family_name", "person__given_name", "pk")
        constraints = APPROVAL_PERIOD.constraints()

    def __str__(self) -> str:
        return f"{self.person} ({self.provider})"
