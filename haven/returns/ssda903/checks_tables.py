"""Haven's checks of the SSDA903 rules on the tables other than Episodes
(returns.md 2.3, 2.5, 2.6): the Header's identity fields, the child's
participation in reviews, the OC2 cohort, missing episodes and the social
worker episodes."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from haven.care.history import age
from haven.care.inputs import words
from haven.core.caseroles import ChangeReason
from haven.people.codes import Ethnicity, Sex
from haven.returns.registry import Fault
from haven.returns.ssda903 import links, tables
from haven.returns.ssda903.cohorts import looked_after_at_end
from haven.returns.ssda903.loading import Year

Rows = list[dict[str, Any]]
UPN_UNKNOWN_903 = {"UN1", "UN2", "UN3", "UN4", "UN5"}  # rule 168
YOUNGEST_MOTHER = 11  # rule 620


def faults(loaded: Year, found: dict[str, Rows], left_out: list[int]) -> list[Fault]:
    return [
        *_header(found[tables.HEADER]),
        *_reviews(found[tables.REVIEWS]),
        *_oc2(left_out),
        *_missing(loaded, found[tables.MISSING]),
        *_social_workers(loaded, found.get(tables.SOCIAL_WORKERS)),
    ]


def _fault(pk: int, words_: str, rule: str, link: str = "") -> Fault:
    return Fault(words_, person_id=pk, rule=rule, link=link or links.person(pk))


def _header(rows: Rows) -> Iterator[Fault]:
    for row in rows:
        pk = row["_person"]
        if row["SEX"] not in Sex.values:
            yield _fault(pk, "The child's sex must be recorded as M, F or U", "101")
        if row["DOB"] is None:
            yield _fault(pk, "The child's date of birth is not recorded", "102")
        if row["ETHNIC"] not in Ethnicity.values:
            yield _fault(pk, "The child's ethnicity is not a DfE code", "103")
        upn = row["UPN"] or ""
        if len(upn) != 13 and upn not in UPN_UNKNOWN_903:
            yield _fault(
                pk,
                "Record the child's UPN, or why there is none (UN1 to UN5)",
                "168",
            )
        yield from _mother(pk, row)


def _mother(pk: int, row: dict[str, Any]) -> Iterator[Fault]:
    if row["MOTHER"] != 1:
        return
    first: dt.date | None = row["MC_DOB"]
    if first is None:
        yield _fault(
            pk,
            "The young woman is recorded as a mother, but her child's date of "
            "birth is not recorded",
            "612",
        )
    elif row["DOB"] and age(row["DOB"], first) < YOUNGEST_MOTHER:
        yield _fault(
            pk,
            f"Her first child's date of birth ({words(first)}) would make her "
            f"younger than {YOUNGEST_MOTHER} when she became a mother",
            "620",
        )


def _reviews(rows: Rows) -> Iterator[Fault]:
    for row in rows:
        born, held = row["DOB"], row["REVIEW"]
        if born is None:
            continue
        under_four = age(born, held) < 4
        if under_four != (row["REVIEW_CODE"] == "PN0"):
            yield _fault(
                row["_person"],
                f"The review held on {words(held)} records participation "
                f"{row['REVIEW_CODE']}: PN0 is for a child under 4 at the review, "
                "and only for them",
                "440" if not under_four else "441",
            )


def _oc2(left_out: list[int]) -> Iterator[Fault]:
    for pk in left_out:
        yield _fault(
            pk,
            "The child was looked after for the whole year, but the health "
            "record does not count them as continuously looked after, so the "
            "OC2 row is missing",
            "191",
        )


def _missing(loaded: Year, rows: Rows) -> Iterator[Fault]:
    by_child: dict[int, Rows] = defaultdict(list)
    for row in rows:
        by_child[row["_person"]].append(row)
    for pk, mine in by_child.items():
        ended = {care.period.pk: care.history.end for care in loaded.children[pk].cares}
        for before, after in zip(mine, mine[1:], strict=False):
            if before["MIS_END"] is None or after["MIS_START"] < before["MIS_END"]:
                yield _fault(
                    pk,
                    f"The time missing or away from {words(before['MIS_START'])} "
                    f"overlaps the next, from {words(after['MIS_START'])}",
                    "574",
                )
        for row in mine:
            end = ended.get(row["_period"])
            if row["MIS_END"] is None and end is not None and end <= loaded.last:
                yield _fault(
                    pk,
                    f"The child's time missing or away from "
                    f"{words(row['MIS_START'])} has no end, but their care ended "
                    f"on {words(end)}: record when they came back",
                    "577",
                )


def _social_workers(loaded: Year, rows: Rows | None) -> Iterator[Fault]:
    if rows is None:
        return
    by_child: dict[int, Rows] = defaultdict(list)
    for row in rows:
        by_child[row["_person"]].append(row)
    for pk, child in loaded.children.items():
        if looked_after_at_end(loaded, child) and not by_child.get(pk):
            yield _fault(
                pk,
                "The child was looked after on 31 March but had no social worker "
                "allocated: allocate one",
                "SW01",
            )
    for pk, mine in by_child.items():
        yield from _worker_rows(pk, mine)


def _worker_rows(pk: int, mine: Rows) -> Iterator[Fault]:
    starts: set[dt.date] = set()
    for row in mine:
        worker = row["_worker"]
        if not str(row["SW_ID"]).startswith(("SW", "XX")):
            who = worker.get_full_name()
            yield _fault(
                pk,
                f"The child's social worker from {words(row['SW_DECOM'])} ({who}) "
                "has no Social Work England registration number recorded",
                "SW02STG1",
            )
        if row["SW_REASON"] not in ChangeReason.values:
            yield _fault(
                pk,
                f"Say why the social worker changed on {words(row['SW_DECOM'])}",
                "SW13STG1",
            )
        if row["SW_DECOM"] in starts:
            yield _fault(
                pk,
                f"Two social workers' allocations start on {words(row['SW_DECOM'])}",
                "SW19STG2",
            )
        starts.add(row["SW_DECOM"])
    if mine and mine[-1]["SW_DEC"] is not None:
        yield _fault(
            pk,
            "The child's last social worker allocation ended before 31 March",
            "SW17STG2",
        )
