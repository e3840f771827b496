"""The demo authority's CIN census for the last collection year: Haven's own
checks find nothing, and the public CIN validator finds no error other than
its documented false positives (validators.md)."""

import pytest

from haven.demo.families import LA_CODE
from haven.returns import registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def census(last_year, settings):  # type: ignore[no-untyped-def]
    settings.HAVEN_LA_CODE = LA_CODE  # the demo authority, Kirklees
    declared = registry.get("cin")
    assert declared is not None
    return declared, declared.build(last_year)


def test_the_demo_census_passes_havens_checks_and_the_validator(census, last_year):
    declared, built = census
    assert len(built.person_ids) > 50
    assert [f"{f.person_id} {f.rule} {f.words}" for f in built.faults] == []
    found = declared.validate(built, last_year)
    errors = [
        f"{f.person_id} {f.rule} {f.words}"
        for f in found
        if not f.query and not f.known_false_positive
    ]
    assert errors == []
