"""Where a child with an EHC plan is educated, over time: SEN2 ActivePlans'
PlacementDetail (5.7a-h, with Res 5.2 and WBP 5.3). Each placement is dated
and ranked; two main (rank 1) placements of one child never overlap, so the
census date always finds one main placement at most.

Journal events:
  send.placement_recorded {"plan", "placement", "rank", "urn", "ukprn",
                           "sen_setting", "entered_on", "left_on"}
  send.placement_ended    {"plan", "placement", "left_on"}"""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import Establishment, User
from haven.send.codes import PlacementRank, Residential, SenSetting, WorkBased
from haven.send.details import WhereGiven, check_where
from haven.send.models import EhcPlan, SendPlacement
from haven.send.rules import check_date, locked, may_manage, record_event


def _overlapping(
    plan: EhcPlan,
    start: dt.date,
    end: dt.date | None,
    *,
    leave_out: int | None = None,
) -> SendPlacement | None:
    """The child's other main placement whose dates meet [start, end]."""
    rows = SendPlacement.objects.filter(person_id=plan.person_id, rank=1).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=start)
    )
    if end is not None:
        rows = rows.filter(entered_on__lte=end)
    if leave_out is not None:
        rows = rows.exclude(pk=leave_out)
    return rows.select_related("establishment").first()


def _overlap_words(other: SendPlacement) -> str:
    until = f"to {other.left_on:%-d %B %Y}" if other.left_on else "and has not ended"
    return (
        f"The child's main placement at {other.where} began "
        f"{other.entered_on:%-d %B %Y} {until}: main placements cannot "
        "overlap. Record the day that one ended first, or make this the "
        "second setting"
    )


def _check_codes(failures: Failures, residential: str, work_based: str) -> None:
    if residential and residential not in Residential.values:
        failures.add("res_unknown", "Choose the residential code", "residential")
    if work_based and work_based not in WorkBased.values:
        failures.add("wbp_unknown", "Choose the work-based learning", "work_based")


def _check_placement(
    failures: Failures,
    plan: EhcPlan,
    *,
    rank: int | None,
    given: WhereGiven,
    entered_on: dt.date | None,
    left_on: dt.date | None,
) -> Establishment | None:
    """Add the placement's faults; return its establishment, if it names one."""
    if plan.issued_on is None:
        failures.add(
            "plan_not_final", "Placements are recorded once the plan is issued"
        )
    if rank not in PlacementRank.values:
        failures.add("rank_required", "Choose the main or the second setting", "rank")
    found = check_where(failures, given, codes=tuple(SenSetting.values))
    check_date(failures, entered_on, field="entered_on", what="the child started")
    if left_on is not None:
        check_date(
            failures,
            left_on,
            field="left_on",
            what="the child left",
            not_before=entered_on,
            not_before_words="the day they started",
        )
    if rank == 1 and entered_on is not None:
        other = _overlapping(plan, entered_on, left_on)
        if other is not None:
            failures.add("overlap", _overlap_words(other), "entered_on")
    return found


def record_placement(
    plan: EhcPlan,
    *,
    rank: int | None,
    given: WhereGiven,
    entered_on: dt.date | None,
    left_on: dt.date | None = None,
    residential: str = "",
    work_based: str = "",
    by: User,
) -> SendPlacement:
    """Record a placement of the child whose EHC plan this is."""
    may_manage(by, plan.request)
    with transaction.atomic():
        request = locked(plan.request)
        failures = Failures()
        found = _check_placement(
            failures,
            plan,
            rank=rank,
            given=given,
            entered_on=entered_on,
            left_on=left_on,
        )
        _check_codes(failures, residential, work_based)
        failures.raise_any()
        assert rank is not None and entered_on is not None
        placement = SendPlacement.objects.create(
            plan=plan,
            person_id=plan.person_id,
            rank=rank,
            establishment=found,
            ukprn=given.ukprn,
            sen_setting=given.sen_setting,
            sen_setting_other=given.other.strip() if given.sen_setting else "",
            sen_unit=given.sen_unit,
            resourced=given.resourced,
            entered_on=entered_on,
            left_on=left_on,
            residential=residential,
            work_based=work_based,
            created_by=by,
            created_at=clock.now(),
        )
        payload = {
            "plan": plan.pk,
            "placement": placement.pk,
            "rank": rank,
            "urn": found.urn if found else None,
            "ukprn": given.ukprn,
            "sen_setting": given.sen_setting,
            "entered_on": entered_on.isoformat(),
            "left_on": left_on.isoformat() if left_on else None,
        }
        record_event(request, "placement_recorded", payload, by=by, on=entered_on)
    return placement


def end_placement(
    placement: SendPlacement, *, left_on: dt.date | None, by: User
) -> SendPlacement:
    """Record the day the child left a placement."""
    may_manage(by, placement.plan.request)
    with transaction.atomic():
        request = locked(placement.plan.request)
        placement = SendPlacement.objects.select_for_update().get(pk=placement.pk)
        failures = Failures()
        if placement.left_on is not None:
            failures.add("already_ended", "The placement has already ended")
        check_date(
            failures,
            left_on,
            field="left_on",
            what="the child left",
            not_before=placement.entered_on,
            not_before_words="the day they started",
        )
        failures.raise_any()
        assert left_on is not None
        placement.left_on = left_on
        placement.save(update_fields=["left_on"])
        payload = {
            "plan": placement.plan_id,
            "placement": placement.pk,
            "left_on": left_on.isoformat(),
        }
        record_event(request, "placement_ended", payload, by=by, on=left_on)
    return placement


def current_placement(plan: EhcPlan) -> SendPlacement | None:
    """The child's main placement today, if any."""
    today = clock.today()
    return (
        SendPlacement.objects.filter(person_id=plan.person_id, rank=1)
        .filter(entered_on__lte=today)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=today))
        .select_related("establishment")
        .first()
    )
