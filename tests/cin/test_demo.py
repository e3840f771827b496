import random

import pytest

from haven.assessments.models import Assessment
from haven.cin import demo
from haven.cin.models import CinEpisode, Plan, PlanReview
from haven.core import journal
from haven.demo.families import create_families
from haven.demo.staff import create_staff

pytestmark = pytest.mark.django_db


def test_demo_gives_a_third_of_children_episodes_at_every_stage():
    rng = random.Random(7)
    create_staff(rng)
    children = create_families(rng, 90)
    demo.populate(rng, children)
    episodes = CinEpisode.objects.count()
    assert 20 <= episodes <= 30
    statuses = set(Assessment.objects.values_list("status", flat=True))
    assert {"in_progress", "submitted", "authorised"} <= statuses
    assert Plan.objects.exists() and PlanReview.objects.exists()
    assert CinEpisode.objects.filter(closed_on__isnull=False).exists()
    assert journal.verify_all() == []
