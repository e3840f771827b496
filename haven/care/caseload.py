"""What a worker's caseload shows of looked-after children and care leavers
(declared in plugin.py through haven.casework.caseload_facts): looked after
with their legal status, where they are placed (or that they are missing), and
care leavers. A fixed number of queries for any number of children."""

import datetime as dt

from django.db.models import Q

from haven.care.away import away_among
from haven.care.codes import PlacementType
from haven.care.models import LegalStatus, PeriodOfCare, Placement
from haven.care.whereabouts import holding
from haven.casework.caseload_facts import Facts, Legal
from haven.core import clock

LOOKED_AFTER = 30
CARE_LEAVER = 40
# A care leaver is owed a personal adviser to 25 (Children and Social Work Act
# 2017 s3). Haven reads "left care at 16 or over": the 13 weeks looked after
# since 14 that make a child eligible (Children (Leaving Care) Regulations) are
# not checked here.
LEFT_AT = 16
ADVISER_UNTIL = 25


def looked_after_facts(person_ids: set[int], today: dt.date) -> Facts:
    facts = Facts()
    periods = PeriodOfCare.objects.filter(person_id__in=person_ids).filter(
        holding(today)
    )
    in_care = dict(periods.values_list("pk", "person_id"))
    # Asked by subquery and for every child on the caseload, never by the ids
    # read: an empty list of ids sends no query, so a caseload's query count
    # would change with whether any child on it is looked after.
    holding_periods = periods.values("pk")
    statuses = dict(
        LegalStatus.objects.filter(period_id__in=holding_periods)
        .filter(holding(today))
        .values_list("period_id", "code")
    )
    for period_id, person_id in in_care.items():
        code = statuses.get(period_id, "")
        words = f"Looked after ({code})" if code else "Looked after"
        facts.legal[person_id] = [Legal(words, LOOKED_AFTER)]
    placements = Placement.objects.filter(period_id__in=holding_periods).filter(
        holding(today)
    )
    for placement in placements:
        person_id = in_care[placement.period_id]
        place = PlacementType(placement.place).label if placement.place else ""
        where = ", ".join(p for p in (placement.address_line_1, placement.town) if p)
        facts.placed[person_id] = f"{where} ({place})" if place else where
    now = clock.now()
    looked_after = set(in_care.values())
    for person_id, away in away_among(person_ids, now).items():
        if person_id in looked_after:
            facts.placed[person_id] = away.words
    _care_leavers(person_ids - set(in_care.values()), today, facts)
    return facts


def _care_leavers(person_ids: set[int], today: dt.date, facts: Facts) -> None:
    """Children who left care at 16 or over and are not yet 25."""
    ended = PeriodOfCare.objects.filter(
        person_id__in=person_ids,
        ended_on__isnull=False,
        person__date_of_birth__isnull=False,
    ).filter(~Q(ended_on__gt=today))
    for person_id, ended_on, born in ended.values_list(
        "person_id", "ended_on", "person__date_of_birth"
    ):
        if born is None or ended_on is None:
            continue
        if _years(born, ended_on) >= LEFT_AT and _years(born, today) < ADVISER_UNTIL:
            facts.legal[person_id] = [Legal("Care leaver", CARE_LEAVER, ended_on)]


def _years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
