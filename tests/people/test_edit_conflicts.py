"""Two people change the same person's details from the same version: the
first save stands, the second is refused with both versions shown, and saves
once merged. Nothing either typed is lost."""

import datetime as dt
import html as html_lib

import pytest
from django.urls import reverse

from haven.core.services import allocate_case
from haven.core.versions import StaleEdit
from haven.people import services
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

FORM = {
    "given_name": "Jasmine",
    "family_name": "Thackray",
    "date_of_birth_day": "4",
    "date_of_birth_month": "5",
    "date_of_birth_year": "2016",
    "sex": "F",
    "ethnicity": "WBRI",
    "first_language": "",
    "reason": "",
}


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(
        given_name="Jasmine",
        family_name="Thackray",
        date_of_birth=dt.date(2016, 5, 4),
        sex="F",
        ethnicity="WBRI",
    )
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def bea(team):
    return make_user("bea", "social_worker", team)


def test_a_stale_change_is_refused_with_the_saved_values(alice, bea, child):
    read_at = child.version
    services.change_details(
        child, {"first_language": "Welsh"}, by=alice, expected_version=read_at
    )
    with pytest.raises(StaleEdit) as refused:
        services.change_details(
            child, {"first_language": "Polish"}, by=bea, expected_version=read_at
        )
    assert refused.value.current["first_language"] == "Welsh"
    assert refused.value.version == read_at + 1
    child.refresh_from_db()
    assert child.first_language == "Welsh"
    services.change_details(
        child,
        {"first_language": "Welsh and Polish"},
        by=bea,
        expected_version=refused.value.version,
    )
    child.refresh_from_db()
    assert child.first_language == "Welsh and Polish"
    assert child.version == read_at + 2


def test_the_journal_keeps_both_saves_so_nothing_is_unrecoverable(alice, bea, child):
    services.change_details(child, {"religion": "Quaker"}, by=alice, expected_version=1)
    services.change_details(child, {"religion": "None"}, by=bea, expected_version=2)
    events = child.journal.filter(type="people.details_changed").order_by("pk")
    assert [e.payload["after"]["religion"] for e in events] == ["Quaker", "None"]
    assert events.last().payload["before"]["religion"] == "Quaker"


def _edit(client, user, child):
    client.force_login(user)
    client.get(reverse("people:edit", args=[child.pk]))


def test_the_second_save_gets_a_page_showing_both_and_keeps_the_first(
    client, alice, bea, child
):
    url = reverse("people:edit", args=[child.pk])
    client.force_login(alice)
    assert 'name="version" value="1"' in client.get(url).content.decode()
    first = client.post(url, {**FORM, "first_language": "Welsh", "version": "1"})
    assert first.status_code == 302

    client.force_login(bea)
    second = client.post(url, {**FORM, "first_language": "Polish", "version": "1"})
    assert second.status_code == 409
    page = html_lib.unescape(second.content.decode())
    assert "Someone else changed this record since you opened it" in page
    assert "govuk-error-summary" in page
    row = page.split('id="conflict-first_language"')[1].split("</tr>")[0]
    assert "Welsh" in row and "Polish" in row
    assert 'id="conflict-given_name"' not in page  # the same on both sides
    assert 'value="Polish"' in page  # what Bea typed is still in the form
    assert 'name="version" value="2"' in page  # now at the current version
    child.refresh_from_db()
    assert child.first_language == "Welsh"

    merged = client.post(
        url, {**FORM, "first_language": "Welsh and Polish", "version": "2"}
    )
    assert merged.status_code == 302
    child.refresh_from_db()
    assert child.first_language == "Welsh and Polish"


def test_a_form_without_its_version_saves_nothing(client, alice, child):
    client.force_login(alice)
    url = reverse("people:edit", args=[child.pk])
    page = client.post(url, {**FORM, "first_language": "Welsh"})
    assert "This page is out of date: open it again" in page.content.decode()
    child.refresh_from_db()
    assert child.first_language == ""
