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
from pathlib import Path
from types import SimpleNamespace

import pytest

from haven.assessments import services as assessments
from haven.assessments.starting import start_assessment
from haven.care.placing import PlacementDetails
from haven.care.reviews.recording import record_review
from haven.care.services import start_period_of_care
from haven.casework import services as casework
from haven.cin import services as cin
from haven.cin.plans import start_plan
from haven.cin.rules import ActionLine
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import Team
from haven.core.services import allocate_case
from haven.people import services as people
from tests.care.factories import ProviderFactory, in_home, in_need
from tests.conftest import make_user
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


def _plan_before_referral(world: World) -> object:
    episode = cin.set_primary_need(_referral(world), "N1", by=world.alice)
    action = ActionLine(
        what_must_change="Jasmine gets to school on time every day",
        who="Her mother, with the family support worker",
        by_when=clock.today() + dt.timedelta(days=30),
        if_not_met="A further assessment",
    )
    return start_plan(
        episode,
        started_on=episode.referral_date - dt.timedelta(days=1),
        actions=[action],
        by=world.alice,
    )


def _overlapping_referral(world: World) -> object:
    """A referral received while an episode since closed was still open."""
    _close(world, days_before=-10)  # referred 20 days ago, closed 10 days ago
    # The closure ended the case; her manager gives it back to Alice.
    allocate_case(
        world.child,
        team=world.team,
        worker=world.alice,
        on=clock.today(),
        by=world.mona,
    )
    return _referral(world, 15)


def _close(world: World, *, days_before: int = 0, reason: str = "RC7") -> object:
    episode = _referral(world)
    return cin.close_episode(
        episode,
        closed_on=episode.referral_date - dt.timedelta(days=days_before),
        reason=reason,
        summary="Support ended: the family no longer needs it",
        by=world.alice,
    )


def _review(world: World, participation: str) -> object:
    """A review of a ten-year-old in care, chaired by her IRO."""
    period = _into_care(world, details=_home("K2"))
    reviewing = Team.objects.create(name="Independent Reviewing", parent=world.service)
    ivy = make_user("ivy", "independent_reviewing_officer", reviewing)
    casework.transfer_case(
        world.child,
        team=reviewing,
        worker=ivy,
        reason="Came into care",
        role=CaseRole.IRO,
        by=world.mona,
    )
    return record_review(
        period,
        held_on=clock.today(),
        participation=participation,
        attended="Jasmine, her key worker, Alice (social worker)",
        by=ivy,
    )


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


def _with_parents() -> PlacementDetails:
    return PlacementDetails(
        place="P1", address_line_1="1 Home Street", town="Leeds", postcode="LS6 1AA"
    )


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
        "8820",
        "CIN census",
        "a child's episodes do not overlap",
        "overlaps_closed_episode",
        _overlapping_referral,
    ),
    AtEntry(
        "4015",
        "CIN census",
        "a child in need plan does not start before the referral",
        "started_on",
        _plan_before_referral,
    ),
    AtEntry(
        "8520; SSDA903 102",
        "CIN census",
        "the date of birth is not in the future",
        "birth_in_future",
        lambda w: _person(w, date_of_birth=clock.today() + dt.timedelta(days=1)),
    ),
    AtEntry(
        "8610",
        "CIN census",
        "a primary need from the list (N0 'not stated' only for history)",
        "need_not_stated",
        lambda w: cin.set_primary_need(_referral(w), "N0", by=w.alice),
    ),
    AtEntry(
        "8805, 8810",
        "CIN census",
        "a closure date comes with a reason for closure",
        "reason_required",
        lambda w: _close(w, reason=""),
    ),
    AtEntry(
        "8620",
        "CIN census",
        "the episode does not close before the referral",
        "closed_on",
        lambda w: _close(w, days_before=1),
    ),
    AtEntry(
        "440",
        "SSDA903",
        "review participation PN0 (under 4) only for a child under 4",
        "participation_not_under_four",
        lambda w: _review(w, "PN0"),
    ),
    AtEntry(
        "371",
        "SSDA903",
        "supported accommodation (K3) only from 16",
        "too_young_for_placement",
        lambda w: _into_care(w, details=_home("K3")),
    ),
    AtEntry(
        "378",
        "SSDA903",
        "no placement with parents (P1) while accommodated under section 20 (V2)",
        "parents_under_section_20",
        lambda w: _into_care(w, legal_status="V2", details=_with_parents()),
    ),
    AtEntry(
        "302",
        "SSDA903",
        "an episode does not start before the child's birth",
        "before_birth",
        lambda w: _into_care(w, on=dt.date(2016, 1, 1), details=_home("K2")),
    ),
)

# Rules refused at entry whose setting up (a conference, a plan, a short break
# ended, a missing episode) their own app's tests already do: each test given
# its bad input through the real service, named here so the list is whole.
ENFORCED_ELSEWHERE = {
    "8875": (
        "protection/test_census_rules.py",
        "test_8875_a_conference_is_never_at_a_weekend",
    ),
    "8615": (
        "protection/test_census_rules.py",
        "test_8615_the_enquiry_starts_no_later_than_its_conference",
    ),
    "8890": (
        "protection/test_census_rules.py",
        "test_8890_one_open_enquiry_per_episode",
    ),
    "2885": (
        "protection/test_census_rules.py",
        "test_2885_a_plan_starts_on_its_conference_day",
    ),
    "2883, 8935": (
        "protection/test_census_rules.py",
        "test_2883_8935_no_second_plan_while_one_is_open",
    ),
    "8940": (
        "protection/test_census_rules.py",
        "test_8940_no_plan_overlaps_an_earlier_one",
    ),
    "8841": (
        "protection/test_census_rules.py",
        "test_8841_reviews_come_after_the_plan_starts",
    ),
    "4001": (
        "protection/test_census_rules.py",
        "test_4001_no_cin_plan_beside_a_cp_plan",
    ),
    "2990": (
        "protection/test_census_rules.py",
        "test_2990_an_episode_with_an_enquiry_does_not_close_after_assessment",
    ),
    "8868": (
        "protection/test_census_rules.py",
        "test_8868_a_closing_episode_has_its_enquiries_finished",
    ),
    "365": (
        "care/test_short_breaks.py",
        "test_a_break_of_17_days_is_recorded_and_one_of_18_is_refused",
    ),
    "367": (
        "care/test_short_breaks.py",
        "test_at_most_75_days_of_breaks_in_a_collection_year",
    ),
    "574": ("care/test_missing.py", "test_episodes_never_overlap"),
    "567": (
        "care/test_missing.py",
        "test_a_return_before_the_start_is_refused_and_named",
    ),
    "441": (
        "care/reviews/test_reviews.py",
        "test_pn0_is_for_a_child_under_four_and_only_them",
    ),
}

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
def world(service, alice, mona, team, freezer) -> World:
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(
        child,
        team=team,
        worker=alice,
        on=clock.today() - dt.timedelta(days=60),
        by=mona,
    )
    return World(service=service, team=team, alice=alice, mona=mona, child=child)


@pytest.mark.parametrize("entry", ENFORCED, ids=lambda e: f"{e.where} {e.rules}")
def test_the_rule_is_refused_at_entry_in_words(entry: AtEntry, world: World) -> None:
    with pytest.raises(DomainError) as refused:
        entry.bad(world)
    failures = getattr(refused.value, "failures", [refused.value])
    codes = {failure.code for failure in failures}
    fields = {failure.field for failure in failures}
    assert entry.refused in codes | fields, (entry.rules, codes, fields)
    assert all(len(failure.message.split()) >= 3 for failure in failures)


def test_the_rules_enforced_elsewhere_are_tested_there() -> None:
    tests = Path(__file__).resolve().parent.parent
    for rule, (module, name) in ENFORCED_ELSEWHERE.items():
        assert f"def {name}(" in (tests / module).read_text(), rule


def test_no_rule_is_both_enforced_and_left_to_the_return() -> None:
    rules = [e.rules for e in ENFORCED] + list(ENFORCED_ELSEWHERE)
    enforced = {rule.strip() for key in rules for rule in key.split(",")}
    left = {rule.strip() for key in NOT_AT_ENTRY for rule in key.split(",")}
    assert not enforced & left
    assert all(reason.strip() for reason in NOT_AT_ENTRY.values())
