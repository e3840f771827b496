"""Child or adult, derived on a given day: never a stored flag.

A person is a child on a day if they are under 18 on it (Children Act 1989 s.105:
"child" means a person under the age of eighteen), or unborn. The roles a person
plays come from the register itself: whose parent or carer they are, whether a
contact was made about them. A care leaver with a baby is both an adult (by age)
and a parent (by role); a 16-year-old mother is a child and a parent.

A person with neither a date of birth nor an expected date of birth cannot be
aged. They are treated as the role they were registered in: the subject of a
contact or of a children in need case is a child; someone recorded before this
change keeps the child/adult choice made when they were registered (the journal
kept it); someone recorded only as the parent or carer of another person is an
adult. Anyone else is treated as a child, so the protections for children apply
until a date is known. The person page says which of these applied.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from haven.core import clock, few
from haven.core.models import JournalEvent
from haven.people.models import Person, Relationship

ADULTHOOD = 18

# `other` is `person`'s KIND: these make `other` a parent or carer of `person`.
PARENT_KINDS = ("mother", "father", "parent", "step_parent")
CARER_KINDS = ("carer", "foster_carer")
# ...and these make `person` the parent or carer of `other` (the inverse rows).
CHILD_KINDS = ("child",)
CARED_FOR_KINDS = ("cared_for",)

# Journal events that carried the stored child/adult choice before it was derived.
LEGACY_KIND_EVENTS = ("people.person_registered", "people.details_changed")


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_on(person: Person, day: dt.date) -> int | None:
    born = person.date_of_birth
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_unborn_on(person: Person, day: dt.date) -> bool:
    """Unborn: only an expected date of birth is known. (An expected date that has
    passed still means unborn until the birth is recorded.)"""
    return person.date_of_birth is None and person.expected_date_of_birth is not None


def is_child_on(person: Person, day: dt.date) -> bool:
    """Under 18 on `day`, or unborn; without any date, the role decides."""
    age = age_on(person, day)
    if age is not None:
        return age < ADULTHOOD
    if is_unborn_on(person, day):
        return True
    return undated_reading(person).child


def children_on(day: dt.date) -> Q:
    """A filter for people who could be children on `day`: under 18, unborn, or
    undated and not recorded only as someone's parent or carer (the rest of the
    undated rule needs the journal, so a suggestion list may include a few)."""
    under_18 = Q(date_of_birth__gt=years_before(day, ADULTHOOD))
    unborn = Q(date_of_birth__isnull=True, expected_date_of_birth__isnull=False)
    undated = Q(date_of_birth__isnull=True, expected_date_of_birth__isnull=True)
    return under_18 | unborn | (undated & ~_cares_for_someone())


def _cares_for_someone() -> Q:
    as_other = Relationship.objects.filter(
        other=OuterRef("pk"), kind__in=PARENT_KINDS + CARER_KINDS
    )
    as_person = Relationship.objects.filter(
        person=OuterRef("pk"), kind__in=CHILD_KINDS + CARED_FOR_KINDS
    )
    return Q(Exists(as_other)) | Q(Exists(as_person))


@dataclass
class Reading:
    """How an undated person is treated, and why (shown on their page)."""

    child: bool
    why: str


def _legacy_kind(person: Person) -> str | None:
    """The child/adult choice last stored for them, from the journal."""
    events = JournalEvent.objects.filter(
        person=person, type__in=LEGACY_KIND_EVENTS
    ).order_by("-sequence")
    for event in events:
        payload = event.payload or {}
        kind = (payload.get("after") or payload).get("kind")
        if kind in ("child", "adult"):
            return str(kind)
    return None


def undated_reading(person: Person) -> Reading:
    """How a person with no date of birth or expected date is treated."""
    if person.pk is None:
        return Reading(True, "No date of birth is known: treated as a child")
    if person.frontdoor_contacts.exists():
        return Reading(
            True,
            "No date of birth is known: treated as a child, as a contact was "
            "made about them",
        )
    if person.cin_episodes.exists():
        return Reading(
            True,
            "No date of birth is known: treated as a child, as the subject of a "
            "children in need case",
        )
    legacy = _legacy_kind(person)
    if legacy is not None:
        child = legacy == "child"
        role = "a child" if child else "an adult"
        return Reading(
            child,
            f"No date of birth is known: treated as {role}, as they were registered",
        )
    if Person.objects.filter(_cares_for_someone(), pk=person.pk).exists():
        return Reading(
            False,
            "No date of birth is known: treated as an adult, as the parent or "
            "carer of another person",
        )
    return Reading(
        True,
        "No date of birth is known: treated as a child until a date of birth "
        "is recorded",
    )


@dataclass
class Roles:
    """The roles a person plays in the register, derived from its records."""

    parent_of: list[Person] = field(default_factory=list)
    carer_of: list[Person] = field(default_factory=list)
    contact_subject: bool = False
    case_subject: bool = False

    def words(self, hidden: set[int] | frozenset[int] = frozenset()) -> list[str]:
        """`hidden`: people who may not be named to the reader (restricted)."""
        said = []
        if self.parent_of:
            said.append("parent of " + _names(self.parent_of, hidden))
        if self.carer_of:
            said.append("carer of " + _names(self.carer_of, hidden))
        if self.case_subject:
            said.append("the subject of a children in need case")
        elif self.contact_subject:
            said.append("the subject of a contact")
        return said


def _names(people: list[Person], hidden: set[int] | frozenset[int]) -> str:
    names = [str(p) for p in people if p.pk not in hidden]
    if len(names) < len(people):
        names.append("a person whose record you cannot open")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def roles_of(person: Person, ids: list[int] | None = None) -> Roles:
    """The person's roles (over their merged records too, given `ids`)."""
    ids = ids or [person.pk]
    links = few.of(
        "people.roles_of.links",
        Relationship,
        ids,
        lambda found: Relationship.objects.filter(
            Q(person_id__in=found) | Q(other_id__in=found)
        ).select_related("person", "other"),
    )
    roles = Roles()
    for link in links:
        theirs = link.other_id in ids
        kind = link.kind
        if theirs and kind in PARENT_KINDS or not theirs and kind in CHILD_KINDS:
            roles.parent_of.append(link.person if theirs else link.other)
        elif theirs and kind in CARER_KINDS or not theirs and kind in CARED_FOR_KINDS:
            roles.carer_of.append(link.person if theirs else link.other)
    roles.contact_subject = _any_of("frontdoor_contacts", ids)
    roles.case_subject = _any_of("cin_episodes", ids)
    return roles


def _any_of(related: str, ids: list[int]) -> bool:
    """Whether any of the records has a row of `related` (a reverse relation
    the apps above declare: a contact, a case)."""
    return bool(
        few.values_of(
            f"people.roles_of.{related}",
            Person,
            ids,
            lambda found: Person.objects.filter(
                pk__in=found, **{f"{related}__isnull": False}
            ).values("pk")[:1],
        )
    )


@dataclass
class LifeStage:
    """What the person page says: "Child, aged 7", "Adult, parent of Sam Smith"."""

    child: bool
    headline: str
    roles: list[str]
    why: str = ""

    def __str__(self) -> str:
        return ", ".join([self.headline, *self.roles])


def life_stage(
    person: Person,
    day: dt.date | None = None,
    *,
    ids: list[int] | None = None,
    hidden: set[int] | frozenset[int] = frozenset(),
) -> LifeStage:
    """Child or adult on `day` (today), with the roles they play."""
    day = day or clock.today()
    roles = roles_of(person, ids).words(hidden)
    if person.date_of_death is not None and person.date_of_death <= day:
        day = person.date_of_death
    age = age_on(person, day)
    if age is not None:
        stage = "Child" if age < ADULTHOOD else "Adult"
        return LifeStage(age < ADULTHOOD, f"{stage}, aged {age}", roles)
    if is_unborn_on(person, day):
        expected = person.expected_date_of_birth
        assert expected is not None
        return LifeStage(True, f"Unborn child, expected {expected:%-d %B %Y}", roles)
    reading = undated_reading(person)
    return LifeStage(
        reading.child, "Child" if reading.child else "Adult", roles, reading.why
    )
