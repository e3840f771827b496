"""The SEN2 return's XML, derived from SEND's records each time (never stored),
in the 2026 element order of sen2.md §3. One small function per module, each
reading one record. Items Haven does not record are left out, except the 1/0
flags our schema makes mandatory, which are sent as 0 with a comment naming
what would carry them."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from lxml import etree

from haven.core import dfe_xml
from haven.core.dfe_xml import add, optional
from haven.people.models import Person
from haven.send.codes import SEN2_REQUEST_SOURCE, RequestSource
from haven.send.details import plan_details
from haven.send.models import Decision, EhcPlan
from haven.send.sen2.census import CensusDay, census_day
from haven.send.sen2.scope import AsAtCensus, in_scope, postcodes


@dataclass
class Subject:
    """Which record an element in the return came from, so a check can link
    to the page where it is put right."""

    person_id: int
    request_ids: list[int] = field(default_factory=list)


@dataclass
class Sen2Return:
    census: CensusDay
    xml: bytes
    subjects: list[Subject]  # one per Person element, in order


def header(root: Any, census: CensusDay, la_code: str) -> None:
    source = dfe_xml.header(root, "SEN2", census.year, census.day, la_code)
    # Whether a designated medical, clinical and social care officer is in
    # post: the council's settings, Y unless it says otherwise.
    for officer in ("DMO", "DCO", "DSCO"):
        add(source, officer, getattr(settings, f"HAVEN_SEN2_{officer}", "Y"))


def person(persons: Any, child: Person, postcode: str) -> Any:
    """Module 1. Haven records no ULN yet, so UniqueLearnerNumber is left out."""
    element = add(persons, "Person")
    add(element, "Surname", child.family_name)
    add(element, "Forename", child.given_name)
    add(element, "PersonBirthDate", child.date_of_birth)
    add(element, "Sex", child.sex)
    add(element, "Ethnicity", child.ethnicity)
    optional(element, "PostCode", postcode)
    if child.upn:
        add(element, "UPN", child.upn)
    else:
        optional(element, "UPNunknown", child.upn_unknown)
    return element


def request_outcome(state: AsAtCensus) -> tuple[str, dt.date | None]:
    """Y or N on the decision to assess, H when it was decided before the
    period, A while undecided. W (withdrawn) waits for the request's
    withdrawal, which Haven does not record yet."""
    on = state.assessed_on
    if on is None:
        return "A", None
    if state.request.assess == Decision.YES and on < state.census.period_start:
        return "H", on
    return state.request.assess, on


def request(parent: Any, state: AsAtCensus) -> Any:
    """Module 2."""
    outcome, on = request_outcome(state)
    element = add(parent, "Requests")
    add(element, "ReceivedDate", state.request.received_on)
    add(
        element,
        "RequestSource",
        SEN2_REQUEST_SOURCE[RequestSource(state.request.source)],
    )
    if outcome in ("Y", "N"):
        add(element, "RYA", int(state.request.rya))
    optional(element, "RequestOutcomeDate", on)
    add(element, "RequestOutcome", outcome)
    if outcome in ("Y", "N"):
        flags = state.dispute_flags()
        add(element, "RequestMediation", flags["RequestMediation"])
        add(element, "RequestTribunal", flags["RequestTribunal"])
    export = state.export()
    if export is not None:
        add(element, "Exported", export.la)
    return element


def assessment_outcome(state: AsAtCensus) -> tuple[str, dt.date | None]:
    """Y once the final plan is issued (its date is the outcome's), N on the
    decision not to issue, H for a plan issued before the period, A until
    then. H for a plan transferred in waits for the transfers."""
    if state.issued_on is not None:
        # A plan transferred in from another authority is historical too.
        historical = state.issued_on < state.census.period_start
        if historical or state.transfer_in() is not None:
            return "H", state.issued_on
        return "Y", state.issued_on
    if state.issue_decided_on and state.request.issue == Decision.NO:
        return "N", state.issue_decided_on
    return "A", None


def assessment(parent: Any, state: AsAtCensus) -> None:
    """Module 3: only after a decision to assess (rule 1)."""
    outcome, on = assessment_outcome(state)
    element = add(parent, "Assessment")
    add(element, "AssessmentOutcome", outcome)
    optional(element, "AssessmentOutcomeDate", on)
    if outcome in ("A", "W"):
        return  # rule 2: nothing more
    flags = state.dispute_flags()
    for flag in ("AssessmentMediation", "AssessmentTribunal"):
        add(element, flag, flags[flag])
    for flag in ("OtherMediation", "OtherTribunal"):
        add(element, flag, flags[flag])
    plan = state.plan
    add(element, "Week20", 1 if plan is not None and plan.exception else 0)
    if plan is not None:
        named_plan(element, state, plan)


def _where(parent: Any, tag: str, where: Any, rank: int) -> Any:
    """A PlanDetail or PlacementDetail's "where": exactly one of URN, UKPRN
    or SENsetting (rule 4), then its rank."""
    element = add(parent, tag)
    if where.establishment is not None:
        add(element, "URN", f"{where.establishment.urn:06d}")
    elif where.ukprn:
        add(element, "UKPRN", f"{where.ukprn:08d}")
    elif where.sen_setting:
        add(element, "SENSetting", where.sen_setting)
        optional(element, "SENSettingOther", where.sen_setting_other)
    add(element, "PlacementRank", rank)
    return element


def _indicators(element: Any, where: Any) -> None:
    add(element, "SENunitIndicator", int(where.sen_unit))
    add(element, "ResourcedProvisionIndicator", int(where.resourced))


def named_plan(parent: Any, state: AsAtCensus, plan: EhcPlan) -> None:
    """Module 4: the plan as issued, its named settings (details.py) and its
    personal budget and codes (PlanArrangements; none recorded is 0)."""
    element = add(parent, "NamedPlan")
    add(element, "StartDate", plan.issued_on)
    for detail in plan_details(plan):
        _indicators(_where(element, "PlanDetail", detail, detail.rank), detail)
    arrangements = getattr(plan, "arrangements", None)
    if arrangements is not None:
        optional(element, "PlanRes", arrangements.residential)
        optional(element, "PlanWBP", arrangements.work_based)
    add(element, "PB", int(bool(arrangements and arrangements.personal_budget)))
    add(element, "OA", int(bool(arrangements and arrangements.organised)))
    if arrangements is not None:
        optional(element, "DP", arrangements.direct_payment)
    if state.ceased_on:
        add(element, "CeaseDate", state.ceased_on)
        optional(element, "CeaseReason", plan.cease_reason)


def placements(parent: Any, state: AsAtCensus, plan: EhcPlan) -> None:
    """Where the child was educated over time (SendPlacement), as far as the
    census day: a placement not yet begun is not in the return, and one
    ending after it is still open on it."""
    for row in sorted(plan.placements.all(), key=lambda r: (r.entered_on, r.rank)):
        if row.entered_on > state.census.day:
            continue
        element = _where(parent, "PlacementDetail", row, row.rank)
        add(element, "EntryDate", row.entered_on)
        if row.left_on is not None and row.left_on <= state.census.day:
            add(element, "LeavingDate", row.left_on)
        _indicators(element, row)
        optional(element, "Res", row.residential)
        optional(element, "WBP", row.work_based)


def active_plan(parent: Any, state: AsAtCensus) -> None:
    """Module 5: the plan in the period, in the 2026 order."""
    plan = state.plan
    if plan is None:
        return
    element = add(parent, "ActivePlans")
    transfer = state.transfer_in()
    if transfer is not None:
        add(element, "TransferLA", transfer.previous_la)
    placements(element, state, plan)
    for rank, need in ((1, plan.primary_need), (2, plan.secondary_need)):
        if need:
            senneed = add(element, "SENneed")
            add(senneed, "SENtype", need)
            add(senneed, "SENtypeRank", rank)
    review_and_transfer(element, state)


def review_and_transfer(element: Any, state: AsAtCensus) -> None:
    """The latest review and its decision, the amendments' draft and the
    phase transfer's dates."""
    reviews = state.reviews()
    latest = reviews[-1] if reviews else None
    decided = None
    if latest is not None:
        add(element, "ReviewMeeting", latest.held_on)
        decided = _by_census(latest.decided_on, state)
        if decided:
            optional(element, "ReviewOutcome", latest.decision)
    optional(element, "ReviewDraft", state.review_draft())
    due, final = state.phase_transfer()
    optional(element, "PhaseTransferDueDate", due)
    optional(element, "PhaseTransferFinalDate", final)
    # LastReview: the date the latest review was decided ([UNCONFIRMED]
    # meaning, sen2.md §9), last in 2026.
    optional(element, "LastReview", decided)


def _by_census(day: dt.date | None, state: AsAtCensus) -> dt.date | None:
    return day if day is not None and day <= state.census.day else None


def requests(parent: Any, state: AsAtCensus) -> None:
    element = request(parent, state)
    if request_outcome(state)[0] in ("Y", "H"):
        assessment(element, state)
    active_plan(element, state)


def build(year: int, la_code: str) -> Sen2Return:
    """The year's return for the authority: the XML and where each child in
    it came from."""
    census = census_day(year)
    if census is None:
        raise ValueError(f"Haven has no SEN2 census day for {year}")
    root = etree.Element("Message")
    header(root, census, la_code)
    persons = add(root, "Persons")
    found = in_scope(census)
    codes = postcodes(list(found), census)
    subjects = []
    for child, states in found.items():
        element = person(persons, child, codes.get(child.pk, ""))
        for state in states:
            requests(element, state)
        subjects.append(Subject(child.pk, [s.request.pk for s in states]))
    xml = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return Sen2Return(census, xml, subjects)


def build_sen2(year: int, la_code: str) -> bytes:
    return build(year, la_code).xml
