"""Care leavers through the services and pages: the status read from the
periods of care (short breaks left out), the OC3 birthday record refused with
every fault named at once, the OC3 row derived for a collection year, and the
"Leaving care" section on an adult's page; a stranger can neither read nor
write, and never sees a restricted young person's name."""

import datetime as dt

import pytest

from haven.care.leavers import oc3
from haven.care.leavers.keeping_in_touch import Contact, record_birthday_contact
from haven.care.leavers.rules import ELIGIBLE, FORMER_RELEVANT, RELEVANT
from haven.care.leavers.status import leaver_status
from haven.care.models import BirthdayContact
from haven.care.services import end_period_of_care
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case, restrict_record
from tests.care.factories import fostered, in_care
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date
BORN = D(2007, 5, 4)  # 19 on 15 June 2026


@pytest.fixture
def leaver(alice, mona, team, today):
    """Kieran, looked after from 14 and a half until 17 and a half."""
    person = ChildFactory(
        given_name="Kieran", family_name="Thackray", date_of_birth=BORN
    )
    allocate_case(person, team=team, worker=alice, on=D(2021, 9, 1), by=mona)
    return person


@pytest.fixture
def cared(leaver, alice, carer):
    period = in_care(leaver, by=alice, on=D(2021, 11, 10), placement=fostered(carer))
    return end_period_of_care(period, on=D(2024, 11, 4), reason="E8", by=alice)


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def _contact(age=18, **kw):
    values = {
        "age": age,
        "in_touch": "YES",
        "activity": "F2",
        "accommodation": "E1",
        "contacted_on": D(2025, 5, 6),
        **kw,
    }
    return Contact(**values)


def test_the_status_follows_the_periods_of_care(leaver, cared):
    assert leaver_status(leaver, D(2023, 5, 3)).kind == ""  # 15
    assert leaver_status(leaver, D(2023, 5, 4)).kind == ELIGIBLE  # 16
    assert leaver_status(leaver, D(2024, 11, 4)).kind == RELEVANT
    today = leaver_status(leaver, D(2026, 6, 15))
    assert today.kind == FORMER_RELEVANT
    assert "s23C" in today.source


def test_short_breaks_do_not_make_a_care_leaver(leaver, alice, carer):
    period = in_care(
        leaver,
        by=alice,
        on=D(2024, 1, 10),
        legal_status="V4",
        placement=fostered(carer),
    )
    end_period_of_care(period, on=D(2024, 6, 4), reason="E8", by=alice)
    assert leaver_status(leaver, D(2024, 5, 1)).kind == ""
    assert leaver_status(leaver, D(2026, 6, 15)).kind == ""


def test_a_birthday_is_recorded_and_journalled(leaver, cared, alice):
    made = record_birthday_contact(leaver, _contact(), by=alice)
    assert (made.age, made.in_touch, made.accommodation) == (18, "YES", "E1")
    event = JournalEvent.objects.get(type="care.birthday_contact_recorded")
    assert event.payload["age"] == 18


def test_every_fault_is_named_at_once(leaver, cared, alice):
    with pytest.raises(DomainError) as refused:
        record_birthday_contact(
            leaver,
            Contact(None, "MAYBE", "", "Q1", None),
            by=alice,
        )
    assert _codes(refused) == [
        "accommodation_required",
        "activity_required",
        "age_required",
        "date_required",
        "in_touch_required",
    ]
    assert not BirthdayContact.objects.exists()


def test_a_birthday_to_come_or_recorded_twice_is_refused(leaver, cared, alice):
    record_birthday_contact(leaver, _contact(), by=alice)
    with pytest.raises(DomainError) as refused:
        record_birthday_contact(leaver, _contact(), by=alice)
    assert _codes(refused) == ["already_recorded"]
    with pytest.raises(DomainError) as refused:
        record_birthday_contact(leaver, _contact(age=20), by=alice)
    assert _codes(refused) == ["birthday_to_come"]


def test_at_17_not_with_former_foster_carers_nor_in_a_foyer(leaver, cared, alice):
    """17th birthday: 4 May 2024, still looked after, so not yet a care leaver."""
    with pytest.raises(DomainError) as refused:
        record_birthday_contact(leaver, _contact(age=17, accommodation="Z1"), by=alice)
    assert _codes(refused) == ["former_foster_carers_at_17", "not_a_care_leaver"]


def test_someone_never_a_care_leaver_has_no_birthday_record(alice, mona, team, today):
    person = ChildFactory(date_of_birth=BORN)
    allocate_case(person, team=team, worker=alice, on=D(2021, 9, 1), by=mona)
    with pytest.raises(DomainError) as refused:
        record_birthday_contact(person, _contact(), by=alice)
    assert _codes(refused) == ["not_a_care_leaver"]


def test_a_stranger_cannot_record(leaver, cared, bob):
    with pytest.raises((AccessDenied, DomainError)):
        record_birthday_contact(leaver, _contact(), by=bob)
    assert not BirthdayContact.objects.exists()


def test_the_oc3_row_is_derived_for_the_year_of_the_birthday(leaver, cared, alice):
    assert oc3.oc3_row(leaver, 2025) is None  # 17th birthday: still looked after
    blank = oc3.oc3_row(leaver, 2026)  # 18th birthday, 4 May 2025
    assert blank is not None and blank.fields() == {
        "IN_TOUCH": "",
        "ACTIV": "",
        "ACCOM": "",
    }
    record_birthday_contact(leaver, _contact(), by=alice)
    row = oc3.oc3_row(leaver, 2026)
    assert row is not None
    assert (row.age, row.birthday) == (18, D(2025, 5, 4))
    assert row.fields() == {"IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "E1"}
    assert oc3.oc3_row(leaver, 2027).fields()["IN_TOUCH"] == ""  # 19th


def test_an_adult_care_leavers_record_opens_with_the_section(
    client, alice, leaver, cared
):
    record_birthday_contact(leaver, _contact(), by=alice)
    client.force_login(alice)
    page = client.get(f"/people/{leaver.pk}/").content.decode()
    assert 'id="leaving-care-heading"' in page
    assert "Former relevant child" in page
    assert "Personal adviser: none allocated" in page
    assert "In supported lodgings, suitable" in page
    assert f"/looked-after/people/{leaver.pk}/leaving-care/birthday/" in page


def test_the_birthday_is_recorded_through_the_page(client, alice, leaver, cared):
    client.force_login(alice)
    url = f"/looked-after/people/{leaver.pk}/leaving-care/birthday/"
    assert client.get(url).status_code == 200
    response = client.post(url, {})
    assert response.status_code == 200
    assert "Choose the birthday, from 17 to 21" in response.content.decode()
    response = client.post(
        url,
        {
            "age": "18",
            "contacted_on_day": "6",
            "contacted_on_month": "5",
            "contacted_on_year": "2025",
            "in_touch": "YES",
            "activity": "G5",
            "accommodation": "U1",
        },
    )
    assert response.status_code == 302
    assert BirthdayContact.objects.get().activity == "G5"
    chronology = client.get(f"/people/{leaver.pk}/chronology/").content.decode()
    assert "Keeping in touch at 18: in touch" in chronology


def test_no_section_for_someone_never_looked_after(client, alice, child):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert 'id="leaving-care-heading"' not in page


def test_a_stranger_can_neither_open_nor_post(client, bob, leaver, cared):
    client.force_login(bob)
    url = f"/looked-after/people/{leaver.pk}/leaving-care/birthday/"
    assert client.get(url).status_code in (403, 404)
    assert client.post(url, {"age": "18"}).status_code in (403, 404)
    assert not BirthdayContact.objects.exists()


def test_a_restricted_name_never_appears_to_a_stranger(
    client, bob, mona, alice, leaver, cared
):
    record_birthday_contact(leaver, _contact(), by=alice)
    restrict_record(leaver, kind="restricted", reason="High profile", by=mona)
    client.force_login(bob)
    for url in [
        f"/looked-after/people/{leaver.pk}/leaving-care/birthday/",
        f"/people/{leaver.pk}/",
        "/",
    ]:
        assert "Thackray" not in client.get(url).content.decode(), url
