import random

import pytest
from django.db.models import Count

from haven.demo.families import create_families
from haven.demo.staff import create_staff
from haven.earlyhelp import demo, selectors
from haven.earlyhelp.models import EarlyHelpRequest

pytestmark = pytest.mark.django_db


def test_demo_makes_a_queue_and_worked_episodes():
    rng = random.Random(3)
    create_staff(rng)
    children = create_families(rng, 120)
    demo.populate(rng, children)
    requests = EarlyHelpRequest.objects.all()
    waiting = requests.filter(allocated_on__isnull=True, closed_on__isnull=True)
    assert 10 <= waiting.count() <= 20
    assert requests.filter(allocated_on__isnull=False).exists()
    assert requests.filter(plan__isnull=False).exists()
    assert requests.exclude(lead_organisation="").exists()
    assert requests.filter(plan__family_agreed_by="Mum").exists()
    [hub] = selectors.waiting_times_by_team()
    assert hub.waiting_longest is not None and hub.waiting_longest <= 70


def test_demo_has_requests_covering_brothers_and_sisters():
    # Issue 11 item 10: one request may cover several children of a family.
    rng = random.Random(3)
    create_staff(rng)
    children = create_families(rng, 120)
    demo.populate(rng, children)
    families = EarlyHelpRequest.objects.annotate(covered=Count("children")).filter(
        covered__gt=1
    )
    assert families.exists()
    assert families.filter(allocated_on__isnull=False).exists()
