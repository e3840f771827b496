"""The CIN census rules on plans (returns.md §1.5): child in need plans
(4001, 4004, 4011, 4014), child protection plans (2883, 2885, 8840, 8841,
8925, 8935, 8940) and the conferences that start them."""

import datetime as dt
from collections.abc import Iterator

from haven.returns.cin.reading import ChildRead, EpisodeRead
from haven.returns.cin.rules import Found, on, overlap


def cin_plans(e: EpisodeRead, i: int) -> Iterator[Found]:
    for n, p in enumerate(e.cin_plans):
        where = (i, "cin_plan", n)
        if p.start and p.end and p.end < p.start:
            yield Found("4011", "The child in need plan ends before it starts", *where)
        if p.end is None and any(q.end is None for q in e.cin_plans[:n]):
            yield Found(
                "4004", "The episode has more than one open child in need plan", *where
            )
        for q in e.cin_plans[:n]:
            if overlap(q, p):
                yield Found(
                    "4014",
                    f"The child in need plan from {on(p.start)} overlaps the one "
                    f"from {on(q.start)}",
                    *where,
                )
        for cp in e.cp_plans:
            if overlap(cp, p):
                yield Found(
                    "4001",
                    f"The child in need plan from {on(p.start)} runs while the "
                    f"child protection plan from {on(cp.start)} is open: end it "
                    "when the child protection plan starts",
                    *where,
                )


def _conferences(e: EpisodeRead) -> list[dt.date]:
    days = [s.end for s in e.enquiries if s.end]
    return days + ([e.icpc] if e.icpc else [])


def cp_plans(e: EpisodeRead, i: int) -> Iterator[Found]:
    """Each plan starts on the day of an initial conference in its episode
    (2885), and there are no more plans than conferences (2883)."""
    conferences = _conferences(e)
    for n, p in enumerate(e.cp_plans):
        where = (i, "cp_plan", n)
        if p.start and p.start not in conferences:
            yield Found(
                "2885",
                f"The child protection plan starting {on(p.start)} does not start "
                "on the day of an initial conference: record the conference, or "
                "correct the plan's start",
                *where,
            )
        if p.start and p.end and p.end < p.start:
            yield Found(
                "8925", "The child protection plan ends before it starts", *where
            )
        elif p.start and p.start == p.end:
            yield Found(
                "8840", "The child protection plan ends on the day it starts", *where
            )
        for review in p.reviews:
            if p.start and review <= p.start:
                yield Found(
                    "8841",
                    f"The review on {on(review)} is not after the plan started",
                    *where,
                )
    if len(e.cp_plans) > len(conferences):
        yield Found(
            "2883",
            "The episode has more child protection plans than initial conferences",
            i,
            "cp_plan",
            len(e.cp_plans) - 1,
        )


def cp_plans_apart(child: ChildRead) -> Iterator[Found]:
    """One open plan (8935) and no overlaps (8940), across the child's
    episodes."""
    plans = [
        (i, n, p)
        for i, e in enumerate(child.episodes)
        for n, p in enumerate(e.cp_plans)
    ]
    for at, (i, n, p) in enumerate(plans):
        for _, _, q in plans[:at]:
            if p.end is None and q.end is None:
                yield Found(
                    "8935",
                    "The child has more than one open child protection plan",
                    i,
                    "cp_plan",
                    n,
                )
            elif overlap(q, p):
                yield Found(
                    "8940",
                    f"The child protection plan from {on(p.start)} overlaps the "
                    f"one from {on(q.start)}",
                    i,
                    "cp_plan",
                    n,
                )
