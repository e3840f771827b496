"""Discrepancies in looked-after children's records, each with what to do and
a link to the fix: for managers across their children, and on the child's page."""

import datetime as dt

import pytest

from haven.care.discrepancies import (
    DISCREPANCY_SOURCES,
    Discrepancy,
    discrepancies,
    discrepancy_source,
)
from haven.care.models import PeriodOfCare, Registration
from haven.core.services import allocate_case, restrict_record
from tests.care.factories import ProviderFactory, fostered, in_care, in_home
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
START = dt.date(2025, 1, 10)


def codes(child, today):
    return [d.code for d in discrepancies([child.pk], today)]


def test_sound_records_have_no_discrepancies(child, alice, carer, today):
    # In care from today: the first statutory visit is not yet due.
    in_care(child, by=alice, on=today, placement=fostered(carer))
    assert codes(child, today) == []


def test_a_period_of_care_with_no_placement(child, today):
    # As migrated from an old system: the period without its placements.
    PeriodOfCare.objects.create(person=child, started_on=START, need="N1")
    (found,) = discrepancies([child.pk], today)
    assert found.code == "no_placement"
    assert "no placement recorded for today" in found.says
    assert found.url == f"/people/{child.pk}/#looked-after"


def test_a_provider_whose_registration_lapsed_or_was_never_recorded(
    child, alice, today
):
    home = ProviderFactory(name="Birchwood", registration=None)
    in_care(child, by=alice, on=today, placement=in_home(home))
    (never,) = discrepancies([child.pk], today)
    assert never.code == "provider_not_registered"
    assert "Birchwood has no Ofsted registration recorded" in never.says
    assert never.url == f"/looked-after/providers/{home.pk}/"
    Registration.objects.create(
        provider=home,
        status="registered",
        started_on=dt.date(2015, 1, 1),
        ended_on=dt.date(2026, 1, 1),
    )
    (lapsed,) = discrepancies([child.pk], today)
    assert "registration has lapsed" in lapsed.says
    Registration.objects.create(
        provider=home, status="suspended", started_on=dt.date(2026, 1, 1)
    )
    (suspended,) = discrepancies([child.pk], today)
    assert "registration is registration suspended" in suspended.says.lower()


def test_an_overdue_statutory_visit_from_the_engines_obligations(
    child, alice, carer, today
):
    # Placed three weeks ago and never visited: the engine holds the first
    # visit (within a week of the placement) overdue.
    in_care(
        child, by=alice, on=today - dt.timedelta(days=21), placement=fostered(carer)
    )
    (found,) = discrepancies([child.pk], today)
    assert found.code == "visit_overdue"
    assert "(LAC-VISIT-1)" in found.says
    assert found.url == f"/casework/people/{child.pk}/notes/new/"


def test_a_declared_check_adds_its_discrepancies(child, today):
    discrepancy_source("test: missing")(
        lambda ids, day: [
            Discrepancy(pk, "missing_no_police", "Missing", "Tell the police", "/", "x")
            for pk in ids
        ]
    )
    try:
        assert codes(child, today) == ["missing_no_police"]
    finally:
        del DISCREPANCY_SOURCES["test: missing"]


def test_the_managers_list_names_the_children_they_may_open(
    client, mona, alice, team, today
):
    home = ProviderFactory(name="Birchwood", registration=None)
    named = ChildFactory(given_name="Named")
    secret = ChildFactory(given_name="Secret")
    for child in (named, secret):
        allocate_case(child, team=team, worker=alice, on=dt.date(2024, 1, 5), by=mona)
        in_care(child, by=alice, on=START, placement=in_home(home))
    restrict_record(secret, kind="restricted", reason="Adoption", by=mona)
    client.force_login(mona)
    page = client.get("/looked-after/discrepancies/").content.decode()
    assert "Named Testington" in page
    assert "Secret" not in page
    assert "1 more child whose record you may not open has discrepancies" in page
    assert f"/looked-after/providers/{home.pk}/" in page


def test_a_social_worker_has_no_list_but_sees_the_childs_own(
    client, alice, child, today
):
    home = ProviderFactory(name="Birchwood", registration=None)
    in_care(child, by=alice, on=today, placement=in_home(home))
    client.force_login(alice)
    assert client.get("/looked-after/discrepancies/").status_code == 403
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Discrepancies in this child" in page
    assert "Birchwood has no Ofsted registration recorded" in page


def test_a_child_not_looked_after_has_no_discrepancies_section(client, alice, child):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Discrepancies in this child" not in page
