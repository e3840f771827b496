"""Likely duplicate persons: two records with the same date of birth and
names alike, or one record's former UPN now another's UPN. Scored by the same
matching the register uses when a person is added (haven.people.matching),
at the same threshold. The same NHS number or UPN on two records cannot
happen: the database refuses it at entry.

A pair counts at a month's end if both records existed then and neither had
been merged away; a pair a manager declined to merge was judged to be two
people, and is not listed again."""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count
from django.utils import timezone

from haven.core.models import JournalEvent
from haven.people.matching import match_score
from haven.people.models import FormerUpn, MergeRequest, Person
from haven.reporting.figures import Item
from haven.reporting.quality.checks import Check, declare, found, links
from haven.reporting.spans import Span

# The register's own threshold for "this may be the person you are adding"
# (haven.people.selectors.possible_duplicates).
THRESHOLD = 0.75
REGISTERED, MERGED = "people.person_registered", "people.merged_into"
FIELDS = ("pk", "given_name", "family_name", "date_of_birth", "nhs_number")


def _alike(people: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """Pairs (lower id first) alike enough among records sharing a birth date."""
    by_birth: dict[dt.date, list[Any]] = defaultdict(list)
    for person in people:
        by_birth[person["date_of_birth"]].append(person)
    pairs = set()
    for group in by_birth.values():
        for i, person in enumerate(group):
            for other in group[i + 1 :]:
                if person["nhs_number"] and other["nhs_number"]:
                    continue  # two NHS numbers: two people (twins, say)
                if match_score(person, other) >= THRESHOLD:
                    pairs.add(
                        (min(person["pk"], other["pk"]), max(person["pk"], other["pk"]))
                    )
    return pairs


def _pairs() -> dict[tuple[int, int], str]:
    shared = (
        Person.objects.filter(date_of_birth__isnull=False)
        .values("date_of_birth")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values("date_of_birth")
    )
    people = list(
        Person.objects.filter(date_of_birth__in=shared).order_by().values(*FIELDS)
    )
    pairs = dict.fromkeys(_alike(people), "the same date of birth and a name alike")
    former = FormerUpn.objects.filter(
        upn__in=Person.objects.filter(upn__isnull=False).values("upn")
    ).values_list("person_id", "upn")
    holders = dict(
        Person.objects.filter(upn__in=former.values("upn")).values_list("upn", "pk")
    )
    for person_id, upn in former:
        other = holders.get(upn)
        if other and other != person_id:
            key = (min(person_id, other), max(person_id, other))
            pairs[key] = "a former UPN that is the other record's UPN"
    return pairs


def _compute(span: Span) -> list[Item]:
    pairs = _pairs()
    ids = {pk for pair in pairs for pk in pair}
    declined = {
        (min(a, b), max(a, b))
        for a, b in MergeRequest.objects.filter(
            state=MergeRequest.State.DECLINED
        ).values_list("duplicate_id", "into_id")
    }
    # When each record came and went, from the journal (its clock is the one
    # the services keep); a record with no registration event was migrated and
    # counts as always there.
    came: dict[int, dt.datetime] = {}
    went: dict[int, dt.datetime] = {}
    for person_id, kind, at in JournalEvent.objects.filter(
        type__in=(REGISTERED, MERGED), person_id__in=ids
    ).values_list("person_id", "type", "occurred_at"):
        if kind == REGISTERED:
            came[person_id] = min(at, came.get(person_id, at))
        else:
            went[person_id] = max(at, went.get(person_id, at))
    items, link = [], links("people:merge")
    for month in span.months:
        for pair, why in sorted(pairs.items()):
            if pair in declined or not all(
                _there(pk, month.last, came, went) for pk in pair
            ):
                continue
            for pk in pair:
                words = f"Likely the same person as another record: {why}"
                items.append(found(pk, month, words, link(pk)))
    return items


def _there(
    pk: int, day: dt.date, came: dict[int, dt.datetime], went: dict[int, dt.datetime]
) -> bool:
    """Whether the record existed, and was not yet merged away, at day's end."""
    if pk in came and timezone.localdate(came[pk]) > day:
        return False
    return pk not in went or timezone.localdate(went[pk]) > day


DUPLICATES = declare(
    Check(
        key="duplicates",
        name="Likely duplicate records",
        finds="Records that are likely the same person: the same date of birth and "
        "names alike (as the register scores them when a person is added), or "
        "one record's former UPN that is another's UPN; each record of a pair is "
        "listed",
        breaks="A child on two records is counted twice in the CIN census and "
        "the SSDA903 return (or their history is split between them), a carer "
        "can be paid twice for one child, and the work queues show two children "
        "with half the visits each.",
        fixed_on="Merge the records (the person's merge page)",
        compute=_compute,
    )
)
