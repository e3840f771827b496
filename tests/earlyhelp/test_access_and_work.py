import datetime as dt

import pytest

from haven.core import access
from haven.core.models import Team
from haven.core.work import items_for
from haven.earlyhelp import services
from haven.earlyhelp.services import ActionLine
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_queue_relationship_ends_when_the_request_closes(request_, child, ellie):
    assert access.why_user_may_open(ellie, child) == "Early help: open request"
    services.close_episode(
        request_, closed_on=dt.date(2026, 3, 5), outcome="moved_away", by=ellie
    )
    assert access.why_user_may_open(ellie, child) is None


def test_early_help_workers_in_another_team_are_refused(request_, child, service):
    north = Team.objects.create(name="North Early Help", parent=service)
    nina = make_user("nina", "early_help_worker", north)
    assert access.why_user_may_open(nina, child) is None


def test_open_plan_actions_are_on_the_workers_list(allocated, ellie, emma):
    services.complete_assessment(
        allocated,
        family_agreed_on=allocated.requested_on,
        family_agreed_by="Mum",
        strengths="s",
        needs="n",
        analysis="a",
        completed_on=dt.date(2026, 4, 1),
        by=ellie,
    )
    services.start_plan(
        allocated,
        family_agreed_by="Mum",
        started_on=dt.date(2026, 4, 2),
        actions=[
            ActionLine("Book course", "Mum", dt.date(2026, 4, 20)),
            ActionLine("Walk to school", "Dad", dt.date(2026, 4, 10)),
        ],
        by=ellie,
    )
    items = [i for i in items_for([ellie, emma]) if i.kind == "Family plan action"]
    assert [i.due_on for i in items] == [dt.date(2026, 4, 10), dt.date(2026, 4, 20)]
    assert {i.worker_id for i in items} == {ellie.pk}
    assert items[0].person_id == allocated.person_id
