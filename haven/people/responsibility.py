"""Parental responsibility: who has it for a child, from when to when, and on
what legal basis (Children Act 1989 ss.2-4A, 5, 12, 14C, 33, 44; Adoption and
Children Act 2002 ss.25, 46)."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from haven.core import access, clock, few, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.roles import records_about_children
from haven.people.codes import AUTHORITY_BASES, ResponsibilityBasis
from haven.people.models import ParentalResponsibility, Person, Relationship
from haven.people.statuses import eighteenth_birthday

MOTHER_KINDS = ("mother", "parent")


@dataclass
class Holder:
    """Someone who may hold responsibility for the child: a related person (with
    the relationship it rests on) or, with `relationship` None, the authority."""

    person: Person | None
    relationship: Relationship | None
    kind: str = ""  # the holder's relationship to the child, e.g. "mother"


def holders_for(child: Person) -> list[Holder]:
    """The child's related people, as possible holders, then the authority."""
    from haven.people.codes import INVERSE_RELATIONSHIP

    found = []
    links = Relationship.objects.filter(Q(person=child) | Q(other=child))
    for link in links.select_related("person", "other"):
        if link.person_id == child.pk:
            found.append(Holder(link.other, link, link.kind))
        else:
            found.append(Holder(link.person, link, INVERSE_RELATIONSHIP[link.kind]))
    return [*found, Holder(None, None)]


def check_responsibility(
    child: Person,
    holder: Holder,
    basis: str,
    started_on: dt.date | None,
    ended_on: dt.date | None,
) -> None:
    """Refuse a record that breaks any rule, naming every rule broken."""
    failures = Failures()
    if basis not in ResponsibilityBasis.values or basis == "not_recorded":
        failures.add("basis_required", "Choose the legal basis", field="basis")
    elif holder.person is None and basis not in AUTHORITY_BASES:
        failures.add(
            "basis_not_for_authority",
            "The local authority has parental responsibility only under a care "
            "order, an emergency protection order or a placement order",
            field="basis",
        )
    elif holder.person is not None and basis in AUTHORITY_BASES:
        failures.add(
            "basis_for_authority",
            "That order gives parental responsibility to the local authority: "
            "choose the local authority as the holder",
            field="basis",
        )
    elif basis == ResponsibilityBasis.MOTHER and holder.kind not in MOTHER_KINDS:
        failures.add(
            "not_the_mother",
            "Only the child's mother has parental responsibility automatically: "
            "record her as the child's mother first, or choose another basis",
            field="basis",
        )
    _check_dates(child, started_on, ended_on, failures)
    failures.raise_any()


def _check_dates(
    child: Person,
    started_on: dt.date | None,
    ended_on: dt.date | None,
    failures: Failures,
) -> None:
    if child.date_of_birth is None and child.expected_date_of_birth is not None:
        failures.add(
            "unborn",
            "Parental responsibility starts at birth: record it once the child is born",
        )
    if started_on is None:
        failures.add("start_required", "Enter the date it started", field="started_on")
    elif child.date_of_birth and started_on < child.date_of_birth:
        failures.add(
            "before_birth",
            f"It cannot start before the child's birth, "
            f"{child.date_of_birth:%-d %B %Y}",
            field="started_on",
        )
    if started_on and ended_on and ended_on < started_on:
        failures.add(
            "end_before_start",
            "The date it ended must be on or after the date it started",
            field="ended_on",
        )
    eighteen = eighteenth_birthday(child)
    if eighteen and ended_on and ended_on > eighteen:
        failures.add(
            "after_18",
            f"Parental responsibility ends at 18, on {eighteen:%-d %B %Y}",
            field="ended_on",
        )


def record_responsibility(
    child: Person,
    *,
    holder: Holder,
    basis: str,
    started_on: dt.date | None,
    ended_on: dt.date | None = None,
    by: User,
) -> ParentalResponsibility:
    """Record who has parental responsibility for `child`; journaled on the
    child's record and the holder's."""
    if not records_about_children(by):
        raise DomainError("not_permitted", "Your role does not include recording")
    access.require_lasting_access(by, child)
    check_responsibility(child, holder, basis, started_on, ended_on)
    with transaction.atomic():
        row = ParentalResponsibility.objects.create(
            child=child,
            holder=holder.person,
            relationship=holder.relationship,
            basis=basis,
            started_on=started_on,
            ended_on=ended_on,
            recorded_by=by,
            recorded_at=clock.now(),
        )
        payload = {
            "child": child.pk,
            "holder": holder.person.pk if holder.person else None,
            "words": str(row),
            "basis": basis,
            "from": started_on,
            "to": ended_on,
        }
        journal.append(
            child, "people.responsibility_recorded", payload, by=by, significant=True
        )
        if holder.person is not None:
            journal.append(
                holder.person, "people.responsibility_recorded", payload, by=by
            )
    return row


def responsibility_for(ids: list[int]) -> list[ParentalResponsibility]:
    """Records where one of `ids` (a person and their merged records) is the
    child or the holder."""
    return few.of(
        "people.responsibility_for",
        ParentalResponsibility,
        ids,
        lambda found: ParentalResponsibility.objects.filter(
            Q(child_id__in=found) | Q(holder_id__in=found)
        ).select_related("holder", "child"),
    )
