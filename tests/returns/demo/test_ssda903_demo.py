"""The demo authority's SSDA903 for the last collection year: Haven's own
checks find nothing, and the public 903 validator finds no error other than
its documented false positives (validators.md, haven/returns/validators/
known.py, where SW12STG2 and 169 joined them while this return was built)."""

import pytest

from haven.returns import registry
from haven.returns.ssda903 import tables

pytestmark = pytest.mark.django_db

# The demo authority's area (Kirklees: the Makefile's `make run` sets it too),
# which the validator needs to tell a placement in the area from one outside.
AREA = ["E08000034"]


@pytest.fixture
def built(last_year, settings):
    settings.HAVEN_AREA_CODES = AREA
    return registry.get("ssda903").build(last_year)


def _said(faults):
    return "\n".join(f"{f.person_id} {f.rule}: {f.words}" for f in faults)


def test_the_demo_903_has_children_in_its_tables_and_haven_finds_no_fault(built):
    for name in (tables.HEADER, tables.EPISODES, tables.REVIEWS, tables.OC2):
        assert built.files[name].count(b"\n") > 5, name
    assert built.faults == [], _said(built.faults)


def test_the_demo_903_passes_the_public_validator(built, last_year, settings):
    settings.HAVEN_AREA_CODES = AREA
    found = registry.get("ssda903").validate(built, last_year)
    errors = [f for f in found if not f.known_false_positive and not f.query]
    assert errors == [], _said(errors)
