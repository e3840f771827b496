"""A child protection plan's concerns: set, changed and journaled with what
changed; every missing part refused at once, in words naming its concern."""

import pytest

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import JournalEvent
from haven.protection import concerns, conferences
from haven.protection.codes import ConferenceDecision, PlanEndReason
from haven.protection.concerns import Concern
from tests.protection.conftest import day, meeting, on_a_plan

pytestmark = pytest.mark.django_db

SCHOOL = Concern(
    concern="Kai misses school and arrives hungry",
    what_must_change="Kai goes to school every day, fed",
    family_will="Mum takes Kai to school with breakfast",
    agencies_will="School: breakfast club. Health visitor: visits weekly",
    by_when=day(40),
    progress_seen="Attendance over 95% each week",
    if_not="A review conference considers legal advice",
)
HOME = Concern(
    concern="The home is cold",
    what_must_change="The heating works",
    family_will="Dad lets the engineer in",
    agencies_will="Housing: repair within two weeks",
    by_when=day(30),
    progress_seen="The worker sees the heating on at visits",
    if_not="Housing escalates the repair",
)


def _changes(child) -> list[dict]:
    return list(
        JournalEvent.objects.filter(person=child, type="protection.plan_concerns_set")
        .order_by("sequence")
        .values_list("payload", flat=True)
    )


def test_concerns_are_set_changed_and_each_change_journaled(
    child, episode, alice, cath
):
    plan = on_a_plan(episode, alice, cath)
    concerns.set_concerns(plan, [SCHOOL, Concern(), HOME], by=alice)
    assert [c.concern for c in plan.concerns.all()] == [SCHOOL.concern, HOME.concern]

    fixed = Concern(**{**HOME.__dict__, "by_when": day(35)})
    concerns.set_concerns(plan, [SCHOOL, fixed], by=alice)
    concerns.set_concerns(plan, [SCHOOL, fixed], by=alice)  # nothing changed
    concerns.set_concerns(plan, [SCHOOL], by=alice)

    assert plan.concerns.get().concern == SCHOOL.concern
    added, changed, removed = _changes(child)
    assert added["added"] == [1, 2] and added["removed"] == []
    assert changed["changed"] == {"2": ["by_when"]}
    assert removed["removed"] == [2] and removed["added"] == []


def test_every_missing_part_is_refused_at_once_naming_its_concern(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    late = Concern(**{**SCHOOL.__dict__, "by_when": day(3)})
    with pytest.raises(DomainErrors) as refused:
        concerns.set_concerns(plan, [late, Concern(concern="Dad's drinking")], by=alice)
    messages = [f.message for f in refused.value.failures]
    assert messages[0].startswith(
        "Concern 1: the date by when it must change must be on or after"
    )
    assert "Concern 2: say what must change" in messages
    assert "Concern 2: say what each agency will do" in messages
    assert "Concern 2: enter the date by when it must change" in messages
    assert {f.field for f in refused.value.failures} >= {
        "concerns.0.by_when",
        "concerns.1.if_not",
    }
    assert not plan.concerns.exists()


def test_a_plan_needs_a_concern_and_an_ended_plan_takes_none(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError, match="Add at least one concern"):
        concerns.set_concerns(plan, [Concern()], by=alice)
    conferences.hold_review_conference(
        plan,
        meeting(cath, on=day(43), decision=ConferenceDecision.END_PLAN),
        by=alice,
        end_reason=PlanEndReason.NO_LONGER_AT_RISK,
    )
    with pytest.raises(DomainError, match="has ended"):
        concerns.set_concerns(plan, [SCHOOL], by=alice)


def test_a_stranger_cannot_set_a_childs_concerns(episode, alice, cath, other_team):
    from tests.conftest import make_user

    plan = on_a_plan(episode, alice, cath)
    stranger = make_user("stranger", "social_worker", other_team)
    with pytest.raises(AccessDenied):
        concerns.set_concerns(plan, [SCHOOL], by=stranger)
    assert not plan.concerns.exists()
