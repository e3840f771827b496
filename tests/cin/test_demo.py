import random

import pytest

from haven.assessments import demo as assessments_demo
from haven.assessments.models import Assessment
from haven.cin import demo
from haven.cin.models import CinEpisode, Plan, PlanReview
from haven.core import journal
from haven.demo.families import create_families
from haven.demo.staff import create_staff

pytestmark = pytest.mark.django_db


def _populate(seed=7, children=90):
    rng = random.Random(seed)
    create_staff(rng)
    made = create_families(rng, children)
    demo.populate(rng, made, assess=assessments_demo.assess)


def test_demo_gives_a_third_of_children_episodes_at_every_stage():
    _populate()
    episodes = CinEpisode.objects.count()
    assert 20 <= episodes <= 30
    statuses = set(Assessment.objects.values_list("status", flat=True))
    assert {"in_progress", "submitted", "authorised"} <= statuses
    assert Plan.objects.exists() and PlanReview.objects.exists()
    assert CinEpisode.objects.filter(closed_on__isnull=False).exists()
    assert journal.verify_all() == []


def test_demo_has_referrals_that_ended_in_no_further_action():
    """A few referrals close before any assessment: CIN census ReferralNFA."""
    _populate(seed=1, children=40)
    nfa = CinEpisode.objects.filter(referral_nfa=True)
    assert nfa.exists()
    for episode in nfa:
        assert episode.closed_on is not None
        assert not episode.assessments.exists() and not episode.plans.exists()
        assert episode.closure_reason == "RC7"
