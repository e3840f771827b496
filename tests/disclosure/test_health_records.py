"""A looked-after child's health and education records in the subject access
export, each naming its third parties (the health professional, the teachers)
for the officer to review."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from haven.care.education import recording as education
from haven.care.health import records
from haven.core import clock
from haven.core.services import allocate_case
from tests.care.factories import CarerFactory, fostered, in_care
from tests.care.health_helpers import assess
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
THIRD_PARTY = "third party — review before release"


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=_day(400), by=mona)
    in_care(child, by=alice, on=_day(200), placement=fostered(CarerFactory()))
    assess(child, by=alice, on=_day(180), kind="initial")
    records.record_sdq(
        child, score=21, completed_by="carer", completed_on=_day(30), by=alice
    )
    records.record_offence(child, kind="reprimand", on=_day(20), by=alice)
    education.record_pep(
        child,
        education.Pep(
            held_on=_day(190),
            term="autumn",
            school="Moorside Primary",
            designated_teacher="Mrs Ada Kettle",
            virtual_school="",
            summary="Reading catch-up",
        ),
        by=alice,
    )
    return child


def test_the_export_holds_the_childs_health_and_education(client, mona, child):
    client.force_login(mona)
    response = client.get(reverse("disclosure:subject_access", args=[child.pk]))
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    by_section = {r["section"]: r for r in rows}
    assessment = by_section["Health assessment"]
    assert assessment["item"] == "Initial health assessment"
    assert "Dr Priya Okafor" in assessment[THIRD_PARTY]
    assert by_section["SDQ"]["item"] == "Score 21"
    assert by_section["Offending"]["item"] == "Reprimand"
    pep = by_section["Personal education plan"]
    assert pep["text"] == "Reading catch-up"
    assert "designated teacher: Mrs Ada Kettle" in pep[THIRD_PARTY]
