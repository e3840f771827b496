"""Runs every SEN2 check on a return and groups the faults by child, each
child with the request page where they are put right."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from haven.people.identifiers import upn_with_check_letter
from haven.send.sen2 import checks
from haven.send.sen2.build import Sen2Return
from haven.send.sen2.checks import Problem

REQUEST_RULES: list[Callable[[Any], list[str]]] = [
    checks.dates_in_order,
    checks.cease_reason,
    checks.active_plan,
    checks.one_setting,
    checks.at_most_two,
]


def identifiers(person: Any) -> list[str]:
    upn = person.findtext("UPN")
    problems = []
    if not (
        upn or person.findtext("UniqueLearnerNumber") or person.findtext("UPNunknown")
    ):
        problems.append(
            "The child has no UPN, no unique learner number and no reason for "
            "having no UPN (1.7): record one"
        )
    elif upn and len(upn) == 13 and upn[1:].isalnum():
        try:
            right = upn_with_check_letter(upn[1:]) == upn
        except ValueError:
            right = True  # a letter outside the alphabet: the schema names it
        if not right:
            problems.append("The child's UPN has the wrong check letter (1.7a)")
    return problems


def duplicates(people: list[Any]) -> dict[int, str]:
    """Children sent twice: the same UPN, or the same name and date of birth
    (two records of one child in Haven: merge them)."""
    seen: dict[tuple[str, ...], int] = {}
    found = {}
    for index, person in enumerate(people):
        name = tuple(
            (person.findtext(t) or "").casefold()
            for t in ("Surname", "Forename", "PersonBirthDate")
        )
        keys = [("name", *name)]
        if upn := person.findtext("UPN"):
            keys.append(("upn", upn))
        for key in keys:
            if key in seen:
                found[index] = (
                    "The child is in the return twice (the same "
                    f"{'UPN' if key[0] == 'upn' else 'name and date of birth'} as "
                    "another child's record): merge the two records"
                )
            seen.setdefault(key, index)
    return found


def rule_problems(root: Any) -> list[Problem]:
    census = dt.date.fromisoformat(
        root.findtext("Header/CollectionDetails/ReferenceDate")
    )
    people = root.findall("Persons/Person")
    found = []
    twice = duplicates(people)
    for index, person in enumerate(people):
        words = identifiers(person) + ([twice[index]] if index in twice else [])
        found += [Problem(index, None, w) for w in words]
        for at, request in enumerate(person.findall("Requests")):
            words = [w for rule in REQUEST_RULES for w in rule(request)]
            words += checks.after_census(request, census) + checks.ages(person, request)
            found += [Problem(index, at, w) for w in words]
    return found


@dataclass
class ChildFaults:
    person_id: int | None  # None: the return as a whole
    request_id: int | None  # the request page to put it right
    words: list[str] = field(default_factory=list)


def check(sen2: Sen2Return) -> list[ChildFaults]:
    """Every fault in the return, grouped by child in the return's order."""
    root = etree.fromstring(sen2.xml)
    problems = checks.schema_problems(root) + rule_problems(root)
    grouped: dict[int | None, ChildFaults] = {}
    for problem in problems:
        subject = (
            sen2.subjects[problem.person_index]
            if problem.person_index is not None
            else None
        )
        key = problem.person_index
        if key not in grouped:
            requests = subject.request_ids if subject else []
            at = problem.request_index if problem.request_index is not None else 0
            grouped[key] = ChildFaults(
                subject.person_id if subject else None,
                requests[at] if at < len(requests) else None,
            )
        if problem.words not in grouped[key].words:
            grouped[key].words.append(problem.words)
    # The return's own faults first, then each child in the return's order.
    return sorted(grouped.values(), key=lambda g: g.person_id is not None)
