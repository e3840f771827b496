"""Events appended as one step: a once-listener runs once, at the step's end,
inside the same transaction (haven/core/together.py)."""

import pytest
from django.db import transaction

from haven.core import journal
from haven.core.models import JournalEvent, User
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[list[JournalEvent]]:
    calls: list[list[JournalEvent]] = []
    monkeypatch.setattr(journal, "ONCE", [calls.append])
    return calls


def _note(child, alice: User) -> JournalEvent:
    return journal.append(child, "test.noted", {}, by=alice)


def test_outside_a_step_each_event_is_heard_at_once(heard, alice: User) -> None:
    child = ChildFactory()
    with transaction.atomic():
        first = _note(child, alice)
        assert heard == [[first]]
        second = _note(child, alice)
    assert heard == [[first], [second]]


def test_a_steps_events_are_heard_once_at_its_end(heard, alice: User) -> None:
    child, sibling = ChildFactory(), ChildFactory()
    with transaction.atomic(), journal.as_one_step():
        events = [_note(child, alice), _note(sibling, alice)]
        with journal.as_one_step():  # a service the step calls is part of it
            events.append(_note(child, alice))
        assert heard == []
    assert heard == [events]


def test_a_step_that_fails_is_not_heard_and_the_next_one_is(heard, alice) -> None:
    child = ChildFactory()
    with pytest.raises(ValueError), transaction.atomic(), journal.as_one_step():
        _note(child, alice)
        raise ValueError("refused")
    assert heard == []
    with transaction.atomic(), journal.as_one_step():
        event = _note(child, alice)
    assert heard == [[event]]
