"""List 8: children in care. Whether a child was looked after on a day is
haven.care's answer (haven.care.episodes: short breaks are not counted),
asked of each period of care read with its histories in a fixed number of
queries."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from haven.care import episodes as derived
from haven.care.models import (
    CarePlan,
    DentalCheck,
    HealthAssessment,
    IroContact,
    LegalStatus,
    MissingEpisode,
    PeriodOfCare,
    Placement,
    Review,
    UascStatus,
)
from haven.care.recording import history_of, with_histories
from haven.core.caseroles import CaseRole
from haven.returns.annex_a.children import yes_no
from haven.returns.annex_a.period import Period
from haven.returns.annex_a.sheet import Sheet, last_seen

HEADER = [
    "UASC in the last 12 months",
    "Date Started to be Looked After",
    "Category of Need",
    "Second or subsequent period of care in the last 12 months (Y/N)",
    "Start date of current legal status",
    "Legal Status",
    "Date of last statutory review",
    "Date of last social work visit",
    "Permanence plan",
    "Date of last IRO visit",
    "Date of last health assessment",
    "Date of last dental check",
    "Number of placements in the last 12 months",
    "Date Ceased to be Looked After",
    "Reason Ceased to be Looked After",
    "Start date of most recent placement",
    "Placement Type",
    "Placement Provider",
    "Placement postcode",
    "Placement URN",
    "Placement Location (inside or outside the LA)",
    "Placement LA",
    "Number of missing and absent episodes in the last 12 months",
    "Return interview offered (Y/N)",
    "Return interview accepted (Y/N)",
]


@dataclass(frozen=True)
class InCare:
    period: PeriodOfCare
    statuses: list[LegalStatus]
    placements: list[Placement]


def _periods(period: Period) -> list[InCare]:
    found = with_histories(
        PeriodOfCare.objects.filter(started_on__lte=period.end).exclude(
            ended_on__lt=period.start
        )
    )
    return [
        InCare(p, list(p.legal_statuses.all()), list(p.placements.all())) for p in found
    ]


def looked_after_in(care: InCare, period: Period) -> bool:
    """Looked after on some day of the period: on its first day, or on the
    first day of a legal status that starts within it."""
    history = history_of(care.period, care.statuses, care.placements)
    days = [period.start, care.period.started_on] + [
        s.started_on for s in care.statuses
    ]
    return any(
        derived.looked_after_on(history, day) for day in days if period.holds(day)
    )


def _latest(
    rows: QuerySet[Any], day_field: str, period: Period, person: str = "person_id"
) -> dict[int, Any]:
    """Each child's latest day of these records, up to the end of the period."""
    found: dict[int, Any] = {}
    for pk, day in (
        rows.filter(**{f"{day_field}__lte": period.end})
        .order_by(day_field)
        .values_list(person, day_field)
    ):
        found[pk] = day
    return found


@dataclass(frozen=True)
class Facts:
    """The care records of the list's children, one query each."""

    reviews: dict[int, Any]
    iro: dict[int, Any]
    health: dict[int, Any]
    dental: dict[int, Any]
    plans: dict[int, Any]
    visits: dict[int, tuple[Any, bool]]
    uasc: set[int]
    missing: Counter[int]
    offered: set[int]
    accepted: set[int]


def _facts(ids: set[int], period: Period) -> Facts:
    missing = list(
        MissingEpisode.objects.filter(
            period__person_id__in=ids,
            started_at__date__gte=period.year_ago,
            started_at__date__lte=period.end,
        ).values_list("period__person_id", "interview_offered_on", "interview_held_on")
    )
    plans: dict[int, Any] = {}
    for pk, permanence in (
        CarePlan.objects.filter(period__person_id__in=ids, agreed_on__lte=period.end)
        .order_by("agreed_on", "number")
        .values_list("period__person_id", "permanence")
    ):
        plans[pk] = permanence
    return Facts(
        reviews=_latest(
            Review.objects.filter(period__person_id__in=ids),
            "held_on",
            period,
            "period__person_id",
        ),
        iro=_latest(
            IroContact.objects.filter(
                period__person_id__in=ids, kind=IroContact.Kind.VISIT
            ),
            "on",
            period,
            "period__person_id",
        ),
        health=_latest(
            HealthAssessment.objects.filter(person_id__in=ids), "completed_on", period
        ),
        dental=_latest(
            DentalCheck.objects.filter(person_id__in=ids), "checked_on", period
        ),
        plans=plans,
        visits=last_seen(ids, period, statutory=True),
        uasc=set(
            UascStatus.objects.filter(person_id__in=ids, started_on__lte=period.end)
            .exclude(ceased_on__lt=period.year_ago)
            .values_list("person_id", flat=True)
        ),
        missing=Counter(pk for pk, _, _ in missing),
        offered={pk for pk, offered, _ in missing if offered},
        accepted={pk for pk, _, held in missing if held},
    )


def _placement_columns(care: InCare, period: Period) -> list[Any]:
    placed = [p for p in care.placements if p.started_on <= period.end]
    if not placed:
        return [None, "", "", "", "", "", ""]
    last = placed[-1]
    provider = last.provider
    la = settings.HAVEN_LA_CODE
    inside = (
        ""
        if not (la and last.local_authority)
        else ("Inside" if last.local_authority == la else "Outside")
    )
    return [
        last.started_on,
        last.place,
        provider.name if provider else "",
        last.postcode,
        provider.ofsted_urn if provider else "",
        inside,
        last.local_authority,
    ]


def _row(
    care: InCare, facts: Facts, periods: Counter[int], period: Period
) -> list[Any]:
    pk = care.period.person_id
    statuses = [s for s in care.statuses if s.started_on <= period.end]
    status = statuses[-1] if statuses else None
    ended = care.period.ended_on if period.holds(care.period.ended_on) else None
    moves = sum(
        1 for p in care.placements if period.year_ago <= p.started_on <= period.end
    )
    visit = facts.visits.get(pk, (None, False))[0]
    return [
        yes_no(pk in facts.uasc),
        care.period.started_on,
        care.period.need,
        "Y" if periods[pk] > 1 else "N",
        status.started_on if status else None,
        status.code if status else "",
        facts.reviews.get(pk),
        visit,
        facts.plans.get(pk, ""),
        facts.iro.get(pk),
        facts.health.get(pk),
        facts.dental.get(pk),
        moves,
        ended,
        care.period.reason_ended if ended else "",
        *_placement_columns(care, period),
        facts.missing[pk],
        "Y" if pk in facts.offered else "N",
        "Y" if pk in facts.accepted else "N",
    ]


def children_in_care(period: Period) -> Sheet:
    sheet = Sheet(8, "Children in care", HEADER, team_role=CaseRole.SOCIAL_WORKER)
    cared = [c for c in _periods(period) if looked_after_in(c, period)]
    ids = {c.period.person_id for c in cared}
    facts = _facts(ids, period)
    periods = _periods_started(ids, period)
    for care in cared:
        sheet.rows.append((care.period.person_id, _row(care, facts, periods, period)))
    return sheet


def _periods_started(ids: Iterable[int], period: Period) -> Counter[int]:
    """How many periods of care each child began in the last 12 months (or
    was in at its start): a second is the "second period" column's Y."""
    return Counter(
        PeriodOfCare.objects.filter(person_id__in=set(ids), started_on__lte=period.end)
        .exclude(ended_on__lt=period.year_ago)
        .values_list("person_id", flat=True)
    )


def children_looked_after(period: Period) -> set[int]:
    """The Haven IDs of the children in list 8."""
    return {c.period.person_id for c in _periods(period) if looked_after_in(c, period)}
