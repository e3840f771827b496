"""The benchmark authority's older work is finished as a real authority's is
(bench/ageing.py): a slice built as the demo builds a day, then aged, keeps no
waiting contact, assessment waiting for a manager, open supervision action,
draft or open early help, and its closed cases are no longer held by anyone."""

import datetime as dt
import random

import pytest

from bench import ageing
from bench.history import Slice, build_slice
from bench.staffing import Shape, create_staff
from haven.assessments.codes import Status
from haven.assessments.models import Assessment
from haven.care.models import PeriodOfCare
from haven.casework.models import Draft, SupervisionAction
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, JournalEvent
from haven.earlyhelp.models import EarlyHelpRequest
from haven.frontdoor.models import ContactChild

pytestmark = pytest.mark.django_db

SHAPE = Shape(200)
SEED = 7


def test_an_aged_slice_has_its_work_finished() -> None:
    today = clock.today()
    built_on = today - dt.timedelta(days=200)
    with clock.held_at(clock.start_of(built_on - dt.timedelta(days=10))):
        create_staff(random.Random(f"{SEED}-staff"), SHAPE)
    people = build_slice(Slice(0, 100, built_on), SHAPE, SEED, set(), None)
    ours = {"person_id__in": people}
    # What the demo leaves open on the day it is built: the test's premise.
    assert ContactChild.objects.filter(decision="").exists()
    assert SupervisionAction.objects.filter(
        done_on=None, supervision__person_id__in=people
    ).exists()
    assert Allocation.objects.filter(ended_on=None, **ours).exists()
    chairs = (CaseRole.CP_CHAIR, CaseRole.CONFERENCE_ADMIN)
    assert Allocation.objects.filter(ended_on=None, role__in=chairs, **ours).exists()
    events = JournalEvent.objects.count()

    with clock.held_at(clock.start_of(today) + dt.timedelta(hours=12)):
        ageing.decide_waiting_contacts()
        refused = ageing.finish(random.Random(1), people, closing=1.0)

    assert sum(refused.values()) <= len(people) // 50, refused
    assert not ContactChild.objects.filter(decision="").exists()
    unfinished = Assessment.objects.exclude(status=Status.AUTHORISED).filter(**ours)
    assert unfinished.count() <= sum(refused.values())
    # A refusal (an owner who may no longer open the child, say) leaves that
    # one child's work open, as the counts below allow.
    left_open = SupervisionAction.objects.filter(
        done_on=None, supervision__person_id__in=people
    )
    assert left_open.values("supervision__person").distinct().count() <= sum(
        refused.values()
    ), refused
    assert not Draft.objects.filter(**ours).exists()
    assert not EarlyHelpRequest.objects.filter(closed_on=None, **ours).exists()
    # A looked-after child stays a child in need, held by a worker, while in
    # care; every other episode closes.
    in_care = PeriodOfCare.objects.filter(ended_on=None, **ours).values("person")
    assert in_care.exists()
    assert Allocation.objects.filter(
        ended_on=None, role=CaseRole.SOCIAL_WORKER, person__in=in_care
    ).count() == len(in_care)
    still_open = CinEpisode.objects.filter(closed_on=None, **ours)
    assert not in_care.exclude(person__in=still_open.values("person")).exists()
    assert still_open.exclude(person__in=in_care).count() <= sum(refused.values())
    # Every role on a closed case ends, the chair's and the conference
    # administrator's too: their records are signed off with the work.
    # (A SEND case officer's is SEND's own work, which an EHC plan keeps open
    # beyond social care's: the ageing does not finish it.)
    held = Allocation.objects.filter(ended_on=None, **ours).exclude(
        role=CaseRole.SEND_OFFICER
    )
    kept = still_open.count() + len(in_care)
    assert held.count() <= 2 * kept + sum(refused.values())
    chairs = (CaseRole.CP_CHAIR, CaseRole.CONFERENCE_ADMIN)
    assert (
        not held.filter(role__in=chairs)
        .exclude(person__cin_episodes__closed_on=None)
        .exists()
    )
    # Through the services: every step is in the journal.
    assert JournalEvent.objects.count() > events
