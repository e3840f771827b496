"""Every DfE validation rule that can be checked when data is entered is
refused at entry, in words, by the service that records the data: a return
then meets it already kept, and the public validators (test_validators.py)
find only what no single entry can show.

ENFORCED is the table: the rule, the return, and a bad input given to the
real service, which must refuse it with words. NOT_AT_ENTRY lists the rules
Haven leaves to the return and why."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from haven.assessments import services as assessments
from haven.assessments.starting import start_assessment
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.cin import services as cin
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.services import allocate_case
from haven.people import services as people
from tests.care.factories import ProviderFactory, in_home, in_need
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

World = SimpleNamespace


@dataclass(frozen=True)
class AtEntry:
    rules: str  # the DfE rule numbers
    where: str  # "CIN census" or "SSDA903"
    check: str  # what the rule asks, in words
    refused: str  # the code the service's refusal carries
    bad: Callable[[World], object]  # gives the service the bad input


def _person(world: World, **details: object) -> object:
    names = {"given_name": "Ruby", "family_name": "Sowerby"}
    return people.register_person({**names, **details}, by=world.alice)


def _referral(world: World, days_ago: int = 20) -> object:
    return cin.open_referral(
        world.child,
        received_on=clock.today() - dt.timedelta(days=days_ago),
        source="2A",
        contact_id=None,
        by=world.alice,
    )


def _factors(world: World, factors: list[str]) -> object:
    episode = _referral(world)
    assessment = start_assessment(
        episode, started_on=episode.referral_date, by=world.alice
    )
    return assessments.save_assessment(
        assessment, {"factors": factors}, primary_need="N1", by=world.alice
    )


def _second_assessment(world: World) -> object:
    episode = _referral(world)
    start_assessment(episode, started_on=episode.referral_date, by=world.alice)
    return start_assessment(episode, started_on=clock.today(), by=world.alice)


def _assessment_before_referral(world: World) -> object:
    episode = _referral(world)
    before = episode.referral_date - dt.timedelta(days=1)
    return start_assessment(episode, started_on=before, by=world.alice)


def _into_care(world: World, *, on: dt.date | None = None, **placement) -> object:
    on = on or clock.today() - dt.timedelta(days=10)
    in_need(world.child, by=world.alice, on=clock.today() - dt.timedelta(days=30))
    return start_period_of_care(
        world.child,
        on=on,
        need="N1",
        legal_status=placement.pop("legal_status", "C1"),
        placement=placement.pop("details"),
        by=world.alice,
    )


def _home(place: str) -> PlacementDetails:
    kind = "supported" if place == "K3" else "childrens_home"
    return in_home(ProviderFactory(kind=kind), place=place)


ENFORCED = (
    AtEntry(
        "8750",
        "CIN census",
        "an unborn child's sex is U",
        "unborn_sex",
        lambda w: _person(
            w, expected_date_of_birth=clock.today() + dt.timedelta(days=60), sex="F"
        ),
    ),
    AtEntry(
        "8770Q; SSDA903 209",
        "CIN census",
        "UPN unknown reason UN1 not for a child of school age",
        "un1_school_age",
        lambda w: _person(w, date_of_birth=dt.date(2016, 3, 1), upn_unknown="UN1"),
    ),
    AtEntry(
        "1510; SSDA903 168",
        "CIN census",
        "the UPN's check letter is right",
        "upn",
        lambda w: _person(w, upn="A382123415001"),
    ),
    AtEntry(
        "1570, 1580",
        "CIN census",
        "LAchildID: letters and digits only, at most 20",
        "local_id",
        lambda w: _person(w, local_id="AB-12"),
    ),
    AtEntry(
        "8790",
        "CIN census",
        "disability NONE stands alone",
        "disability_none_alone",
        lambda w: _person(w, disabilities=["NONE", "MOB"]),
    ),
    AtEntry(
        "8794",
        "CIN census",
        "no disability code twice",
        "disability_twice",
        lambda w: _person(w, disabilities=["MOB", "MOB"]),
    ),
    AtEntry(
        "8815",
        "CIN census",
        "at most one open child in need episode",
        "open_episode",
        lambda w: (_referral(w, 20), _referral(w, 5)),
    ),
    AtEntry(
        "8600",
        "CIN census",
        "the referral date is not after the census period",
        "date_in_future",
        lambda w: _referral(w, -1),
    ),
    AtEntry(
        "8866",
        "CIN census",
        "the referral source is on the list",
        "bad_source",
        lambda w: cin.open_referral(
            w.child, received_on=clock.today(), source="99", contact_id=None, by=w.alice
        ),
    ),
    AtEntry(
        "1103",
        "CIN census",
        "an assessment does not start before the referral",
        "started_on",
        _assessment_before_referral,
    ),
    AtEntry(
        "8896",
        "CIN census",
        "one assessment open at a time",
        "assessment_unfinished",
        _second_assessment,
    ),
    AtEntry(
        "8869",
        "CIN census",
        "assessment factor 21 stands alone",
        "none_alone",
        lambda w: _factors(w, ["21", "16A"]),
    ),
    AtEntry(
        "8898",
        "CIN census",
        "no assessment factor twice",
        "duplicate_factor",
        lambda w: _factors(w, ["16A", "16A"]),
    ),
    AtEntry(
        "371",
        "SSDA903",
        "supported accommodation (K3) only from 16",
        "too_young_for_placement",
        lambda w: _into_care(w, details=_home("K3")),
    ),
    AtEntry(
        "302",
        "SSDA903",
        "an episode does not start before the child's birth",
        "before_birth",
        lambda w: _into_care(w, on=dt.date(2016, 1, 1), details=_home("K2")),
    ),
)

# Rules Haven does not refuse at entry, and why: each needs what no single
# entry shows (the whole return, last year's return, the export's own fields).
NOT_AT_ENTRY = {
    "100": "the census header's reference date, written by the export",
    "8510": "LAchildID unique in the file: a property of the export, which "
    "derives it from Haven's IDs (haven/people/census.py)",
    "2886Q, 2887Q, 2888Q": "statistics over the whole return",
    "202-208, 502, 503A-503J": "agreement with last year's return (cross-year)",
    "190, 191": "OC2 cohort: continuously looked after for 12 months at 31 March, "
    "known only at the end of the year",
    "INT01-INT36": "consistency between the 903's tables, written by the export",
    "SW17, SW12": "an open social worker episode and full-year cover at 31 March",
    "8736, 8740, 8720, 8930": "dates inside the census period: the period is the "
    "return's, not the entry's",
    "354, 355": "episode end at or before 31 March and at least a day long: "
    "read from the year's histories by the export",
}


@pytest.fixture
def world(alice, mona, team, freezer) -> World:
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(
        child,
        team=team,
        worker=alice,
        on=clock.today() - dt.timedelta(days=60),
        by=mona,
    )
    return World(alice=alice, child=child)


@pytest.mark.parametrize("entry", ENFORCED, ids=lambda e: f"{e.where} {e.rules}")
def test_the_rule_is_refused_at_entry_in_words(entry: AtEntry, world: World) -> None:
    with pytest.raises(DomainError) as refused:
        entry.bad(world)
    failures = getattr(refused.value, "failures", [refused.value])
    codes = {failure.code for failure in failures}
    fields = {failure.field for failure in failures}
    assert entry.refused in codes | fields, (entry.rules, codes, fields)
    assert all(len(failure.message.split()) >= 3 for failure in failures)


def test_no_rule_is_both_enforced_and_left_to_the_return() -> None:
    enforced = {rule.strip() for e in ENFORCED for rule in e.rules.split(",")}
    left = {rule.strip() for key in NOT_AT_ENTRY for rule in key.split(",")}
    assert not enforced & left
    assert all(reason.strip() for reason in NOT_AT_ENTRY.values())
