"""Steps for the CIN census tests: a child referred on a Monday eight weeks
ago (tests/protection/conftest.py's days), through the services."""

import datetime as dt

from haven.assessments import services as assessments
from haven.assessments.starting import start_assessment
from haven.cin import services as cin
from haven.core import codelists
from haven.core.models import User
from haven.people.models import Person
from haven.protection import conferences
from haven.protection.codes import ConferenceDecision
from haven.returns import registry
from haven.returns.registry import Built
from tests.assessments.test_services import COMPLETE
from tests.protection.conftest import day, meeting, on_a_plan

__all__ = ["day", "on_a_plan", "year", "referred", "assessed", "reviewed", "census"]


def year() -> int:
    """The collection year the steps fall in."""
    return codelists.collection_year(day(0))


def referred(child: Person, by: User, on: dt.date | None = None):  # type: ignore[no-untyped-def]
    return cin.open_referral(
        child, received_on=on or day(0), source="2A", contact_id=None, by=by
    )


def assessed(episode, worker: User, manager: User):  # type: ignore[no-untyped-def]
    """An assessment started on the referral day, written and authorised."""
    found = start_assessment(episode, started_on=episode.referral_date, by=worker)
    found = assessments.save_assessment(found, COMPLETE, primary_need="N1", by=worker)
    found = assessments.submit_assessment(found, by=worker)
    return assessments.authorise_assessment(found, by=manager)


def reviewed(plan, chair: User, worker: User, on: dt.date):  # type: ignore[no-untyped-def]
    return conferences.hold_review_conference(
        plan,
        meeting(chair, on=on, decision=ConferenceDecision.CONTINUE),
        by=worker,
    )


def census(year_: int | None = None) -> Built:
    declared = registry.get("cin")
    assert declared is not None
    return declared.build(year_ or year())
