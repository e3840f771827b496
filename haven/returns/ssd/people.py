"""The person tables: ssd_person for every child any other table names (their
surviving record), with their families (households), addresses, disabilities,
immigration statuses and other identifiers, each read in one query for all of
them. Whether a young woman is a mother is the SSDA903 Header's reading of the
family relationships (haven.returns.ssda903.header.first_children)."""

from collections.abc import Iterable, Mapping
from typing import Any

from haven.care.models import UascStatus
from haven.people.census import la_child_id
from haven.people.codes import RelationshipKind, Sex
from haven.people.models import (
    Address,
    FormerUpn,
    Household,
    ImmigrationStatus,
    Person,
    Relationship,
)
from haven.returns.ssd.scope import Rows, Scope
from haven.returns.ssd.tables import as_json, flag
from haven.returns.ssda903.header import PARENT_KINDS, first_children
from haven.send.models import EhcPlan


def _records(scope: Scope, people: list[Person]) -> list[int]:
    """Every record of these people (their merged duplicates too)."""
    wanted = {p.pk for p in people}
    return [pk for pk, p in scope.people.items() if p.pk in wanted]


def person_rows(scope: Scope, pks: Iterable[int]) -> Rows:
    people = sorted({scope.survivor(pk) for pk in pks}, key=lambda p: p.pk)
    women = [p.pk for p in people if p.sex == Sex.FEMALE]
    mothers = first_children(women)
    with_plans = {
        scope.survivor(pk).pk
        for pk in EhcPlan.objects.filter(
            person_id__in=_records(scope, people), issued_on__lte=scope.last
        )
        .exclude(ceased_on__lte=scope.last)
        .values_list("person_id", flat=True)
    }
    return [
        {
            "_person": p.pk,
            "pers_legacy_id": p.local_id,
            "pers_person_id": p.la_child_id,
            "pers_upn": p.upn,
            "pers_forename": p.given_name,
            "pers_surname": p.family_name,
            "pers_sex": p.sex,
            "pers_gender": p.gender_identity,
            "pers_ethnicity": p.ethnicity,
            "pers_dob": p.date_of_birth,
            "pers_single_unique_id": p.nhs_number,
            "pers_upn_unknown": "" if p.upn else p.upn_unknown,
            "pers_send_flag": flag(p.pk in with_plans),
            "pers_expected_dob": p.expected_date_of_birth,
            "pers_death_date": scope.by_end(p.date_of_death),
            "pers_is_mother": flag(p.pk in mothers) if p.pk in women else "",
        }
        for p in people
    ]


def family_rows(scope: Scope, people: Rows) -> Rows:
    ids = [row["_person"] for row in people]
    members = Household.members.through.objects.filter(person_id__in=ids).order_by(
        "household_id", "person_id"
    )
    return [
        {
            **scope.who(m.person_id, "fami_person_id"),
            "fami_table_id": m.pk,
            "fami_family_id": m.household_id,
        }
        for m in members
    ]


def address_rows(scope: Scope, people: Rows) -> Rows:
    """Every address the children have had (the SSD keeps the history)."""
    ids = {row["_person"] for row in people}
    addresses = Address.objects.filter(
        person_id__in=[r for r, p in scope.people.items() if p.pk in ids]
    ).order_by("person_id", "started_on", "pk")
    return [
        {
            **scope.who(a.person_id, "addr_person_id"),
            "addr_table_id": a.pk,
            "addr_address_start_date": a.started_on,
            "addr_address_end_date": a.ended_on,
            "addr_address_postcode": a.postcode,
            "addr_address_json": as_json(
                {
                    "line_1": a.line_1,
                    "line_2": a.line_2,
                    "town": a.town,
                    "postcode": a.postcode,
                }
            ),
        }
        for a in addresses
        if a.started_on is None or a.started_on <= scope.last
    ]


def disability_rows(people: Rows, persons: dict[int, Person]) -> Rows:
    return [
        {
            "_person": row["_person"],
            "disa_table_id": f"{row['_person']}-{number}",
            "disa_person_id": row["pers_person_id"],
            "disa_disability_code": code,
        }
        for row in people
        for number, code in enumerate(persons[row["_person"]].disabilities or [], 1)
    ]


def immigration_rows(scope: Scope, people: Rows) -> Rows:
    """Each immigration status recorded, and each time a child was an
    unaccompanied asylum-seeker (care.UascStatus, the SSDA903's UASC)."""
    named = {row["_person"] for row in people}
    ids = [r for r, p in scope.people.items() if p.pk in named]
    rows: Rows = [
        {
            **scope.who(s.person_id, "immi_person_id"),
            "immi_immigration_status_id": f"S{s.pk}",
            "immi_immigration_status_start_date": s.started_on,
            "immi_immigration_status_end_date": s.ended_on,
            "immi_immigration_status": s.status,
        }
        for s in ImmigrationStatus.objects.filter(person_id__in=ids).order_by("pk")
    ]
    rows += [
        {
            **scope.who(u.person_id, "immi_person_id"),
            "immi_immigration_status_id": f"U{u.pk}",
            "immi_immigration_status_start_date": u.started_on,
            "immi_immigration_status_end_date": u.ceased_on,
            "immi_immigration_status": "UASC",
        }
        for u in UascStatus.objects.filter(person_id__in=ids).order_by("pk")
    ]
    return rows


def identifier_rows(scope: Scope, people: Rows, persons: dict[int, Person]) -> Rows:
    """The identifiers a child has beside their person ID: NHS number, UPN,
    and the UPNs they had before."""
    rows: Rows = []
    for row in people:
        person = persons[row["_person"]]
        for kind, value in (("NHS Number", person.nhs_number), ("UPN", person.upn)):
            if value:
                rows.append(_identifier(row, kind, value, f"{kind[0]}{person.pk}"))
    named = {row["_person"] for row in people}
    ids = [r for r, p in scope.people.items() if p.pk in named]
    for former in FormerUpn.objects.filter(person_id__in=ids).order_by("pk"):
        survivor = scope.survivor(former.person_id)
        owner = {"_person": survivor.pk, "pers_person_id": survivor.la_child_id}
        rows.append(_identifier(owner, "Former UPN", former.upn, f"F{former.pk}"))
    return rows


def _identifier(
    row: Mapping[str, object], kind: str, value: str, key: str
) -> dict[str, object]:
    return {
        "_person": row["_person"],
        "link_table_id": key,
        "link_person_id": row["pers_person_id"],
        "link_identifier_type": kind,
        "link_identifier_value": value,
    }


def mother_rows(people: Rows) -> Rows:
    """Each mother among the people to each of her children, read as
    pers_is_mother reads them (first_children): her child recorded as her
    child, or her recorded as a child's mother (or parent)."""
    women = {
        row["_person"]: row["pers_person_id"]
        for row in people
        if row["pers_is_mother"] == flag(True)
    }
    as_parent = Relationship.objects.filter(
        kind__in=PARENT_KINDS, other_id__in=women
    ).values_list(
        "pk", "other_id", "person_id", "person__local_id", "person__date_of_birth"
    )
    as_child = Relationship.objects.filter(
        kind=RelationshipKind.CHILD, person_id__in=women
    ).values_list(
        "pk", "person_id", "other_id", "other__local_id", "other__date_of_birth"
    )
    # One row per mother and child, however often the pair is recorded.
    pairs: dict[tuple[int, int], tuple[Any, ...]] = {}
    for pk, mother, child, local_id, born in sorted([*as_parent, *as_child]):
        pairs.setdefault((mother, child), (pk, local_id, born))
    return [
        {
            "_person": mother,
            "moth_table_id": pk,
            "moth_person_id": women[mother],
            "moth_childs_person_id": la_child_id(local_id, child),
            "moth_childs_dob": born,
        }
        for (mother, child), (pk, local_id, born) in sorted(pairs.items())
    ]
