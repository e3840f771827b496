"""The built CIN census read back into plain values, so the checks read the
return that is sent (not the records), one child at a time."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


def _day(element: Any, tag: str) -> dt.date | None:
    return _parse(element.findtext(tag))


def _parse(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None  # the schema names it


@dataclass
class Span:
    """A dated thing in an episode: an assessment, a plan, an enquiry."""

    start: dt.date | None
    end: dt.date | None
    codes: list[str] = field(default_factory=list)  # factors, categories
    reviews: list[dt.date] = field(default_factory=list)
    target: dt.date | None = None  # an enquiry's InitialCPCtarget
    not_required: bool = False  # an enquiry's ICPCnotRequired


@dataclass
class EpisodeRead:
    referral: dt.date | None
    need: str
    closed: dt.date | None
    reason: str
    icpc: dt.date | None  # DateOfInitialCPC at CINdetails level
    nfa: bool
    assessments: list[Span]
    cin_plans: list[Span]
    enquiries: list[Span]
    cp_plans: list[Span]


@dataclass
class ChildRead:
    la_child_id: str
    born: dt.date | None
    expected: dt.date | None
    sex: str
    disabilities: list[str]
    episodes: list[EpisodeRead]


def _spans(parent: Any, tag: str, start: str, end: str) -> list[Span]:
    return [Span(_day(e, start), _day(e, end)) for e in parent.findall(tag)]


def _episode(element: Any) -> EpisodeRead:
    assessments = []
    for row in element.findall("Assessments"):
        span = Span(
            _day(row, "AssessmentActualStartDate"),
            _day(row, "AssessmentAuthorisationDate"),
            [f.text or "" for f in row.iterfind(".//AssessmentFactors")],
        )
        assessments.append(span)
    enquiries = []
    for row in element.findall("Section47"):
        span = Span(_day(row, "S47ActualStartDate"), _day(row, "DateOfInitialCPC"))
        span.target = _day(row, "InitialCPCtarget")
        span.not_required = row.findtext("ICPCnotRequired") in ("1", "true")
        enquiries.append(span)
    cp_plans = []
    for row in element.findall("ChildProtectionPlans"):
        span = Span(
            _day(row, "CPPstartDate"),
            _day(row, "CPPendDate"),
            [row.findtext("InitialCategoryOfAbuse") or ""],
            [d for r in row.iterfind(".//CPPreviewDate") if (d := _parse(r.text))],
        )
        cp_plans.append(span)
    return EpisodeRead(
        referral=_day(element, "CINreferralDate"),
        need=element.findtext("PrimaryNeedCode") or "",
        closed=_day(element, "CINclosureDate"),
        reason=element.findtext("ReasonForClosure") or "",
        icpc=_day(element, "DateOfInitialCPC"),
        nfa=element.findtext("ReferralNFA") in ("1", "true"),
        assessments=assessments,
        cin_plans=_spans(element, "CINPlanDates", "CINPlanStartDate", "CINPlanEndDate"),
        enquiries=enquiries,
        cp_plans=cp_plans,
    )


def read_child(element: Any) -> ChildRead:
    ids = element.find("ChildIdentifiers")
    found = ChildRead(
        la_child_id=ids.findtext("LAchildID") or "",
        born=_day(ids, "PersonBirthDate"),
        expected=_day(ids, "ExpectedPersonBirthDate"),
        sex=ids.findtext("Sex") or "",
        disabilities=[d.text or "" for d in element.iterfind(".//Disability")],
        episodes=[_episode(e) for e in element.findall("CINdetails")],
    )
    return found
