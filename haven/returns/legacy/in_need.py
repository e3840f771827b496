"""Writing a child's CIN census history: each referral (CINdetails) as a
children in need episode, with its assessments, CIN plans, section 47
enquiries, initial conferences and child protection plans (and their review
conferences). The same referral in two years' censuses is one episode, known
by its referral date; the later census completes it (its closure, an
assessment authorised, a plan ended).

What the census does not hold is left unsaid, never invented: a strategy
discussion is recorded for each enquiry (Haven's enquiry needs one) saying it
was not recorded; a conference's attendance and minutes are empty."""

import datetime as dt
from dataclasses import replace
from typing import Any

from haven.assessments.codes import Status
from haven.assessments.models import Assessment
from haven.cin.models import CinEpisode, Plan
from haven.core import clock
from haven.core.codelists import collection_year
from haven.protection.codes import ConferenceDecision, ConferenceKind, StrategyDecision
from haven.protection.models import (
    ChildProtectionPlan,
    Conference,
    Section47Enquiry,
    StrategyDiscussion,
)
from haven.returns.legacy import rows
from haven.returns.legacy.writing import Refused, Writer, check_code

NOT_RECORDED = "Not recorded: imported from the CIN census"


def merged(found: list[rows.Referral]) -> list[rows.Referral]:
    """One referral a referral date: the later census's, holding what either
    census held (each part known by its start)."""
    best: dict[dt.date, rows.Referral] = {}
    for referral in sorted(found, key=lambda r: (r.origin.year, r.origin.file)):
        before = best.get(referral.referral_date)
        if before is not None:
            referral = replace(
                referral,
                assessments=_union(before.assessments, referral.assessments),
                plans=_union(before.plans, referral.plans),
                section_47s=_union(before.section_47s, referral.section_47s),
                cp_plans=_union(before.cp_plans, referral.cp_plans),
            )
        best[referral.referral_date] = referral
    return [best[day] for day in sorted(best)]


def _union(before: tuple[Any, ...], later: tuple[Any, ...]) -> tuple[Any, ...]:
    def start(item: Any) -> dt.date:
        return item[0] if isinstance(item, tuple) else item.start

    held = {start(i): i for i in before}
    for item in later:
        earlier = held.get(start(item))
        if isinstance(item, rows.CpPlan) and isinstance(earlier, rows.CpPlan):
            # Each census holds the plan's reviews in its own year.
            item = replace(
                item, reviews=tuple(sorted({*earlier.reviews, *item.reviews}))
            )
        held[start(item)] = item
    return tuple(held[day] for day in sorted(held))


def check(r: rows.Referral) -> None:
    year = r.origin.year or collection_year(r.referral_date)
    o = r.origin
    check_code(
        "cin_referral_sources", r.source, year=year, column="ReferralSource", origin=o
    )
    check_code(
        "cin_primary_need",
        r.need,
        year=year,
        column="PrimaryNeedCode",
        origin=o,
        blank=r.nfa,
    )
    check_code(
        "cin_closure_reasons",
        r.closure_reason,
        year=year,
        column="ReasonForClosure",
        origin=o,
        blank=True,
    )
    if bool(r.closed) != bool(r.closure_reason):
        raise Refused(o, "CINclosureDate and ReasonForClosure must come together")
    if r.closed and r.closed < r.referral_date:
        raise Refused(
            o,
            f"the referral of {r.referral_date:%d/%m/%Y} closes before it starts "
            f"({r.closed:%d/%m/%Y})",
        )
    for a in r.assessments:
        for code in a.factors:
            check_code(
                "cin_assessment_factors",
                code,
                year=year,
                column="AssessmentFactors",
                origin=o,
            )
    for p in r.cp_plans:
        for code, column in (
            (p.initial, "InitialCategoryOfAbuse"),
            (p.latest, "LatestCategoryOfAbuse"),
        ):
            check_code(
                "cin_category_of_abuse", code, year=year, column=column, origin=o
            )
        if p.end and p.end <= p.start:
            raise Refused(
                o, f"the CP plan from {p.start:%d/%m/%Y} ends before it starts"
            )
    for start, end in r.plans:
        if end and end < start:
            raise Refused(
                o, f"the CIN plan from {start:%d/%m/%Y} ends before it starts"
            )


def write_referral(writer: Writer, r: rows.Referral) -> None:
    check(r)
    o = r.origin
    episode = writer.ensure(
        CinEpisode,
        "CIN episode",
        o,
        {"person": writer.person, "referral_date": r.referral_date},
        {
            "source": r.source,
            "primary_need": r.need,
            "closed_on": r.closed,
            "closure_reason": r.closure_reason,
            "referral_nfa": r.nfa,
        },
        r.referral_date,
        pending={"referral_nfa": False},
    )
    for a in r.assessments:
        _assessment(writer, episode, a, o)
    for start, end in r.plans:
        writer.ensure(
            Plan,
            "CIN plan",
            o,
            {"episode": episode, "started_on": start},
            {"ended_on": end},
            start,
            extra={"created_by": writer.by},
        )
    plan_days = {p.start: p for p in r.cp_plans}
    for s in r.section_47s:
        _section_47(writer, episode, s, plan_days, o)
    if r.icpc:
        _initial(writer, episode, r.icpc, None, plan_days, o)
    for p in r.cp_plans:
        _cp_plan(writer, episode, p, o)


def _assessment(
    writer: Writer, episode: CinEpisode, a: rows.Assessment, o: rows.Origin
) -> None:
    done = a.authorised is not None
    writer.ensure(
        Assessment,
        "assessment",
        o,
        {"episode": episode, "started_on": a.start},
        {
            "person": writer.person,
            "status": Status.AUTHORISED if done else Status.IN_PROGRESS,
            "factors": list(a.factors),
            "authorised_at": clock.start_of(a.authorised) if a.authorised else None,
            "authorised_by": writer.by if done else None,
        },
        a.start,
        pending={"status": Status.IN_PROGRESS},
    )


def _section_47(
    writer: Writer,
    episode: CinEpisode,
    s: rows.Section47,
    plan_days: dict[dt.date, rows.CpPlan],
    o: rows.Origin,
) -> None:
    if s.icpc and s.icpc < s.start:
        raise Refused(
            o, f"the S47 from {s.start:%d/%m/%Y} has its conference before it starts"
        )
    discussion = writer.ensure(
        StrategyDiscussion,
        "strategy discussion",
        o,
        {
            "episode": episode,
            "held_on": s.start,
            "decision": StrategyDecision.SECTION_47,
        },
        {},
        s.start,
        extra={
            "information_shared": NOT_RECORDED,
            "recorded_by": writer.by,
            "recorded_at": clock.start_of(s.start),
        },
    )
    enquiry = writer.ensure(
        Section47Enquiry,
        "section 47 enquiry",
        o,
        {"episode": episode, "started_on": s.start},
        {
            "icpc_target": s.target,
            "icpc_not_required": s.not_required,
            "ended_on": s.icpc,
        },
        s.start,
        extra={"strategy_discussion": discussion, "started_by": writer.by},
        pending={"icpc_not_required": False},
    )
    if s.icpc:
        _initial(writer, episode, s.icpc, enquiry, plan_days, o)


def _initial(
    writer: Writer,
    episode: CinEpisode,
    day: dt.date,
    enquiry: Section47Enquiry | None,
    plan_days: dict[dt.date, rows.CpPlan],
    o: rows.Origin,
) -> Conference:
    plan = plan_days.get(day)
    return writer.ensure(
        Conference,
        "initial conference",
        o,
        {"episode": episode, "kind": ConferenceKind.INITIAL, "held_on": day},
        {"section_47": enquiry},
        day,
        extra={
            "chair": writer.by,
            "decision": ConferenceDecision.PLAN if plan else ConferenceDecision.NO_PLAN,
            "category": plan.initial if plan else "",
            "minutes": NOT_RECORDED,
            "recorded_by": writer.by,
            "recorded_at": clock.start_of(day),
        },
    )


def _cp_plan(
    writer: Writer, episode: CinEpisode, p: rows.CpPlan, o: rows.Origin
) -> None:
    starting = Conference.objects.filter(
        episode=episode, kind=ConferenceKind.INITIAL, held_on=p.start
    ).first() or _initial(writer, episode, p.start, None, {p.start: p}, o)
    plan = writer.ensure(
        ChildProtectionPlan,
        "child protection plan",
        o,
        {"person": writer.person, "started_on": p.start},
        {
            "episode": episode,
            "ended_on": p.end,
            "initial_category": p.initial,
            "latest_category": p.latest,
            "previous_plans": p.previous,
        },
        p.start,
        extra={"starting_conference": starting},
        pending={"previous_plans": 0},
        changeable=("latest_category",),
    )
    for day in p.reviews:
        if day <= p.start:
            raise Refused(
                o, f"the CP plan review on {day:%d/%m/%Y} is not after the plan starts"
            )
        writer.ensure(
            Conference,
            "review conference",
            o,
            {
                "episode": episode,
                "kind": ConferenceKind.REVIEW,
                "plan": plan,
                "held_on": day,
            },
            {},
            day,
            extra={
                "chair": writer.by,
                "decision": ConferenceDecision.END_PLAN
                if day == p.end
                else ConferenceDecision.CONTINUE,
                "category": p.latest,
                "minutes": NOT_RECORDED,
                "recorded_by": writer.by,
                "recorded_at": clock.start_of(day),
            },
        )
