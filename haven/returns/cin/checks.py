"""Haven's own checks of a built CIN census: our schema (cin_2026.xsd: the
element order, cardinality and code lists) and the rules in rules.py and
plan_rules.py, each fault as a registry.Fault with the child's Haven ID and
a link to the record where it is put right."""

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from django.urls import reverse
from lxml import etree

from haven.returns.cin import plan_rules, rules
from haven.returns.cin.build import CinReturn, Episode, Subject
from haven.returns.cin.reading import ChildRead, read_child
from haven.returns.cin.rules import Found
from haven.returns.cin.scope import Period
from haven.returns.registry import Fault

SCHEMA = Path(__file__).with_name("cin_2026.xsd")
LA_CODE = re.compile(r"[0-9]{3}")
CHILD = re.compile(r"^/Message/Children/Child(?:\[(\d+)\])?")


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def schema_faults(root: Any, subjects: list[Subject]) -> list[Fault]:
    """Where the XML breaks our schema: a fault in the exporter, or a code
    in a record that is not in the DfE's list."""
    check = schema()
    check.validate(root.getroottree())
    seen, found = set(), []
    for error in check.error_log:
        if (error.line, error.path) in seen:
            continue  # one fault reported twice (a facet, then the type)
        seen.add((error.line, error.path))
        match = CHILD.match(error.path or "")
        subject = subjects[int(match.group(1) or 1) - 1] if match else None
        found.append(
            Fault(
                words=f"The return breaks the census's structure: {error.message}",
                person_id=subject.person_id if subject else None,
                link=_person_link(subject.person_id) if subject else "",
            )
        )
    return found


def _person_link(person_id: int) -> str:
    return reverse("people:detail", args=[person_id])


LINKS = {
    "assessment": ("assessments:detail", "assessments"),
    "cin_plan": ("cin:plan", "cin_plans"),
    "enquiry": ("protection:enquiry", "enquiries"),
    "cp_plan": ("protection:plan", "cp_plans"),
}


def link(subject: Subject, found: Found) -> str:
    """The page where the fault is put right: the record named, else the
    child's children in need episodes, else the child's details."""
    if found.episode is None:
        return _person_link(subject.person_id)
    episode: Episode = subject.episodes[found.episode]
    if found.kind in LINKS:
        route, attr = LINKS[found.kind]
        return reverse(route, args=[getattr(episode, attr)[found.index]])
    return reverse("cin:person", args=[subject.person_id])


def child_found(child: ChildRead, period: Period) -> Iterator[Found]:
    yield from rules.identity(child, period)
    yield from rules.episodes_apart(child, period)
    yield from plan_rules.cp_plans_apart(child)
    for i, episode in enumerate(child.episodes):
        yield from rules.closure(episode, i)
        yield from rules.no_further_action(episode, i)
        yield from rules.within_episode(episode, i)
        yield from rules.assessments(episode, i, period)
        yield from rules.enquiries(episode, i)
        yield from plan_rules.cin_plans(episode, i)
        yield from plan_rules.cp_plans(episode, i)


def rule_faults(root: Any, subjects: list[Subject], period: Period) -> list[Fault]:
    faults: list[Fault] = []
    ids: dict[str, int] = {}
    for element, subject in zip(root.iterfind("Children/Child"), subjects, strict=True):
        child = read_child(element)
        if child.la_child_id in ids:
            faults.append(
                Fault(
                    "The child's LA child ID is another child's too (Haven ID "
                    f"{ids[child.la_child_id]}): correct one local person ID",
                    subject.person_id,
                    "8510",
                    link=_person_link(subject.person_id),
                )
            )
        ids.setdefault(child.la_child_id, subject.person_id)
        for found in child_found(child, period):
            faults.append(
                Fault(
                    found.words,
                    subject.person_id,
                    found.rule,
                    query=found.query,
                    link=link(subject, found),
                )
            )
    return faults


def header_faults(root: Any) -> list[Fault]:
    if LA_CODE.fullmatch(root.findtext("Header/Source/LEA") or ""):
        return []
    return [
        Fault(
            "The authority's DfE local authority number is not set (the "
            "HAVEN_LA_CODE setting): the census carries it in its header"
        )
    ]


def check(built: CinReturn) -> list[Fault]:
    root = etree.fromstring(built.xml)
    schema = [f for f in schema_faults(root, built.subjects) if "'LEA'" not in f.words]
    return (
        header_faults(root) + schema + rule_faults(root, built.subjects, built.period)
    )
