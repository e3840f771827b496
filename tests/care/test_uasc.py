"""Unaccompanied asylum-seeking child status: dated, never overlapping, ceasing
by the 18th birthday at the latest; journalled; the SSDA903 UASC row derived
from it (DUC blank while current, the 18th birthday once passed); shown on the
child's page; refused to a stranger and to a role that does not record care."""

import datetime as dt

import pytest

from haven.care.models import UascStatus
from haven.care.uasc import recording
from haven.care.uasc.ssda903 import uasc_row
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.people.models import Person

pytestmark = pytest.mark.django_db
D = dt.date


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def test_a_status_is_recorded_and_ceases(child, alice):
    status = recording.record_uasc(child, started_on=D(2025, 3, 1), by=alice)
    assert uasc_row(child, D(2025, 6, 1)).fields() == {
        "CHILD": child.la_child_id,
        "SEX": "F",
        "DOB": "04/05/2016",
        "DUC": "",
    }
    recording.cease_uasc(status, on=D(2026, 1, 20), by=alice)
    assert uasc_row(child, D(2026, 3, 31)).fields()["DUC"] == "20/01/2026"
    assert uasc_row(child, D(2025, 2, 1)) is None
    types = JournalEvent.objects.filter(person=child).values_list("type", flat=True)
    assert {recording.STARTED, recording.CEASED} <= set(types)


def test_duc_is_the_18th_birthday_once_passed(child, alice):
    Person.objects.filter(pk=child.pk).update(date_of_birth=D(2008, 2, 10))
    child.refresh_from_db()
    recording.record_uasc(child, started_on=D(2024, 5, 1), by=alice)
    assert uasc_row(child, D(2026, 3, 31)).duc == D(2026, 2, 10)


def test_every_fault_is_named(child, alice):
    Person.objects.filter(pk=child.pk).update(date_of_birth=D(2008, 2, 10))
    child.refresh_from_db()
    recording.record_uasc(child, started_on=D(2024, 5, 1), by=alice)
    with pytest.raises(DomainError) as refused:
        recording.record_uasc(child, started_on=None, ceased_on=D(2030, 1, 1), by=alice)
    assert _codes(refused) == ["date_in_future", "date_required"]
    with pytest.raises(DomainError) as refused:
        recording.record_uasc(
            child, started_on=D(2024, 1, 1), ceased_on=D(2026, 3, 1), by=alice
        )
    assert _codes(refused) == ["ceased_after_18", "uasc_overlaps"]
    status = UascStatus.objects.get()
    with pytest.raises(DomainError) as refused:
        recording.cease_uasc(status, on=D(2024, 4, 1), by=alice)
    assert _codes(refused) == ["ceased_before_start"]
    assert UascStatus.objects.get().ceased_on is None


def test_strangers_and_other_roles_are_refused(child, bob, fiona, alice):
    with pytest.raises(AccessDenied):
        recording.record_uasc(child, started_on=D(2025, 3, 1), by=bob)
    with pytest.raises(DomainError) as refused:
        recording.record_uasc(child, started_on=D(2025, 3, 1), by=fiona)
    assert refused.value.code == "not_permitted"
    assert not UascStatus.objects.exists()


def test_the_childs_page_shows_the_status(client, child, alice):
    recording.record_uasc(child, started_on=D(2025, 3, 1), by=alice)
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Unaccompanied asylum-seeking child" in page
    assert "1 Mar 2025" in page and "DUC (blank: UASC now)" in page


def test_a_stranger_opens_no_uasc_page(client, bob, child, alice):
    status = recording.record_uasc(child, started_on=D(2025, 3, 1), by=alice)
    client.force_login(bob)
    for url in (
        f"/looked-after/people/{child.pk}/uasc/",
        f"/looked-after/uasc/{status.pk}/ceased/",
    ):
        assert client.get(url).status_code in (403, 404), url
