"""The CIN census XML for a collection year, in the DfE's element order
(returns.md §1.2; checked against cin_2026.xsd), built from the records each
time and never stored. Yes/no is 0/1 and dates YYYY-MM-DD, with no namespace.

The 2026-27 census adds an optional PreProceedingsandFGDM block; Haven does
not record pre-proceedings, so it is left out."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from haven.assessments.models import Assessment
from haven.cin.models import CinEpisode
from haven.core import dfe_xml
from haven.core.dfe_xml import add, optional
from haven.people.codes import Sex
from haven.protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from haven.returns.cin.scope import Child, Period, authorised_on, children


@dataclass
class Episode:
    """Where one CINdetails element came from, and the records inside it in
    the order they are written, so a check can link to the record to fix."""

    pk: int
    assessments: list[int] = field(default_factory=list)
    cin_plans: list[int] = field(default_factory=list)
    enquiries: list[int] = field(default_factory=list)
    cp_plans: list[int] = field(default_factory=list)


@dataclass
class Subject:
    """Where one Child element came from."""

    person_id: int
    episodes: list[Episode] = field(default_factory=list)


@dataclass
class CinReturn:
    period: Period
    xml: bytes
    subjects: list[Subject]  # one per Child element, in order


def header(root: Any, period: Period, la_code: str) -> None:
    dfe_xml.header(root, "CIN", period.year, period.end, la_code)


def identifiers(parent: Any, child: Child, period: Period) -> None:
    """A child born after the period's end was unborn in it: expected date
    of birth and sex U (rule 8750)."""
    person = child.person
    element = add(parent, "ChildIdentifiers")
    add(element, "LAchildID", person.la_child_id)
    optional(element, "UPN", person.upn)
    optional(element, "FormerUPN", child.former_upns[0] if child.former_upns else "")
    if not person.upn:
        optional(element, "UPNunknown", person.upn_unknown)
    born = period.by_end(person.date_of_birth)
    optional(element, "PersonBirthDate", born)
    if born is None:
        expected = person.expected_date_of_birth or person.date_of_birth
        optional(element, "ExpectedPersonBirthDate", expected)
    unborn = born is None and bool(
        person.expected_date_of_birth or person.date_of_birth
    )
    add(element, "Sex", Sex.UNKNOWN if unborn else person.sex)
    optional(element, "PersonDeathDate", period.by_end(person.date_of_death))


def characteristics(parent: Any, child: Child) -> None:
    element = add(parent, "ChildCharacteristics")
    add(element, "Ethnicity", child.person.ethnicity)
    codes = list(child.person.disabilities or [])
    if codes:
        disabilities = add(element, "Disabilities")
        for code in codes:
            add(disabilities, "Disability", code)


def assessment(parent: Any, row: Assessment, period: Period) -> bool:
    """An assessment in the period: open at its end, or completed in it. The
    factors go with a completed assessment only (rule 8614)."""
    completed = authorised_on(row, period)
    if not period.ongoing(completed):
        return False
    element = add(parent, "Assessments")
    add(element, "AssessmentActualStartDate", row.started_on)
    optional(element, "AssessmentAuthorisationDate", completed)
    if completed is not None and row.factors:
        factors = add(element, "FactorsIdentifiedAtAssessment")
        for code in row.factors:
            add(factors, "AssessmentFactors", code)
    return True


def cin_plan(parent: Any, started: dt.date, ended: dt.date | None) -> None:
    element = add(parent, "CINPlanDates")
    add(element, "CINPlanStartDate", started)
    optional(element, "CINPlanEndDate", ended)


def section_47(parent: Any, row: Section47Enquiry, period: Period) -> bool:
    """An enquiry in the period: open at its end, or ended in it. Whether a
    conference was not needed is known once the enquiry is completed."""
    if not period.ongoing(period.by_end(row.ended_on)):
        return False
    conference = getattr(row, "initial_conference", None)
    icpc = period.by_end(conference.held_on) if conference else None
    element = add(parent, "Section47")
    add(element, "S47ActualStartDate", row.started_on)
    optional(element, "InitialCPCtarget", row.icpc_target)
    optional(element, "DateOfInitialCPC", icpc)
    done = period.by_end(row.completed_on) is not None
    add(element, "ICPCnotRequired", done and row.icpc_not_required and icpc is None)
    return True


def latest_category(
    row: ChildProtectionPlan, reviews: list[Conference], period: Period
) -> str:
    """The category as at the period's end: the plan's latest, unless a
    review after the end changed it, when it is the one the last review by
    the end gave (or the plan's first)."""
    if all(r.held_on <= period.end for r in reviews):
        return row.latest_category
    held = [r.category for r in reviews if r.held_on <= period.end and r.category]
    return held[-1] if held else row.initial_category


def cp_plan(parent: Any, row: ChildProtectionPlan, period: Period) -> bool:
    ended = period.by_end(row.ended_on)
    if not period.ongoing(ended):
        return False
    element = add(parent, "ChildProtectionPlans")
    add(element, "CPPstartDate", row.started_on)
    optional(element, "CPPendDate", ended)
    add(element, "InitialCategoryOfAbuse", row.initial_category)
    reviews = list(row.reviews.all())  # every review, in date order
    add(element, "LatestCategoryOfAbuse", latest_category(row, reviews, period))
    add(element, "NumberOfPreviousCPP", row.previous_plans)
    reviews = [r for r in reviews if period.start <= r.held_on <= period.end]
    if reviews:
        element_reviews = add(element, "Reviews")
        for review in reviews:
            add(element_reviews, "CPPreviewDate", review.held_on)
    return True


def episode_details(parent: Any, episode: CinEpisode, period: Period) -> Episode:
    """One CINdetails: a referral and what followed it, as at the period's end."""
    found = Episode(episode.pk)
    closed = period.by_end(episode.closed_on)
    element = add(parent, "CINdetails")
    add(element, "CINreferralDate", episode.referral_date)
    add(element, "ReferralSource", episode.source)
    optional(element, "PrimaryNeedCode", episode.primary_need)
    if closed is not None:
        add(element, "CINclosureDate", closed)
        optional(element, "ReasonForClosure", episode.closure_reason)
    # An initial conference with no enquiry before it (a transfer in, say)
    # is given here; one after an enquiry sits in its Section47 (rule 2884).
    initial = [c for c in episode.initial_without_enquiry if c.held_on >= period.start]  # type: ignore[attr-defined]
    optional(element, "DateOfInitialCPC", initial[0].held_on if initial else None)
    for row in episode.assessments.all():
        if assessment(element, row, period):
            found.assessments.append(row.pk)
    for plan in episode.plans.all():
        ended = period.by_end(plan.ended_on)
        if period.ongoing(ended):
            cin_plan(element, plan.started_on, ended)
            found.cin_plans.append(plan.pk)
    for enquiry in episode.section_47_enquiries.all():
        if section_47(element, enquiry, period):
            found.enquiries.append(enquiry.pk)
    # No further action is known at closure: open at the period's end, the
    # referral's outcome was still to come.
    add(element, "ReferralNFA", episode.referral_nfa and closed is not None)
    for cpp in episode.cp_plans.all():
        if cp_plan(element, cpp, period):
            found.cp_plans.append(cpp.pk)
    return found


def build(year: int, la_code: str) -> CinReturn:
    """The year's census for the authority: the XML and where each child in
    it came from."""
    period = Period(year)
    root = etree.Element("Message")
    header(root, period, la_code)
    parent = add(root, "Children")
    subjects = []
    for child in children(period):
        element = add(parent, "Child")
        identifiers(element, child, period)
        characteristics(element, child)
        subject = Subject(child.person.pk)
        for episode in child.episodes:
            subject.episodes.append(episode_details(element, episode, period))
        subjects.append(subject)
    xml = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return CinReturn(period, xml, subjects)
