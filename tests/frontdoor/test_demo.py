import random

import pytest

from haven.demo.families import create_families
from haven.demo.staff import create_staff
from haven.frontdoor import demo
from haven.frontdoor.models import ContactChild

pytestmark = pytest.mark.django_db


def test_demo_contacts_are_mostly_decided_and_a_few_wait(db):
    rng = random.Random(3)
    create_staff(rng)
    children = create_families(rng, 30)
    demo.populate(rng, children)
    named = ContactChild.objects.all()
    assert named.count() >= 8
    assert named.filter(decision="").exists()
    assert named.exclude(decision="").count() > named.filter(decision="").count()
