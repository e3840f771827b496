"""Writes to the person register. Each checks access, validates, changes state
and journals its event on the person's record, in one transaction."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from haven.core import access, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import Allocation, User
from haven.core.roles import records_about_children
from haven.core.services import allocate_case
from haven.core.versions import claim
from haven.people.census import check_census_fields
from haven.people.codes import INVERSE_RELATIONSHIP
from haven.people.identifiers import (
    validate_local_id,
    validate_nhs_number,
    validate_upn,
)
from haven.people.keys import name_folds, name_keys, postcode_key
from haven.people.models import (
    Address,
    FormerUpn,
    Person,
    PersonName,
    PersonWarning,
    Relationship,
)

DETAIL_FIELDS = (
    "given_name",
    "family_name",
    "date_of_birth",
    "expected_date_of_birth",
    "date_of_death",
    "sex",
    "gender_identity",
    "ethnicity",
    "first_language",
    "religion",
    "disabilities",
    "nhs_number",
    "upn",
    "upn_unknown",
    "local_id",
)
IDENTIFIER_FIELDS = ("nhs_number", "upn", "local_id")


def _value(name: str, value: Any) -> Any:
    # An identifier left blank is "not known" (NULL), so uniqueness ignores it.
    return None if name in IDENTIFIER_FIELDS and value == "" else value


def _may_write(user: User) -> None:
    if not records_about_children(user):
        raise DomainError("not_permitted", "Your role does not include recording")


def _check_access(user: User, person: Person) -> None:
    _may_write(user)
    # Lasting access only: break-glass reads, and a write on borrowed access
    # could hand its author lasting access (a merge into a record they hold).
    access.require_lasting_access(user, person)


def _check_details(details: dict[str, Any]) -> None:
    """Refuse details that contradict themselves, naming every contradiction."""
    failures = Failures()
    born = details.get("date_of_birth")
    if born and details.get("expected_date_of_birth"):
        failures.add(
            "both_birth_dates",
            "Give either a date of birth or an expected date of birth, not both",
            field="expected_date_of_birth",
        )
    if born and born > clock.today():
        failures.add(
            "birth_in_future",
            "Date of birth must be today or in the past. For an unborn child, give "
            "the expected date of birth",
            field="date_of_birth",
        )
    died = details.get("date_of_death")
    if died and born and died < born:
        failures.add(
            "death_before_birth",
            "Date of death must be on or after the date of birth",
            field="date_of_death",
        )
    check_census_fields(details, clock.today(), failures)
    codes = details.get("disabilities") or []
    if "NONE" in codes and len(codes) > 1:
        failures.add(
            "disability_none_alone",
            "Choose 'No disability' on its own, or the disabilities the child has",
            field="disabilities",
        )
    elif len(set(codes)) != len(codes):
        # CIN census rule 8794: no disability twice.
        failures.add(
            "disability_twice", "Choose each disability once", field="disabilities"
        )
    failures.raise_any()


IDENTIFIER_CHECKS: dict[str, Callable[[str], str]] = {
    "nhs_number": validate_nhs_number,
    "upn": validate_upn,
    "local_id": validate_local_id,
}


IDENTIFIER_LABELS = {
    "nhs_number": "NHS number",
    "upn": "UPN",
    "local_id": "local person ID",
}


def _clean_identifiers(details: dict[str, Any], person_pk: int | None) -> None:
    """Validate and normalise identifiers in place; refuse any that is wrong or
    already in use, naming every one."""
    failures = Failures()
    for name, check in IDENTIFIER_CHECKS.items():
        value = details.get(name)
        if not value:
            continue
        try:
            details[name] = check(str(value))
        except ValidationError as invalid:
            failures.add(f"invalid_{name}", " ".join(invalid.messages), field=name)
            continue
        holder = Person.objects.filter(**{name: details[name]})
        if person_pk is not None:
            holder = holder.exclude(pk=person_pk)
        if holder.exists():
            label = IDENTIFIER_LABELS[name]
            failures.add(
                f"{name}_in_use",
                f"This {label} is already recorded for another person. Search for "
                "them: they may be the same person",
                field=name,
            )
    failures.raise_any()


def check_details(details: dict[str, Any], *, person_pk: int | None = None) -> None:
    """Refuse a person's details if they break any of the register's rules, naming
    every rule broken; identifiers are normalised in place. `person_pk` is the
    record being changed, if any."""
    failures = Failures()
    with failures.gather():
        _clean_identifiers(details, person_pk)
    with failures.gather():
        _check_details(details)
    failures.raise_any()


def _payload(person: Person, fields: tuple[str, ...] = DETAIL_FIELDS) -> dict[str, Any]:
    return {name: getattr(person, name) for name in fields}


def _set_keys(person: Person) -> None:
    names = (person.given_name, person.family_name)
    person.given_key, person.family_key = name_keys(*names)
    person.family_fold, person.name_fold = name_folds(*names)


def register_person(details: dict[str, Any], *, by: User) -> Person:
    """Add a person to the register; their record starts with the registering team."""
    _may_write(by)
    details = dict(details)
    check_details(details)
    with transaction.atomic():
        person = Person(
            **{k: _value(k, v) for k, v in details.items() if k in DETAIL_FIELDS}
        )
        _set_keys(person)
        person.save()
        journal.append(
            person,
            "people.person_registered",
            _payload(person),
            by=by,
            significant=True,
        )
        if by.team is not None:
            allocate_case(person, team=by.team, reason="Registered by the team", by=by)
    return person


def change_details(
    person: Person,
    changes: dict[str, Any],
    *,
    reason: str = "",
    by: User,
    expected_version: int | None = None,
) -> Person:
    """Change a person's details; the journal keeps the old and new values.

    `expected_version` is the version the form was read at: if someone else has
    saved since, nothing is saved and `StaleEdit` carries their values."""
    _check_access(by, person)
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        before = _payload(person)
        changes = dict(changes)
        failures = Failures()
        with failures.gather():
            _clean_identifiers(changes, person.pk)
        with failures.gather():
            _check_details({**before, **changes})
        failures.raise_any()
        changed = {
            k: v
            for k, v in changes.items()
            if k in DETAIL_FIELDS and before[k] != _value(k, v)
        }
        if not changed:
            return person
        claim(person, expected_version, _payload)
        for name, value in changed.items():
            setattr(person, name, _value(name, value))
        if changed.get("upn") is not None and before["upn"]:
            # DfE FormerUPN: the old number stays findable once a new one is issued.
            FormerUpn.objects.create(person=person, upn=before["upn"])
        if {"given_name", "family_name"} & changed.keys():
            PersonName.objects.create(
                person=person,
                kind=PersonName.Kind.FORMER,
                given_name=before["given_name"],
                family_name=before["family_name"],
                until=clock.today(),
            )
        _set_keys(person)
        person.save()
        journal.append(
            person,
            "people.details_changed",
            {
                "before": {k: before[k] for k in changed},
                "after": _payload(person, tuple(changed)),
            },
            by=by,
            reason=reason,
        )
    return person


def add_known_as_name(
    person: Person, *, given_name: str, family_name: str = "", by: User
) -> PersonName:
    _check_access(by, person)
    with transaction.atomic():
        given_key, family_key = name_keys(given_name, family_name)
        name = PersonName.objects.create(
            person=person,
            kind=PersonName.Kind.KNOWN_AS,
            given_name=given_name,
            family_name=family_name,
            given_key=given_key,
            family_key=family_key,
        )
        journal.append(person, "people.name_added", {"known_as": str(name)}, by=by)
    return name


def record_move(
    person: Person,
    *,
    line_1: str,
    town: str,
    postcode: str,
    on: dt.date,
    line_2: str = "",
    by: User,
) -> Address:
    """Record that the person lives at a new address from `on`; the old one ends."""
    _check_access(by, person)
    if not 5 <= len(postcode_key(postcode)) <= 7:  # "M1 1AA" to "SW1A 1AA"
        raise DomainError(
            "postcode_format", "Enter a real postcode, like SW1A 1AA", field="postcode"
        )
    with transaction.atomic():
        current = (
            Address.objects.select_for_update()
            .filter(person=person, ended_on__isnull=True)
            .first()
        )
        if current is not None:
            if on <= current.started_on:
                raise DomainError(
                    "move_before_current_address",
                    f"The move must be after {current.started_on:%-d %B %Y}, when the "
                    "current address started",
                    field="on",
                )
            current.ended_on = on
            current.save(update_fields=["ended_on"])
        address = Address.objects.create(
            person=person,
            line_1=line_1,
            line_2=line_2,
            town=town,
            postcode=postcode_key(postcode, spaced=True),
            postcode_key=postcode_key(postcode),
            started_on=on,
        )
        journal.append(
            person,
            "people.address_recorded",
            {
                "address": str(address),
                "from": on,
                "previous": str(current) if current else None,
            },
            by=by,
            occurred_at=clock.start_of(on),
        )
    return address


def record_relationship(
    person: Person,
    *,
    other: Person,
    kind: str,
    started_on: dt.date | None = None,
    alleged_perpetrator: bool = False,
    by: User,
) -> Relationship:
    """Record that `other` is `person`'s `kind` (and, if so, alleged to have
    harmed them); both records show it."""
    _check_access(by, person)
    if other.pk == person.pk:
        raise DomainError(
            "relationship_to_self", "A person cannot be related to themselves"
        )
    with transaction.atomic():
        link = Relationship.objects.create(
            person=person,
            other=other,
            kind=kind,
            started_on=started_on,
            alleged_perpetrator=alleged_perpetrator,
        )
        words = f"{other} is {person}'s {link.get_kind_display().lower()}"
        if alleged_perpetrator:
            words += f", alleged to have harmed {person.given_name}"
        payload = {"other": other.pk, "kind": kind, "words": words}
        payload["alleged_perpetrator"] = alleged_perpetrator
        journal.append(person, "people.relationship_recorded", payload, by=by)
        inverse = {
            "other": person.pk,
            "kind": INVERSE_RELATIONSHIP[kind],
            "words": words,
        }
        journal.append(other, "people.relationship_recorded", inverse, by=by)
    return link


def add_warning(person: Person, *, kind: str, detail: str, by: User) -> PersonWarning:
    """Add an alert shown on every page of the record, such as a risk to staff."""
    _check_access(by, person)
    if not detail.strip():
        raise DomainError("detail_required", "Describe the warning", field="detail")
    with transaction.atomic():
        warning = PersonWarning.objects.create(
            person=person,
            kind=kind,
            detail=detail,
            started_on=clock.today(),
            recorded_by=by,
        )
        journal.append(
            person,
            "people.warning_added",
            {"kind": kind, "detail": detail},
            by=by,
            significant=True,
        )
    return warning


def merge_records(
    duplicate: Person,
    *,
    into: Person,
    reason: str,
    by: User,
    agreed_by: User | None = None,
) -> Person:
    """Merge a duplicate record into the one that survives.

    Nothing is moved or deleted: the duplicate points at the survivor and its
    history shows on the survivor's record, so `unmerge_records` restores both.
    `by` needs lasting access to both records; when another team holds either,
    a manager of that team must have agreed (`haven.people.merging`).
    """
    check_merge(duplicate, into=into, reason=reason, by=by)
    if agreed_by is None and teams_to_agree(by, duplicate, into):
        raise DomainError(
            "agreement_needed",
            "Another team holds one of these records: ask its manager to agree",
        )
    names = {"requested_by": str(by), "agreed_by": str(agreed_by)} if agreed_by else {}
    with transaction.atomic():
        duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
        into = Person.objects.select_for_update().get(pk=into.pk)
        if duplicate.merged_into_id or into.merged_into_id:
            raise DomainError(
                "already_merged", "One of these records has already been merged"
            )
        duplicate.merged_into = into
        duplicate.save(update_fields=["merged_into"])
        journal.append(
            duplicate,
            "people.merged_into",
            {"into": into.pk, "name": str(into), **names},
            by=by,
            reason=reason,
            significant=True,
        )
        journal.append(
            into,
            "people.record_merged_in",
            {"duplicate": duplicate.pk, "name": str(duplicate), **names},
            by=by,
            reason=reason,
            significant=True,
        )
    return into


def check_merge(duplicate: Person, *, into: Person, reason: str, by: User) -> None:
    """What a merge, or a request for one, needs: lasting access to both."""
    _check_access(by, duplicate)
    _check_access(by, into)
    if not reason.strip():
        raise DomainError(
            "reason_required", "Give the reason for merging", field="reason"
        )
    if duplicate.pk == into.pk:
        raise DomainError("merge_into_self", "Choose two different records to merge")
    if duplicate.merged_into_id or into.merged_into_id:
        raise DomainError(
            "already_merged", "One of these records has already been merged"
        )


def holding_teams(person: Person) -> set[int]:
    """The teams holding the child's case now."""
    current = Allocation.objects.filter(person=person, ended_on__isnull=True)
    return set(current.values_list("team_id", flat=True))


def teams_to_agree(by: User, duplicate: Person, into: Person) -> set[int]:
    """Teams holding either record that are not the user's own (or managed)."""
    held = holding_teams(duplicate) | holding_teams(into)
    return held - access.team_ids_for(by)


def unmerge_records(duplicate: Person, *, reason: str, by: User) -> Person:
    """Undo a merge: the duplicate record stands on its own again."""
    if not reason.strip():
        raise DomainError(
            "reason_required", "Give the reason for unmerging", field="reason"
        )
    with transaction.atomic():
        duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
        survivor = duplicate.merged_into
        if survivor is None:
            raise DomainError("not_merged", "This record is not merged into another")
        _check_access(by, survivor)
        duplicate.merged_into = None
        duplicate.save(update_fields=["merged_into"])
        journal.append(
            duplicate,
            "people.unmerged",
            {"from": survivor.pk},
            by=by,
            reason=reason,
            significant=True,
        )
        journal.append(
            survivor,
            "people.record_unmerged",
            {"duplicate": duplicate.pk},
            by=by,
            reason=reason,
            significant=True,
        )
    return duplicate
