"""Statutory visits (case notes recorded as a statutory visit, in the year),
each written to the table of the plan it was made under on its day: a child
protection plan's (ssd_cp_visits) first, else a period of care's
(ssd_cla_visits), else a child in need plan's (ssd_cin_visits). The plans
are the ones the other tables hold; the notes are read in one query."""

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.casework.models import CaseNote
from haven.casework.visits import BedroomSeen
from haven.returns.ssd.scope import Rows, Scope
from haven.returns.ssd.tables import flag

Span = tuple[dt.date, dt.date | None, Any]  # start, end, the plan's ID


def _on(spans: list[Span], day: dt.date) -> Any:
    for start, end, key in spans:
        if start <= day and (end is None or day <= end):
            return key
    return None


def _spans(scope: Scope) -> tuple[dict[int, list[Span]], ...]:
    cp: dict[int, list[Span]] = {}
    cin: dict[int, list[Span]] = {}
    cla: dict[int, list[Span]] = {}
    for child in scope.in_need:
        for episode in child.episodes:
            for plan in episode.cp_plans.all():
                cp.setdefault(child.person.pk, []).append(
                    (plan.started_on, plan.ended_on, plan.pk)
                )
            for cin_plan in episode.plans.all():
                cin.setdefault(child.person.pk, []).append(
                    (cin_plan.started_on, cin_plan.ended_on, cin_plan.pk)
                )
    for pk, looked in scope.looked_after.children.items():
        cla[pk] = [(c.history.start, c.history.end, c.period.pk) for c in looked.cares]
    return cp, cla, cin


def visit_rows(scope: Scope) -> tuple[Rows, Rows, Rows]:
    """The CP, CLA and CIN visits."""
    cp, cla, cin = _spans(scope)
    records = [
        r
        for r, p in scope.people.items()
        if p.pk in cp.keys() | cla.keys() | cin.keys()
    ]
    notes = CaseNote.objects.filter(
        person_id__in=records,
        statutory_visit=True,
        occurred_at__date__range=(scope.first, scope.last),
    ).order_by("occurred_at", "pk")
    found: tuple[Rows, Rows, Rows] = ([], [], [])
    for note in notes:
        who = scope.survivor(note.person_id).pk
        day = timezone.localdate(note.occurred_at)
        for table, (spans, prefix) in enumerate(
            ((cp, "cppv"), (cla, "clav"), (cin, "cinv"))
        ):
            key = _on(spans.get(who, []), day)
            if key is not None:
                found[table].append(_visit(scope, note, prefix, key))
                break
    return found


def _visit(scope: Scope, note: CaseNote, prefix: str, key: Any) -> dict[str, Any]:
    kind = {"cppv": "cp", "clav": "cla", "cinv": "cin"}[prefix]
    row = {
        **scope.who(note.person_id, f"{prefix}_person_id"),
        f"{prefix}_{kind}_visit_id": note.pk,
        f"{prefix}_{kind}_visit_date": note.occurred_at,
        f"{prefix}_{kind}_visit_seen": flag(note.child_seen),
        f"{prefix}_{kind}_visit_seen_alone": flag(note.seen_alone),
    }
    if prefix == "cppv":
        row["cppv_cp_plan_id"] = key
    if prefix == "clav":
        row["clav_cla_id"] = key
    if prefix != "clav":
        bedroom: dict[str, str] = {BedroomSeen.YES: "Y", BedroomSeen.NO: "N"}
        row[f"{prefix}_{kind}_visit_bedroom"] = bedroom.get(note.bedroom_seen, "")
    return row
