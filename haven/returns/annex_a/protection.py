"""Lists 6 and 7: children in need, and children on child protection plans."""

from haven.care.court.kinds import OrderKind
from haven.care.models import CourtOrder
from haven.cin.models import CinEpisode
from haven.core.caseroles import CaseRole
from haven.protection.codes import ConferenceKind
from haven.protection.models import ChildProtectionPlan, Conference
from haven.returns.annex_a.children import yes_no
from haven.returns.annex_a.period import Period, months_before
from haven.returns.annex_a.sheet import Sheet, last_seen

SW = CaseRole.SOCIAL_WORKER


def _on_plan(period: Period) -> set[int]:
    return set(
        ChildProtectionPlan.objects.filter(started_on__lte=period.end)
        .exclude(ended_on__lte=period.end)
        .values_list("person_id", flat=True)
    )


def in_need(period: Period) -> Sheet:
    """Every episode of need open at some time in the period."""
    sheet = Sheet(
        6,
        "Children in need",
        [
            "CIN Start Date",
            "Primary Need Code",
            "Date Child Last Seen",
            "CIN Closure Date",
            "Reason for Closure",
            "Case Status",
        ],
        team_role=SW,
    )
    found = list(
        CinEpisode.objects.filter(referral_date__lte=period.end, referral_nfa=False)
        .exclude(closed_on__lt=period.start)
        .order_by("referral_date", "pk")
    )
    seen = last_seen((e.person_id for e in found), period)
    planned = _on_plan(period)
    for e in found:
        if e.closed_on is not None and e.closed_on <= period.end:
            status = "Closed"
        elif e.person_id in planned:
            status = "Child protection plan"
        else:
            status = "Child in need"
        last = seen.get(e.person_id, (None, False))[0]
        sheet.rows.append(
            (
                e.person_id,
                [
                    e.referral_date,
                    e.primary_need,
                    last,
                    e.closed_on if period.holds(e.closed_on) else None,
                    e.closure_reason if period.holds(e.closed_on) else "",
                    status,
                ],
            )
        )
    return sheet


def _emergencies(ids: set[int], period: Period) -> set[int]:
    since = months_before(period.as_at, 6)
    return set(
        CourtOrder.objects.filter(
            person_id__in=ids,
            kind__in=[OrderKind.EMERGENCY_PROTECTION, OrderKind.POLICE_PROTECTION],
            made_on__gt=since,
            made_on__lte=period.end,
        ).values_list("person_id", flat=True)
    )


def plans(period: Period) -> Sheet:
    """Every child protection plan open at some time in the period."""
    sheet = Sheet(
        7,
        "Child protection",
        [
            "Child Protection Plan Start Date",
            "Initial Category of Abuse",
            "Latest Category of Abuse",
            "Date of the last statutory visit",
            "Was the child seen alone?",
            "Date of latest review conference",
            "Child Protection Plan End Date",
            "Subject to Emergency Protection Order or Police Protection in the "
            "last 6 months (Y/N)",
            "Number of Previous Child Protection Plans",
        ],
        team_role=SW,
    )
    found = list(
        ChildProtectionPlan.objects.filter(started_on__lte=period.end)
        .exclude(ended_on__lt=period.start)
        .order_by("started_on", "pk")
    )
    ids = {p.person_id for p in found}
    visits = last_seen(ids, period, statutory=True)
    reviews: dict[int, object] = {}
    for plan_id, held in (
        Conference.objects.filter(
            plan__in=found, kind=ConferenceKind.REVIEW, held_on__lte=period.end
        )
        .order_by("held_on")
        .values_list("plan_id", "held_on")
    ):
        reviews[plan_id] = held
    emergencies = _emergencies(ids, period)
    for plan in found:
        visit, alone = visits.get(plan.person_id, (None, None))
        ended = plan.ended_on if period.holds(plan.ended_on) else None
        sheet.rows.append(
            (
                plan.person_id,
                [
                    plan.started_on,
                    plan.initial_category,
                    plan.latest_category,
                    visit,
                    yes_no(alone) if visit else "",
                    reviews.get(plan.pk),
                    ended,
                    "Y" if plan.person_id in emergencies else "N",
                    plan.previous_plans,
                ],
            )
        )
    return sheet
