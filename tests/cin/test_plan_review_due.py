"""The plan page reads the next review's date from the engine, so a council's
own review interval shows there as it does on My work (issue 11 item 18)."""

import datetime as dt

import pytest

from haven.cin import plans
from haven.cin import selectors as cin_selectors
from haven.core import clock
from haven.timescales import services as timescales
from haven.timescales.models import Obligation
from tests.cin.test_services import _action, _authorised

pytestmark = pytest.mark.django_db


def test_the_plan_page_shows_the_councils_own_review_interval(
    child, alice, mona, adam, freezer
):
    # The council reviews plans every 6 weeks, not the catalogue's 3 months.
    timescales.set_rule_value(
        "CIN-REVIEW",
        deadline="+6 w",
        interval="+6 w",
        applies_from=clock.today() + dt.timedelta(days=1),
        reason="Local plan review policy",
        approved_by=mona,
        by=adam,
    )
    freezer.move_to(dt.timedelta(days=2))
    episode = _authorised(child, alice, mona)
    plan = plans.start_plan(
        episode, started_on=clock.today(), actions=[_action()], by=alice
    )
    held = Obligation.objects.get(rule_id="CIN-REVIEW", subject=str(plan.pk))
    assert held.due_on == clock.today() + dt.timedelta(weeks=6)
    assert cin_selectors.next_review_due(plan) == held.due_on
