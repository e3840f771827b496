"""The person register: children and the people around them."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from haven.core import clock
from haven.core.periods import Period
from haven.core.versions import version_field
from haven.people.codes import (
    Ethnicity,
    ImmigrationStatusKind,
    RelationshipKind,
    ResponsibilityBasis,
    Sex,
    UpnUnknown,
    WarningKind,
)
from haven.people.keys import FOLD_LENGTH


class Person(models.Model):
    """A real person known to children's services: a child, a parent, a carer...

    A record merged into another keeps its own rows and points at the survivor
    (`merged_into`), so an unmerge restores both exactly as they were. Whether
    they are a child or an adult is derived, not stored (`haven.people.lifestage`).
    """

    given_name = models.CharField("First name", max_length=100)
    family_name = models.CharField("Last name", max_length=100)
    given_key = models.CharField(max_length=8, blank=True, editable=False)
    family_key = models.CharField(max_length=8, blank=True, editable=False)
    # The names as people type them (haven.people.keys.fold): found by prefix.
    family_fold = models.CharField(max_length=FOLD_LENGTH, blank=True, editable=False)
    name_fold = models.CharField(max_length=FOLD_LENGTH, blank=True, editable=False)
    date_of_birth = models.DateField(
        null=True, blank=True, help_text="DfE PersonBirthDate / DOB."
    )
    expected_date_of_birth = models.DateField(
        null=True, blank=True, help_text="DfE ExpectedPersonBirthDate: unborn children."
    )
    date_of_death = models.DateField(
        null=True, blank=True, help_text="DfE PersonDeathDate."
    )
    sex = models.CharField(
        max_length=1, choices=Sex.choices, default=Sex.UNKNOWN, help_text="DfE SEX."
    )
    gender_identity = models.CharField(max_length=60, blank=True)
    ethnicity = models.CharField(
        max_length=4,
        choices=Ethnicity.choices,
        default=Ethnicity.NOBT,
        help_text="DfE ETHNIC (CIN census and SSDA903 code list).",
    )
    first_language = models.CharField(max_length=60, blank=True)
    religion = models.CharField(max_length=60, blank=True)
    disabilities = models.JSONField(
        default=list, blank=True, help_text="DfE Disability codes."
    )
    nhs_number = models.CharField(
        "NHS number", max_length=10, null=True, blank=True, unique=True
    )
    upn = models.CharField("UPN", max_length=13, null=True, blank=True, unique=True)
    upn_unknown = models.CharField(
        "Why there is no UPN",
        max_length=3,
        choices=UpnUnknown.choices,
        blank=True,
        help_text="DfE UPNunknown (N00135): only when there is no UPN.",
    )
    local_id = models.CharField(
        "Local person ID", max_length=20, null=True, blank=True, unique=True
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_records",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = version_field()

    class Meta:
        verbose_name_plural = "people"
        ordering = ["family_name", "given_name"]
        indexes = [
            models.Index(fields=["family_name", "given_name"], name="person_name_idx"),
            models.Index(fields=["family_key", "given_key"], name="person_sound_idx"),
            models.Index(fields=["date_of_birth"], name="person_dob_idx"),
            # Search by the first letters of a surname, and by a one-word name
            # that may be a first name.
            models.Index(Lower("family_name"), name="person_family_lower_idx"),
            models.Index(fields=["given_key"], name="person_given_key_idx"),
            # LIKE 'prefix%' uses these on PostgreSQL whatever the collation
            # (SQLite ignores the operator class and searches a range).
            models.Index(
                fields=["family_fold"],
                name="person_family_fold_idx",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(
                fields=["name_fold"],
                name="person_name_fold_idx",
                opclasses=["varchar_pattern_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("id")),
                name="person_not_merged_into_itself",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def la_child_id(self) -> str:
        """The CIN census LAchildID (and SSDA903 CHILD) Haven gives this person:
        their local person ID, or else "H" and their Haven ID (see census.py)."""
        from haven.people.census import la_child_id

        return la_child_id(self.local_id, self.pk)

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None and self.expected_date_of_birth is not None

    @property
    def age(self) -> int | None:
        """Age in whole years today (at death, if they have died)."""
        if self.date_of_birth is None:
            return None
        on = self.date_of_death or clock.today()
        born = self.date_of_birth
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class PersonName(models.Model):
    """A name a person has had or goes by: legal names over time, known-as names."""

    class Kind(models.TextChoices):
        FORMER = "former", "Former name"
        KNOWN_AS = "known_as", "Known as"
        ALIAS = "alias", "Alias"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="names")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100, blank=True)
    given_key = models.CharField(max_length=8, blank=True, editable=False)
    family_key = models.CharField(max_length=8, blank=True, editable=False)
    until = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["family_key"], name="personname_family_key_idx")
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class FormerUpn(models.Model):
    """A UPN the child used to have (DfE FormerUPN)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="former_upns"
    )
    upn = models.CharField(max_length=13)

    def __str__(self) -> str:
        return self.upn


# A move ends one address on the day the next starts: the end is exclusive.
ADDRESS_PERIOD = Period(
    "address", start="started_on", end="ended_on", owner=("person",)
)


class Address(models.Model):
    """Where a person lived from one date to another. Never overwritten: a move
    ends one address and starts the next."""

    period = ADDRESS_PERIOD

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="addresses"
    )
    line_1 = models.CharField("Address line 1", max_length=120)
    line_2 = models.CharField("Address line 2", max_length=120, blank=True)
    town = models.CharField("Town or city", max_length=80)
    postcode = models.CharField(max_length=8)
    postcode_key = models.CharField(max_length=8, editable=False, db_index=True)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on"]
        constraints = ADDRESS_PERIOD.constraints()

    def __str__(self) -> str:
        return f"{self.line_1}, {self.town} {self.postcode}"


class Relationship(models.Model):
    """`other` is `person`'s `kind` ("Jo is Sam's mother"), between two dates."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="relationships"
    )
    other = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    alleged_perpetrator = models.BooleanField(
        default=False,
        help_text="`other` is alleged to have harmed `person` (Working Together "
        "to Safeguard Children: an alleged perpetrator is named in the family "
        "network, and never told where the child lives).",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(person=models.F("other")),
                name="relationship_not_to_self",
            )
        ]

    def __str__(self) -> str:
        return f"{self.other} is {self.person}'s {self.get_kind_display().lower()}"


# Several people hold parental responsibility at once (both parents, the
# authority under a care order), so only the dates' order is a rule. It ends
# on the day it is no longer held (at 18, on the 18th birthday): exclusive.
RESPONSIBILITY_PERIOD = Period(
    "responsibility",
    start="started_on",
    end="ended_on",
    owner=("child",),
    one_open=False,
    no_overlap=False,
    start_optional=True,
)


class ParentalResponsibility(models.Model):
    """Who has parental responsibility for a child, from when to when, and on what
    legal basis (Children Act 1989 ss.2-4A, 5, 12, 14C, 33). `holder` blank means
    the local authority (a care order, an emergency protection order, a placement
    order); otherwise the record is tied to the relationship it rests on."""

    child = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="responsibility_held_for"
    )
    holder = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="responsibility_holds",
        null=True,
        blank=True,
    )
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.PROTECT,
        related_name="responsibility",
        null=True,
        blank=True,
    )
    basis = models.CharField(max_length=30, choices=ResponsibilityBasis.choices)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    recorded_at = models.DateTimeField()

    period = RESPONSIBILITY_PERIOD

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name_plural = "parental responsibility"
        constraints = RESPONSIBILITY_PERIOD.constraints()

    def __str__(self) -> str:
        who = str(self.holder) if self.holder else "The local authority"
        return f"{who}: {self.get_basis_display()}"


# One status of a kind at a time. The end is the last day it held (inclusive),
# as the overlap rule has always read it; rows with no start (carried over from
# the old free-text field) are not periods.
IMMIGRATION_PERIOD = Period(
    "immigration_status",
    start="started_on",
    end="ended_on",
    owner=("person", "status"),
    inclusive_end=True,
    start_optional=True,
)


class ImmigrationStatus(models.Model):
    """A person's immigration status from one date to another (DfE SSDA903 UASC:
    the UASC status and DUC, the date it ceased). Rows are added, never
    overwritten; `started_on` is blank only for text carried over from the old
    free-text field, whose start was never recorded."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="immigration_statuses"
    )
    status = models.CharField(max_length=20, choices=ImmigrationStatusKind.choices)
    detail = models.CharField(max_length=200, blank=True)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(
        null=True, blank=True, help_text="For UASC, DfE DUC: the date UASC ceased."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    recorded_at = models.DateTimeField()

    period = IMMIGRATION_PERIOD

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = IMMIGRATION_PERIOD.constraints()

    def __str__(self) -> str:
        words = self.get_status_display()
        return f"{words}: {self.detail}" if self.detail else words


class Household(models.Model):
    """People who live together, for recording a visit to the whole family.
    Changed only through haven.people.households, which journals who joined and
    who left on each member's record: the journal is its history."""

    name = models.CharField(max_length=120)
    members = models.ManyToManyField(Person, related_name="households")

    def __str__(self) -> str:
        return self.name


class PersonWarning(models.Model):
    """An alert shown in the identity bar on every page of the person's record."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="warnings"
    )
    kind = models.CharField(max_length=30, choices=WarningKind.choices)
    detail = models.TextField()
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return self.get_kind_display()


class MergeRequest(models.Model):
    """A merge that needs the agreement of the team holding one of the records.

    A worker who holds only one side cannot merge the other team's child into
    their record on their own: a manager of the holding team agrees or declines,
    and on agreement the merge is made, naming both in the journal.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for agreement"
        AGREED = "agreed", "Agreed and merged"
        DECLINED = "declined", "Declined"

    duplicate = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    into = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    holding_team = models.ForeignKey(
        "core.Team",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The team whose manager is asked to agree.",
    )
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["requested_at"]
        indexes = [
            models.Index(fields=["holding_team", "state"], name="mergerequest_team_idx")
        ]

    def __str__(self) -> str:
        return f"Merge {self.duplicate_id} into {self.into_id}: {self.state}"
