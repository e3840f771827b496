"""A care leaver's support: where they live and the personal adviser's visits
there (CL-PA-VISIT-1 within 7 days of accommodation first provided, then
CL-PA-VISIT-N at most two months apart, on the adviser's My work on the right
day), staying put and staying close dated to their end and counted, the
council's local offer on the section, and a leaver of 20 keeping their page,
section and queue items."""

import datetime as dt

import pytest

from haven.care.leavers import accommodation, staying
from haven.care.models import AdviserVisit, LeaverAccommodation, StayingArrangement
from haven.care.services import end_period_of_care
from haven.casework.services import transfer_case
from haven.core.caseroles import CaseRole
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.timescales.models import Obligation
from haven.timescales.queue import my_work
from tests.care.factories import fostered, in_care
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date
VISIT_RULES = ("CL-PA-VISIT-1", "CL-PA-VISIT-N")


@pytest.fixture
def leaver(alice, mona, team, today, carer):
    """Kieran, 19, looked after from 14 and a half until 17 and a half."""
    person = ChildFactory(
        given_name="Kieran", family_name="Thackray", date_of_birth=D(2007, 5, 4)
    )
    allocate_case(person, team=team, worker=alice, on=D(2021, 9, 1), by=mona)
    period = in_care(person, by=alice, on=D(2021, 11, 10), placement=fostered(carer))
    end_period_of_care(period, on=D(2024, 11, 4), reason="E8", by=alice)
    return person


@pytest.fixture
def adviser(leaver, team, mona):
    pat = make_user("pat", "social_worker", team)
    transfer_case(
        leaver,
        team=team,
        worker=pat,
        reason="Leaving care team takes over support",
        role=CaseRole.PERSONAL_ADVISER,
        by=mona,
    )
    return pat


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def _visits(person):
    return sorted(
        (o.rule_id, o.due_on, o.status)
        for o in Obligation.objects.filter(person=person, rule_id__in=VISIT_RULES)
    )


def _queued(user):
    overdue, rest = my_work(user)
    return sorted(i.rule_id for i in overdue + rest if i.rule_id in VISIT_RULES)


def _move(person, by, on, place="12 Mill Lane", code="E1"):
    return accommodation.provide_accommodation(
        person, started_on=on, accommodation=code, place=place, by=by
    )


def test_accommodation_names_every_fault_at_once(leaver, adviser):
    with pytest.raises(DomainError) as refused:
        accommodation.provide_accommodation(
            leaver, started_on=D(2021, 1, 1), accommodation="Q9", place=" ", by=adviser
        )
    assert _codes(refused) == [
        "accommodation_required",
        "not_a_care_leaver",
        "place_required",
    ]
    assert not LeaverAccommodation.objects.exists()


def test_visits_fall_due_within_7_days_then_every_two_months(leaver, adviser):
    _move(leaver, adviser, D(2026, 6, 1))
    assert _visits(leaver) == [("CL-PA-VISIT-1", D(2026, 6, 8), "due")]
    assert _queued(adviser) == ["CL-PA-VISIT-1"]
    accommodation.record_adviser_visit(
        leaver, visited_on=D(2026, 6, 5), note="Settled in; fridge empty.", by=adviser
    )
    assert _visits(leaver) == [
        ("CL-PA-VISIT-1", D(2026, 6, 8), "met_on_time"),
        ("CL-PA-VISIT-N", D(2026, 8, 5), "due"),
    ]
    assert _queued(adviser) == ["CL-PA-VISIT-N"]
    event = JournalEvent.objects.get(type=accommodation.VISITED)
    assert event.payload["accommodation"] == LeaverAccommodation.objects.get().pk


def test_a_move_ends_the_old_place_and_starts_the_7_days_again(leaver, adviser):
    first = _move(leaver, adviser, D(2026, 3, 1), place="Foyer, Station Road")
    accommodation.record_adviser_visit(
        leaver, visited_on=D(2026, 3, 3), note="Room tidy.", by=adviser
    )
    _move(leaver, adviser, D(2026, 6, 10), code="E2")
    assert LeaverAccommodation.objects.get(pk=first.pk).ended_on == D(2026, 6, 10)
    assert _visits(leaver) == [
        ("CL-PA-VISIT-1", D(2026, 3, 8), "met_on_time"),
        ("CL-PA-VISIT-1", D(2026, 6, 17), "due"),
        ("CL-PA-VISIT-N", D(2026, 5, 3), "no_longer_required"),
    ]
    with pytest.raises(DomainError) as refused:
        _move(leaver, adviser, D(2026, 6, 10))
    assert _codes(refused) == ["before_last_accommodation"]


def test_a_visit_needs_somewhere_they_lived_and_a_note(leaver, adviser):
    with pytest.raises(DomainError) as refused:
        accommodation.record_adviser_visit(
            leaver, visited_on=D(2026, 6, 1), note="", by=adviser
        )
    assert _codes(refused) == ["no_accommodation", "note_required"]
    assert not AdviserVisit.objects.exists()


def test_staying_put_runs_to_21_and_is_counted(leaver, adviser):
    made = staying.record_staying(
        leaver,
        kind="staying_put",
        started_on=D(2025, 5, 4),
        ends_on=None,
        with_whom="Maureen, former foster carer",
        by=adviser,
    )
    assert made.ends_on == D(2028, 5, 4)
    staying.record_staying(
        leaver,
        kind="staying_close",
        started_on=D(2026, 1, 5),
        ends_on=D(2026, 6, 1),
        with_whom="Near Larchfield House",
        by=adviser,
    )
    assert staying.counted(staying.arrangements(leaver)) == {
        "Staying put": 1,
        "Staying close": 1,
    }
    with pytest.raises(DomainError) as refused:
        staying.record_staying(
            leaver,
            kind="",
            started_on=D(2024, 12, 1),
            ends_on=D(2028, 6, 1),
            with_whom="",
            by=adviser,
        )
    assert _codes(refused) == [
        "after_last_birthday",
        "kind_required",
        "not_former_relevant",
        "with_whom_required",
    ]
    assert StayingArrangement.objects.count() == 2


def test_staying_close_runs_to_the_councils_birthday(leaver, adviser, settings):
    """Staying put's 21 is the law's; staying close's is the council's setting,
    named in the refusal."""
    settings.HAVEN_STAYING_CLOSE_UNTIL_AGE = 25
    made = staying.record_staying(
        leaver,
        kind="staying_close",
        started_on=D(2026, 1, 5),
        ends_on=None,
        with_whom="Near Larchfield House",
        by=adviser,
    )
    assert made.ends_on == D(2032, 5, 4)
    with pytest.raises(DomainError) as refused:
        staying.record_staying(
            leaver,
            kind="staying_put",
            started_on=D(2026, 1, 5),
            ends_on=D(2029, 1, 1),
            with_whom="Maureen, former foster carer",
            by=adviser,
        )
    (failure,) = refused.value.failures
    assert failure.code == "after_last_birthday"
    assert "on their 21st birthday" in failure.message
    assert "Children Act 1989 s23CZA" in failure.message


def test_the_section_shows_support_and_the_local_offer(
    client, leaver, adviser, settings
):
    settings.HAVEN_CARE_LEAVERS_LOCAL_OFFER_URL = "https://council.example/offer"
    _move(leaver, adviser, D(2026, 6, 1), place="Flat 3, Mill Lane")
    staying.record_staying(
        leaver,
        kind="staying_put",
        started_on=D(2025, 5, 4),
        ends_on=None,
        with_whom="Maureen",
        by=adviser,
    )
    client.force_login(adviser)
    page = client.get(f"/people/{leaver.pk}/").content.decode()
    assert "Lives: Flat 3, Mill Lane, in supported lodgings, suitable" in page
    assert "Next personal adviser's visit by 8 June 2026" in page
    assert "Staying put: 1 arrangement; Staying close: 0 arrangements." in page
    assert 'href="https://council.example/offer"' in page
    settings.HAVEN_CARE_LEAVERS_LOCAL_OFFER_URL = ""
    page = client.get(f"/people/{leaver.pk}/").content.decode()
    assert "local offer for care leavers is not set" in page


def test_the_pages_record_and_a_stranger_is_refused(client, leaver, adviser, bob):
    base = f"/looked-after/people/{leaver.pk}/leaving-care/"
    client.force_login(adviser)
    response = client.post(base + "accommodation/", {})
    assert "Enter the address or place" in response.content.decode()
    data = {
        "started_on_day": "1",
        "started_on_month": "6",
        "started_on_year": "2026",
        "place": "Flat 3",
        "accommodation": "E1",
    }
    assert client.post(base + "accommodation/", data).status_code == 302
    data = {"visited_on_day": "2", "visited_on_month": "6", "visited_on_year": "2026"}
    assert (
        client.post(base + "adviser-visit/", data | {"note": "Fine."}).status_code
        == 302
    )
    data = {
        "kind": "staying_close",
        "with_whom": "Near Larchfield",
        "started_on_day": "1",
        "started_on_month": "6",
        "started_on_year": "2026",
    }
    assert client.post(base + "staying/", data).status_code == 302
    chronology = client.get(f"/people/{leaver.pk}/chronology/").content.decode()
    assert "Visited by their personal adviser" in chronology
    assert "Staying close recorded" in chronology
    with pytest.raises((AccessDenied, DomainError)):
        _move(leaver, bob, D(2026, 6, 12))
    client.force_login(bob)
    for url in ("accommodation/", "adviser-visit/", "staying/"):
        assert client.get(base + url).status_code in (403, 404)
        assert client.post(base + url, {}).status_code in (403, 404)
    assert LeaverAccommodation.objects.count() == 1


def test_a_leaver_of_20_keeps_their_page_section_and_queue(
    client, leaver, adviser, freezer
):
    _move(leaver, adviser, D(2026, 6, 1))
    accommodation.record_adviser_visit(
        leaver, visited_on=D(2026, 6, 2), note="Fine.", by=adviser
    )
    freezer.move_to(dt.timedelta(days=370))  # 20 June 2027: Kieran is 20
    client.force_login(adviser)
    response = client.get(f"/people/{leaver.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Former relevant child" in page and 'id="leaving-care"' in page
    overdue, _ = my_work(adviser)
    assert [i.rule_id for i in overdue if i.rule_id in VISIT_RULES] == ["CL-PA-VISIT-N"]
