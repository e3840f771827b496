import random

import pytest

from haven.casework import demo
from haven.casework.models import CaseNote, Draft, Supervision
from haven.demo.families import create_families
from haven.demo.staff import create_staff

pytestmark = pytest.mark.django_db


def test_populate_creates_notes_supervisions_and_drafts():
    rng = random.Random(3)
    create_staff(rng)
    children = create_families(rng, 12)
    demo.populate(rng, children)
    assert CaseNote.objects.values("person").distinct().count() >= 6
    assert Supervision.objects.exists()
    assert Draft.objects.count() <= 2
