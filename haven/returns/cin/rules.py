"""Haven's own checks of the CIN census rules (returns.md §1.5) that the
records can get wrong, run on the built return before anyone submits it. Each
finds the DfE rule by number, in words for the social worker who puts the
record right, and says which record (`where`): the child, an episode, or a
thing in an episode (its kind and its place in that episode's list).

Rules the building itself keeps (a date after the period's end is left out;
an unborn child's sex is U; factors only on a completed assessment; one
level for an initial conference) are checked too: they cost nothing and
would name a fault in the exporter."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from haven.returns.cin.reading import ChildRead, EpisodeRead, Span
from haven.returns.cin.scope import Period


@dataclass(frozen=True)
class Found:
    rule: str
    words: str
    episode: int | None = None  # which CINdetails; None: the child
    kind: str = ""  # "assessment", "cin_plan", "enquiry", "cp_plan"; "": the episode
    index: int = 0  # its place in the episode's list of that kind
    query: bool = False


def on(day: dt.date | None) -> str:
    return f"{day:%-d %B %Y}" if day else "(no date)"


def overlap(a: Span, b: Span, *, inclusive: bool = False) -> bool:
    """Two spans overlap (an open one runs on; ending on the day the other
    starts is not an overlap unless both days count, as for enquiries)."""
    if a.start is None or b.start is None:
        return False
    a_end, b_end = a.end or dt.date.max, b.end or dt.date.max
    if inclusive:
        return a.start <= b_end and b.start <= a_end
    return a.start < b_end and b.start < a_end


def identity(child: ChildRead, period: Period) -> Iterator[Found]:
    if not child.la_child_id:
        yield Found("8500", "The child has no LA child ID in the return")
    elif len(child.la_child_id) > 20 or not child.la_child_id.isalnum():
        yield Found(
            "1570",
            "The child's local person ID is not 20 letters or digits at most: "
            "correct it on the child's details",
        )
    if bool(child.born) == bool(child.expected):
        yield Found(
            "8525Q",
            "Record either the child's date of birth or, for an unborn child, "
            "the expected date of birth",
            query=True,
        )
    codes = child.disabilities
    if "NONE" in codes and len(codes) > 1:
        yield Found(
            "8790", "The child's details give 'No disability' with a disability"
        )
    if len(set(codes)) != len(codes):
        yield Found("8794", "The child's details give a disability twice")


def episodes_apart(child: ChildRead, period: Period) -> Iterator[Found]:
    """Rules 8815 and 8820: one open episode (bar a referral with no further
    action) and none overlapping."""
    spans = [Span(e.referral, e.closed) for e in child.episodes]
    opened = [i for i, e in enumerate(child.episodes) if e.closed is None and not e.nfa]
    for i in opened[1:]:
        yield Found(
            "8815",
            "The child has more than one open child in need episode: close the "
            "earlier one",
            episode=i,
        )
    for i, a in enumerate(spans):
        for j in range(i + 1, len(spans)):
            if overlap(a, spans[j]) and not (i in opened and j in opened):
                yield Found(
                    "8820",
                    f"The episode from {on(child.episodes[j].referral)} overlaps "
                    f"the one from {on(a.start)}: correct the closure date",
                    episode=j,
                )


def closure(e: EpisodeRead, i: int) -> Iterator[Found]:
    if e.closed and not e.reason:
        yield Found(
            "8805",
            "The episode has a closure date but no reason: record why it closed",
            episode=i,
        )
    if e.reason and not e.closed:
        yield Found(
            "8810", "The episode has a closure reason but no closure date", episode=i
        )
    if e.closed and e.referral and e.closed < e.referral:
        yield Found("8620", "The episode closes before its referral date", episode=i)
    if not e.nfa and not e.need:
        yield Found("8610", "Record the child's primary need on the episode", episode=i)
    if e.reason in ("RC8", "RC9"):
        if e.enquiries or e.cp_plans or e.icpc:
            yield Found(
                "2990",
                "The episode closed as 'after assessment, no further action' "
                "(RC8 or RC9) but had a section 47 enquiry, conference or child "
                "protection plan: choose the closure reason that fits",
                episode=i,
            )
        if not e.assessments:
            yield Found(
                "8825Q",
                "The episode closed 'after assessment' (RC8 or RC9) with no "
                "assessment in the year",
                episode=i,
                query=True,
            )


def no_further_action(e: EpisodeRead, i: int) -> Iterator[Found]:
    if not e.nfa:
        return
    if e.assessments or e.enquiries or e.icpc:
        yield Found(
            "8831",
            "The referral is recorded as no further action but has an "
            "assessment or section 47 enquiry",
            episode=i,
        )
    if e.cp_plans:
        yield Found(
            "8832",
            "The referral is recorded as no further action but has a child "
            "protection plan",
            episode=i,
        )
    if e.cin_plans:
        yield Found(
            "4000",
            "The referral is recorded as no further action but has a child in "
            "need plan",
            episode=i,
        )


KINDS = (
    ("assessment", "assessments", "1103", "assessment"),
    ("cin_plan", "cin_plans", "4015", "child in need plan"),
    ("enquiry", "enquiries", "2889", "section 47 enquiry"),
    ("cp_plan", "cp_plans", "1105", "child protection plan"),
)


def within_episode(e: EpisodeRead, i: int) -> Iterator[Found]:
    """Nothing starts before the referral (1103, 4015, 2889, 1105, 1104) or
    after the closure (8565)."""
    for kind, attr, rule, words in KINDS:
        for n, span in enumerate(getattr(e, attr)):
            if span.start and e.referral and span.start < e.referral:
                yield Found(
                    rule,
                    f"The {words} starting {on(span.start)} starts before the "
                    f"referral ({on(e.referral)})",
                    i,
                    kind,
                    n,
                )
            if span.start and e.closed and span.start > e.closed:
                yield Found(
                    "8565",
                    f"The {words} starting {on(span.start)} starts after the "
                    f"episode closed ({on(e.closed)})",
                    i,
                    kind,
                    n,
                )
    if e.icpc and e.referral and e.icpc < e.referral:
        yield Found("1104", "The initial conference is before the referral", i)


def assessments(e: EpisodeRead, i: int, period: Period) -> Iterator[Found]:
    open_ones = 0
    for n, a in enumerate(e.assessments):
        where = (i, "assessment", n)
        if a.start and a.end and a.end < a.start:
            yield Found(
                "8608", "The assessment is authorised before it started", *where
            )
        if a.codes and a.end is None:
            yield Found(
                "8614",
                "The assessment has factors but was not completed by the end of "
                "the year",
                *where,
            )
        if "21" in a.codes and len(a.codes) > 1:
            yield Found(
                "8869",
                "'No factors identified' (21) is chosen with other factors",
                *where,
            )
        if len(set(a.codes)) != len(a.codes):
            yield Found("8898", "The assessment gives a factor twice", *where)
        if a.end is None:
            open_ones += 1
            if open_ones > 1:
                yield Found(
                    "8896", "The episode has more than one open assessment", *where
                )
            if a.start and a.start < period.start:
                yield Found(
                    "8736",
                    f"The assessment started {on(a.start)}, before the year, and "
                    "is still not authorised: authorise it or correct its start",
                    *where,
                )
        if e.closed and a.end is None:
            yield Found(
                "8867",
                "The episode is closed but its assessment was not completed",
                *where,
            )


def enquiries(e: EpisodeRead, i: int) -> Iterator[Found]:
    for n, s in enumerate(e.enquiries):
        where = (i, "enquiry", n)
        if s.start and s.end and s.end < s.start:
            yield Found(
                "8615", "The initial conference is before the enquiry started", *where
            )
        if s.end and s.end.weekday() >= 5:
            yield Found(
                "8875", f"The initial conference on {on(s.end)} is at a weekend", *where
            )
        if e.icpc and s.end:
            yield Found(
                "2884",
                "The initial conference is given both on the episode and on its "
                "enquiry",
                *where,
            )
        for m in range(n):
            other = e.enquiries[m]
            if overlap(other, s, inclusive=True):
                yield Found(
                    "8890",
                    f"The section 47 enquiry from {on(s.start)} overlaps the one "
                    f"from {on(other.start)}",
                    *where,
                )
        if e.closed and s.end is None and not s.not_required:
            yield Found(
                "8868",
                "The episode is closed but its section 47 enquiry has no outcome",
                *where,
            )
