"""The SWEpisodes table (from 2023-24): for each child looked after on 31
March, every social worker allocation that held on some day of the year, even
before the child came into care (rule SW12STG2). SW_ID is the worker's Social
Work England registration number (User.swe_number); SW_REASON is why this
worker took over (Allocation.change_reason). An allocation still held after
31 March is open, as it was at the return. A case held by a team with no
worker named, or an allocation that ended the day it began, is no social
worker's episode, and is left out."""

from typing import Any

from haven.core.caseroles import CaseRole
from haven.core.models import Allocation
from haven.returns.ssda903.cohorts import looked_after_at_end
from haven.returns.ssda903.loading import Year


def social_worker_rows(year: Year) -> list[dict[str, Any]]:
    looked_after = {
        pk for pk, child in year.children.items() if looked_after_at_end(year, child)
    }
    records = [r for r, pk in year.records.items() if pk in looked_after]
    held = (
        Allocation.objects.filter(
            role=CaseRole.SOCIAL_WORKER,
            person_id__in=records,
            worker__isnull=False,
            started_on__lte=year.last,
        )
        .exclude(ended_on__lt=year.first)
        .select_related("worker")
        .order_by("person_id", "started_on", "pk")
    )
    rows = []
    for allocation in held:
        if allocation.ended_on == allocation.started_on:
            continue
        child = year.children[year.records[allocation.person_id]]
        ended = allocation.ended_on
        worker = allocation.worker
        assert worker is not None  # filtered above
        rows.append(
            {
                "CHILD": child.child,
                "DOB": child.person.date_of_birth,
                "SW_ID": worker.swe_number,
                "SW_DECOM": allocation.started_on,
                "SW_DEC": ended if ended is not None and ended <= year.last else None,
                "SW_REASON": allocation.change_reason,
                "_person": child.person.pk,
                "_worker": worker,
            }
        )
    return rows
