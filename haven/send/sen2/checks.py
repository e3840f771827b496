"""Checks on a SEN2 return before it is uploaded: our schema (sen2_2026.xsd)
and the conditional rules of sen2.md §6, which are ours, not the DfE's
numbered rules (those are not published where we could read them). Each fault
is in words, with the child and the request it comes from."""

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from haven.send.sen2.words import label, schema_error

SCHEMA = Path(__file__).with_name("sen2_2026.xsd")
OLDEST = 25  # SEN2 covers children and young people up to 25


@dataclass(frozen=True)
class Problem:
    person_index: int | None  # which Person element; None: the whole return
    request_index: int | None  # which of the child's Requests, if one
    words: str


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _date(element: Any, path: str) -> dt.date | None:
    text = element.findtext(path)
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None  # the schema names it


PERSON = re.compile(r"^/Message/Persons/Person(?:\[(\d+)\])?(/Requests(?:\[(\d+)\])?)?")


def locate(path: str) -> tuple[int | None, int | None]:
    """Which Person and which of its Requests an error's path is in (lxml
    numbers an element only when it has siblings of its name)."""
    found = PERSON.match(path or "")
    if not found:
        return None, None
    person = int(found.group(1) or 1) - 1
    request = int(found.group(3) or 1) - 1 if found.group(2) else None
    return person, request


def schema_problems(root: Any) -> list[Problem]:
    check = schema()
    check.validate(root.getroottree())
    seen, found = set(), []
    for error in check.error_log:
        key = (error.line, error.path)
        if key in seen:
            continue  # one fault reported twice (a facet, then the type)
        seen.add(key)
        person, request = locate(error.path)
        found.append(Problem(person, request, schema_error(error.message)))
    return found


def _in_order(problems: list[str], pairs: list[tuple[Any, str, Any, str]]) -> None:
    for earlier, first, later, second in pairs:
        if earlier and later and later < earlier:
            problems.append(
                f"{label(second)} is before {label(first)[0].lower()}{label(first)[1:]}"
            )


def dates_in_order(request: Any) -> list[str]:
    d = lambda path: _date(request, path)  # noqa: E731
    problems: list[str] = []
    plan = "Assessment/NamedPlan/"
    _in_order(
        problems,
        [
            (
                d("ReceivedDate"),
                "ReceivedDate",
                d("RequestOutcomeDate"),
                "RequestOutcomeDate",
            ),
            (
                d("RequestOutcomeDate"),
                "RequestOutcomeDate",
                d("Assessment/AssessmentOutcomeDate"),
                "AssessmentOutcomeDate",
            ),
            (d(plan + "StartDate"), "StartDate", d(plan + "CeaseDate"), "CeaseDate"),
            (
                d("ActivePlans/ReviewMeeting"),
                "ReviewMeeting",
                d("ActivePlans/LastReview"),
                "LastReview",
            ),
        ],
    )
    for placed in request.findall("ActivePlans/PlacementDetail"):
        _in_order(
            problems,
            [
                (
                    _date(placed, "EntryDate"),
                    "EntryDate",
                    _date(placed, "LeavingDate"),
                    "LeavingDate",
                )
            ],
        )
    return problems


def cease_reason(request: Any) -> list[str]:
    plan = request.find("Assessment/NamedPlan")
    if plan is None:
        return []
    ceased, reason = (
        plan.find("CeaseDate") is not None,
        plan.find("CeaseReason") is not None,
    )
    if ceased and not reason:
        return [
            "The plan has a date it ceased (4.5) but no reason (4.6): "
            "record why it ceased"
        ]
    if reason and not ceased:
        return ["The plan has a reason it ceased (4.6) but no date (4.5)"]
    return []


def after_census(request: Any, census: dt.date) -> list[str]:
    return [
        f"{label(element.tag)} is after the census day ({census:%-d %B %Y})"
        for element in request.iter()
        if (day := _date(element, ".")) is not None and day > census
    ]


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def ages(person: Any, request: Any) -> list[str]:
    born = _date(person, "PersonBirthDate")
    if born is None:
        return []
    problems = []
    for element in request.iter():
        day = _date(element, ".")
        if day is not None and not 0 <= _age(born, day) <= OLDEST:
            problems.append(
                f"{label(element.tag)} is when the child was not aged 0 to 25 "
                "(check the date of birth)"
            )
    return problems


def active_plan(request: Any) -> list[str]:
    """A plan that had not ceased by the census day is active on it."""
    plan = request.find("Assessment/NamedPlan")
    if plan is None or plan.find("CeaseDate") is not None:
        return []
    active = request.find("ActivePlans")
    needs = active.findall("SENneed") if active is not None else []
    placed = active.findall("PlacementDetail") if active is not None else []
    problems = []
    if not any(n.findtext("SENtypeRank") == "1" for n in needs):
        problems.append(
            "The plan is active but has no main need (5.8): "
            "record the child's main need"
        )
    if not any(
        p.findtext("PlacementRank") == "1" and p.find("LeavingDate") is None
        for p in placed
    ):
        problems.append(
            "The plan is active but has no current main placement (5.7): "
            "name the school or setting"
        )
    return problems


def one_setting(request: Any) -> list[str]:
    problems = []
    for detail in request.iter("PlanDetail", "PlacementDetail"):
        named = [
            t for t in ("URN", "UKPRN", "SENSetting") if detail.find(t) is not None
        ]
        if len(named) != 1:
            problems.append(
                f"{label(detail.tag)} must give exactly one of a URN, a UKPRN or a "
                f"setting type; it gives {len(named) or 'none'}"
            )
    return problems


def at_most_two(request: Any) -> list[str]:
    problems = []
    for path, rank, what in (
        ("Assessment/NamedPlan/PlanDetail", "PlacementRank", "named settings"),
        ("ActivePlans/SENneed", "SENtypeRank", "needs"),
    ):
        found = request.findall(path)
        ranks = [e.findtext(rank) for e in found]
        if len(found) > 2 or len(set(ranks)) != len(ranks):
            problems.append(
                f"The plan has {len(found)} {what}: SEN2 takes at most two, "
                "one ranked 1 and one ranked 2"
            )
    return problems
