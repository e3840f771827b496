"""Lists 9 to 11: care leavers, children with a plan for adoption, and
adopters. A young person's care leaver status is haven.care.leavers' rule
(rules.standing), asked of the days they were looked after, read for every
young person at once."""

import datetime as dt
from collections import defaultdict
from typing import Any

from haven.care.codes import SHORT_BREAKS
from haven.care.court.kinds import OrderKind
from haven.care.leavers.rules import FORMER_RELEVANT, RELEVANT, Span, standing
from haven.care.models import (
    AdopterApproval,
    Adopters,
    AdoptionDecision,
    BirthdayContact,
    CourtOrder,
    LeaverAccommodation,
    LegalStatus,
    PathwayReview,
    UascStatus,
)
from haven.core.caseroles import CaseRole
from haven.people.models import Person
from haven.returns.annex_a.children import GENDER, yes_no
from haven.returns.annex_a.period import Period, months_before
from haven.returns.annex_a.sheet import Sheet

LEAVERS = (RELEVANT, FORMER_RELEVANT)


def _spans(period: Period) -> dict[int, list[Span]]:
    """The days each young person of care leaving age was looked after."""
    oldest = months_before(period.as_at, 25 * 12)
    youngest = months_before(period.as_at, 16 * 12)
    spans: dict[int, list[Span]] = defaultdict(list)
    for pk, start, end, period_end in (
        LegalStatus.objects.filter(
            period__person__date_of_birth__gt=oldest,
            period__person__date_of_birth__lte=youngest,
        )
        .exclude(code__in=SHORT_BREAKS)
        .values_list("period__person_id", "started_on", "ended_on", "period__ended_on")
    ):
        spans[pk].append((start, end or period_end))
    return spans


def _latest(rows: Any, day_field: str, *values: str) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for row in rows.order_by(day_field, "pk").values_list("person_id", *values):
        found[row[0]] = row[1:]
    return found


def leavers(period: Period) -> dict[int, str]:
    """The relevant and former relevant young people on the day the lists are
    as at, each with their status."""
    spans = _spans(period)
    born = dict(Person.objects.filter(pk__in=spans).values_list("pk", "date_of_birth"))
    return {
        pk: kind
        for pk in sorted(spans)
        if (day := born.get(pk)) is not None
        and (kind := standing(day, spans[pk], period.as_at).kind) in LEAVERS
    }


LEAVER_HEADER = [
    "UASC (or former UASC)",
    "Allocated Personal Advisor",
    "Eligibility Category",
    "Latest Pathway Plan Review Date",
    "LA in Touch",
    "Latest Date of Contact",
    "Type of Accommodation",
    "Suitability of Accommodation",
    "Activity Status",
]


def care_leavers(period: Period) -> Sheet:
    sheet = Sheet(9, "Care leavers", list(LEAVER_HEADER))
    found = leavers(period)
    if not found:
        return sheet
    ids = set(found)
    reviews = _latest(
        PathwayReview.objects.filter(person_id__in=ids, held_on__lte=period.end),
        "held_on",
        "held_on",
    )
    contacts = _latest(
        BirthdayContact.objects.filter(person_id__in=ids, contacted_on__lte=period.end),
        "contacted_on",
        "contacted_on",
        "in_touch",
        "activity",
    )
    lived = _latest(
        LeaverAccommodation.objects.filter(
            person_id__in=ids, started_on__lte=period.end
        ),
        "started_on",
        "accommodation",
    )
    uasc = set(
        UascStatus.objects.filter(person_id__in=ids).values_list("person_id", flat=True)
    )
    for pk, kind in found.items():
        contact = contacts.get(pk, (None, "", ""))
        accommodation = (lived.get(pk) or ("",))[0]
        sheet.rows.append(
            (
                pk,
                [
                    yes_no(pk in uasc),
                    "",  # filled from the personal adviser's allocation below
                    "Relevant" if kind == RELEVANT else "Former relevant",
                    (reviews.get(pk) or (None,))[0],
                    contact[1],
                    contact[0],
                    accommodation[:1],
                    {"1": "Suitable", "2": "Not suitable"}.get(accommodation[1:], ""),
                    contact[2],
                ],
            )
        )
    return sheet


def adoption(period: Period) -> Sheet:
    sheet = Sheet(
        10,
        "Adoption",
        [
            "Family identifier",
            "Date Entered Care",
            "Date of decision that child should be placed for adoption",
            "Date of placement order",
            "Date of matching child and prospective adopters",
            "Date placed for adoption",
            "Date of Adoption Order",
            "Date of decision that child should no longer be placed for adoption",
            "Reason why child no longer placed for adoption",
            "Date the child was placed in a fostering for adoption or concurrent "
            "planning placement",
        ],
    )
    decisions = list(
        AdoptionDecision.objects.filter(decided_on__lte=period.end)
        .exclude(ceased_on__lt=period.start)
        .select_related("period")
        .order_by("decided_on", "pk")
    )
    adopters = {
        a.decision_id: a
        for a in Adopters.objects.filter(decision__in=decisions).select_related(
            "placement"
        )
    }
    orders: dict[int, dt.date] = {}
    for pk, made in CourtOrder.objects.filter(
        person_id__in={d.person_id for d in decisions},
        kind=OrderKind.PLACEMENT,
        made_on__lte=period.end,
    ).values_list("person_id", "made_on"):
        orders[pk] = made
    for d in decisions:
        a = adopters.get(d.pk)
        if a is not None and a.adopted_on and a.adopted_on < period.start:
            continue
        placement = a.placement if a is not None else None
        sheet.rows.append(
            (
                d.person_id,
                [
                    f"A{a.pk}" if a else "",
                    d.period.started_on,
                    d.decided_on,
                    orders.get(d.person_id),
                    a.matched_on if a else None,
                    placement.started_on if placement else None,
                    a.adopted_on if a else None,
                    d.ceased_on if period.holds(d.ceased_on) else None,
                    d.ceased_reason if period.holds(d.ceased_on) else "",
                    None,  # Haven records no fostering for adoption placement
                ],
            )
        )
    return sheet


ADOPTER_HEADER = [
    "Individual adopter identifier",
    "Adopter Family identifier",
    "Gender",
    "Ethnicity",
    "Disability",
    "Is the adopter considering fostering for adoption?",
    "Date enquiry received",
    "Date Stage 1 started",
    "Date Stage 1 ended",
    "Date Stage 2 started",
    "Date Stage 2 ended",
    "Date application submitted",
    "Date application approved",
    "Date adopter matched with child(ren)",
    "Date child/children placed with adopter(s)",
    "Number of children placed",
    "Date of Adoption Order",
    "Date of leaving adoption process",
    "Reason for leaving adoption process",
]


def adopters(period: Period) -> list[list[Any]]:
    """List 11 (adopters: not children, so no common columns and no Haven
    ID: their records are sealed, so each is named by its approval's number).
    Haven records the approval (registration, stages, panel, decision); the
    matching and placing of children are on the children's records."""
    rows = []
    for a in (
        AdopterApproval.objects.filter(registered_on__lte=period.end)
        .exclude(decided_on__lt=period.start)
        .select_related("applicant")
        .order_by("registered_on", "pk")
    ):
        approved = (
            a.decided_on if a.outcome == AdopterApproval.Outcome.APPROVED else None
        )
        left = (
            a.decided_on if a.outcome == AdopterApproval.Outcome.NOT_APPROVED else None
        )
        rows.append(
            [
                f"AP{a.pk}",
                f"AP{a.pk}",
                GENDER.get(a.applicant.sex, "c) Not stated/recorded"),
                a.applicant.ethnicity,
                "",
                "",
                a.registered_on,
                a.registered_on,
                a.stage_one_on,
                a.stage_two_on,
                a.panel_on,
                a.stage_two_on,
                approved,
                None,
                None,
                None,
                None,
                left,
                "Not approved" if left else "",
            ]
        )
    return rows


def personal_advisers(sheet: Sheet, holders: dict[tuple[int, str], Any]) -> None:
    """Fill list 9's personal adviser from the allocations read for the workbook."""
    for index, (pk, values) in enumerate(sheet.rows):
        held = holders.get((pk, CaseRole.PERSONAL_ADVISER))
        if held is not None and held.worker is not None:
            values[1] = str(held.worker)
        sheet.rows[index] = (pk, values)
