"""The IRO's escalation under the dispute resolution protocol: raised
informally, taken through the formal stages in turn, resolved with its
outcome."""

import datetime as dt

import pytest

from haven.care.models import Escalation
from haven.care.reviews import escalation
from haven.core.chronology import describe
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent

pytestmark = pytest.mark.django_db
D = dt.date


RAISED_ON = D(2025, 6, 2)


def _raise(period, by, on=RAISED_ON):
    return escalation.raise_escalation(
        period,
        on=on,
        concern="The permanence plan has drifted",
        raised_with="Alice and Mona",
        by=by,
    )


def test_an_escalation_goes_informal_then_formal_then_resolved(
    child, period, with_iro, today
):
    raised = _raise(period, with_iro)
    assert raised.stage == Escalation.Stage.INFORMAL
    escalation.escalate(
        raised,
        on=D(2025, 6, 20),
        response="No answer",
        raised_with="Mona (team manager)",
        by=with_iro,
    )
    raised.refresh_from_db()
    assert raised.stage == Escalation.Stage.FORMAL_1
    assert [(s.stage, s.response) for s in raised.steps.all()] == [
        ("informal", "No answer"),
        ("formal_1", ""),
    ]
    escalation.resolve_escalation(
        raised, on=D(2025, 7, 1), outcome="Plan agreed", by=with_iro
    )
    raised.refresh_from_db()
    assert (raised.resolved_on, raised.outcome) == (D(2025, 7, 1), "Plan agreed")
    words = [
        describe(e)
        for e in JournalEvent.objects.filter(
            person=child, type__startswith="care.iro_escalation"
        ).order_by("sequence")
    ]
    assert words == [
        "The IRO raised a concern (escalation)",
        "The IRO's escalation moved on: Formal stage 1: the team manager",
        "The IRO's escalation was resolved",
    ]
    with pytest.raises(DomainError) as refused:
        escalation.resolve_escalation(raised, on=today, outcome="x", by=with_iro)
    assert refused.value.code == "resolved"


def test_no_stage_past_the_last(period, with_iro, today):
    raised = _raise(period, with_iro)
    for day in range(4):
        escalation.escalate(
            raised, on=D(2025, 7, 1 + day), response="No", raised_with="x", by=with_iro
        )
    with pytest.raises(DomainError) as refused:
        escalation.escalate(
            raised, on=D(2025, 8, 1), response="No", raised_with="x", by=with_iro
        )
    assert refused.value.code == "last_stage"


def test_every_fault_at_once_and_steps_in_order(period, with_iro, today):
    with pytest.raises(DomainError) as refused:
        escalation.raise_escalation(
            period, on=None, concern="", raised_with="", by=with_iro
        )
    assert sorted(f.code for f in refused.value.failures) == [
        "concern_required",
        "date_required",
        "raised_with_required",
    ]
    raised = _raise(period, with_iro)
    with pytest.raises(DomainError) as refused:
        escalation.escalate(
            raised, on=D(2025, 5, 1), response="", raised_with="x", by=with_iro
        )
    assert sorted(f.code for f in refused.value.failures) == [
        "before_last_stage",
        "response_required",
    ]


def test_only_the_childs_iro_escalates(period, alice, iris, today):
    with pytest.raises(DomainError) as refused:
        _raise(period, alice)
    assert refused.value.code == "not_permitted"
    with pytest.raises(AccessDenied):
        _raise(period, iris)
    assert not Escalation.objects.exists()
