"""Who lives with a child: the household recorded on their record, and the
services that change it.

A household has no dates of its own: the journal is its history. Each person
who joins or leaves is an event on the child's record and on theirs, so both
chronologies say when the household changed, by whom and why.
"""

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from haven.core import access, among, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.roles import records_about_children
from haven.people.models import Address, Household, Person


def household_of(person: Person) -> Household | None:
    """The household the person is recorded in (the first, if an old record
    put them in several)."""
    return person.households.order_by("pk").first()


def members_of(person: Person) -> list[Person]:
    """The people recorded as living with the person, by name."""
    household = household_of(person)
    if household is None:
        return []
    return list(
        household.members.exclude(pk=person.pk).order_by(
            "family_name", "given_name", "pk"
        )
    )


def household_rows(person: Person, user: User) -> list[dict[str, Any]]:
    """The household's members as the user may see them: `may_open` False for
    a member the user may not open, who is shown without a name."""
    members = members_of(person)
    found = among.openable_among(user, {m.pk for m in members})
    return [{"person": m, "may_open": m.pk in found.openable} for m in members]


def at_the_same_address(person: Person) -> QuerySet[Person]:
    """Other people whose current address is the person's current address:
    who may live with them, offered when the household is recorded."""
    today = clock.today()
    current = Q(ended_on__isnull=True) | Q(ended_on__gt=today)
    here = Address.objects.filter(current, person=person, started_on__lte=today)
    address = here.order_by("-started_on").first()
    if address is None:
        return Person.objects.none()
    same = Address.objects.filter(
        current,
        started_on__lte=today,
        postcode_key=address.postcode_key,
        line_1__iexact=address.line_1,
    ).exclude(person=person)
    return Person.objects.filter(
        pk__in=same.values("person_id"), merged_into__isnull=True
    )


def check_may_record(by: User, person: Person) -> None:
    """A recording role, and lasting access to the person's record (not
    break-glass, which reads and never writes)."""
    if not records_about_children(by):
        raise DomainError("not_permitted", "Your role does not include recording")
    access.require_lasting_access(by, person)


def _check_members(
    person: Person, members: Sequence[Person], by: User, failures: Failures
) -> None:
    if not members:
        failures.add(
            "member_required",
            f"Choose who lives with {person.given_name}",
            field="members",
        )
    if any(m.pk == person.pk for m in members):
        failures.add(
            "member_is_the_person",
            f"{person.given_name} cannot be a member of their own household twice",
            field="members",
        )
    others = {m.pk for m in members if m.pk != person.pk}
    openable = set(
        Person.objects.filter(
            access.visible_filter(by), pk__in=others, merged_into__isnull=True
        ).values_list("pk", flat=True)
    )
    if others - openable:
        # Not "not yours": a person the user may not open is not named.
        failures.add(
            "member_not_found",
            "Choose people whose records you can open",
            field="members",
        )


def add_to_household(
    person: Person, *, members: Sequence[Person], by: User
) -> Household:
    """Record that `members` live with `person` (a household is made for the
    person if they have none). Every fault is reported at once."""
    check_may_record(by, person)
    failures = Failures()
    _check_members(person, members, by, failures)
    with transaction.atomic():
        household = _locked_household(person)
        present = set(household.members.values_list("pk", flat=True))
        already = [m for m in members if m.pk in present and m.pk != person.pk]
        for member in already:
            failures.add(
                "already_a_member",
                f"{member} already lives with {person.given_name}",
                field="members",
            )
        failures.raise_any()
        for member in members:
            household.members.add(member)
            _journal_change(person, member, joined=True, reason="", by=by)
    return household


def remove_from_household(
    person: Person, *, members: Sequence[Person], reason: str, by: User
) -> Household:
    """Record that `members` no longer live with `person`, and why."""
    check_may_record(by, person)
    failures = Failures()
    if not members:
        failures.add(
            "member_required",
            f"Choose who no longer lives with {person.given_name}",
            field="leaving",
        )
    if not reason.strip():
        failures.add(
            "reason_required",
            "Say why they no longer live here (they moved out, a mistake...)",
            field="reason",
        )
    with transaction.atomic():
        household = _locked_household(person)
        present = set(household.members.values_list("pk", flat=True))
        if any(m.pk not in present or m.pk == person.pk for m in members):
            failures.add(
                "not_a_member",
                f"Choose people who live with {person.given_name}",
                field="leaving",
            )
        failures.raise_any()
        for member in members:
            household.members.remove(member)
            _journal_change(person, member, joined=False, reason=reason, by=by)
    return household


def _locked_household(person: Person) -> Household:
    """The person's household, locked for the change (made if they have none):
    two workers changing it at once each see the other's change."""
    household = household_of(person)
    if household is None:
        household = Household.objects.create(name=f"{person.family_name} household")
        household.members.add(person)
    return Household.objects.select_for_update().get(pk=household.pk)


def _journal_change(
    person: Person, member: Person, *, joined: bool, reason: str, by: User
) -> None:
    verb = "joined" if joined else "left"
    journal.append(
        person,
        f"people.household_member_{verb}",
        {"member": member.pk, "name": str(member)},
        by=by,
        reason=reason,
    )
    journal.append(
        member,
        f"people.household_{verb}",
        {"of": person.pk, "name": str(person)},
        by=by,
        reason=reason,
    )
