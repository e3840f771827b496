import datetime as dt

import pytest
from django.urls import reverse

from haven.core.models import JournalEvent
from haven.earlyhelp import services
from haven.earlyhelp.models import EarlyHelpRequest, PlanAction
from haven.earlyhelp.services import ActionLine

pytestmark = pytest.mark.django_db


def date_fields(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


def test_the_queue_shows_the_wait_and_an_allocate_button_for_managers(
    client, request_, emma, ellie
):
    client.force_login(emma)
    html = client.get(reverse("earlyhelp:queue")).content.decode()
    assert str(request_.person) in html
    assert reverse("earlyhelp:allocate", args=[request_.pk]) in html
    client.force_login(ellie)
    html = client.get(reverse("earlyhelp:queue")).content.decode()
    assert str(request_.person) in html
    assert reverse("earlyhelp:allocate", args=[request_.pk]) not in html


def test_social_workers_have_no_queue(client, alice):
    client.force_login(alice)
    assert client.get(reverse("earlyhelp:queue")).status_code == 403


def test_allocate_page_allocates_and_shows_errors(client, request_, emma, ellie):
    client.force_login(emma)
    url = reverse("earlyhelp:allocate", args=[request_.pk])
    assert client.get(url).status_code == 200
    early = request_.requested_on - dt.timedelta(days=1)
    response = client.post(url, {"worker": ellie.pk, **date_fields("on", early)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "must be on or after the date of the request" in html
    assert f'value="{early.year}"' in html
    response = client.post(url, {"worker": ellie.pk})
    assert response.status_code == 302
    request_.refresh_from_db()
    assert request_.allocated_worker == ellie


def test_ellie_cannot_open_the_allocate_page(client, request_, ellie):
    client.force_login(ellie)
    url = reverse("earlyhelp:allocate", args=[request_.pk])
    assert client.get(url).status_code == 403


def test_request_page_adds_the_family_to_the_queue(client, child, alice, ellie):
    client.force_login(alice)
    url = reverse("earlyhelp:request", args=[child.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "source": "step_down",
            "reason": "",
            **date_fields("requested_on", dt.date(2026, 3, 1)),
        },
    )
    html = response.content.decode()
    assert "Say what the family needs help with" in html
    assert 'value="step_down" checked' in html
    response = client.post(
        url,
        {
            "source": "step_down",
            "reason": "Routines",
            **date_fields("requested_on", dt.date(2026, 3, 1)),
        },
    )
    assert response.status_code == 302
    assert EarlyHelpRequest.objects.get(person=child).source == "step_down"


def test_bob_cannot_see_the_childs_early_help(client, request_, bob):
    client.force_login(bob)
    url = reverse("earlyhelp:person", args=[request_.person_id])
    assert client.get(url).status_code == 403


def test_person_page_shows_waiting_then_the_whole_episode(
    client, allocated, ellie, child
):
    client.force_login(ellie)
    url = reverse("earlyhelp:person", args=[child.pk])
    html = client.get(url).content.decode()
    assert "Current early help" in html
    assert reverse("earlyhelp:assessment", args=[allocated.pk]) in html
    services.complete_assessment(
        allocated,
        family_agreed_on=allocated.requested_on,
        family_agreed_by="Mum",
        strengths="Grandparents",
        needs="Attendance",
        analysis="Support",
        completed_on=dt.date(2026, 4, 1),
        by=ellie,
    )
    services.start_plan(
        allocated,
        family_agreed_by="Mum",
        started_on=dt.date(2026, 4, 2),
        actions=[ActionLine("Walk to school", "Mum", dt.date(2026, 4, 30))],
        by=ellie,
    )
    html = client.get(url).content.decode()
    assert "Walk to school" in html
    assert "Grandparents" in html
    action = PlanAction.objects.get()
    response = client.post(reverse("earlyhelp:action_done", args=[action.pk]))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done_on is not None


def test_assessment_page_keeps_what_was_typed_on_error(client, allocated, ellie):
    client.force_login(ellie)
    url = reverse("earlyhelp:assessment", args=[allocated.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "strengths": "Loving family",
            "needs": "",
            "analysis": "x",
            **date_fields("completed_on", dt.date(2026, 4, 1)),
        },
    )
    html = response.content.decode()
    assert "Describe the family&#x27;s needs" in html
    assert "Loving family" in html
    assert "Working Together" in html


def test_plan_and_review_pages(client, allocated, ellie):
    services.complete_assessment(
        allocated,
        family_agreed_on=allocated.requested_on,
        family_agreed_by="Mum",
        strengths="s",
        needs="n",
        analysis="a",
        completed_on=dt.date(2026, 4, 1),
        by=ellie,
    )
    client.force_login(ellie)
    url = reverse("earlyhelp:plan", args=[allocated.pk])
    response = client.post(
        url,
        {
            **date_fields("started_on", dt.date(2026, 4, 2)),
            "family_agreed_by": "Mum and Dad",
            "action_1": "Book course",
            "who_1": "Ellie",
            **date_fields("by_when_1", dt.date(2026, 4, 20)),
            "action_2": "Walk to school",
            "who_2": "",
            **date_fields("by_when_2", dt.date(2026, 4, 20)),
        },
    )
    html = response.content.decode()
    assert "Action 2: enter who will do it" in html
    assert 'id="id_who_2-error"' in html
    assert "Walk to school" in html
    response = client.post(
        url,
        {
            **date_fields("started_on", dt.date(2026, 4, 2)),
            "family_agreed_by": "Mum and Dad",
            "action_1": "Book course",
            "who_1": "Ellie",
            **date_fields("by_when_1", dt.date(2026, 4, 20)),
        },
    )
    assert response.status_code == 302
    plan = allocated.plan
    review_url = reverse("earlyhelp:review", args=[plan.pk])
    response = client.post(
        review_url,
        {"progress": "Better", **date_fields("held_on", dt.date(2026, 5, 1))},
    )
    assert response.status_code == 302
    assert plan.reviews.count() == 1


def test_close_page_refuses_other_without_notes(client, allocated, ellie):
    client.force_login(ellie)
    url = reverse("earlyhelp:close", args=[allocated.pk])
    response = client.post(
        url, {"outcome": "other", **date_fields("closed_on", dt.date(2026, 4, 1))}
    )
    assert "Say why early help ended" in response.content.decode()
    response = client.post(
        url, {"outcome": "needs_met", **date_fields("closed_on", dt.date(2026, 4, 1))}
    )
    assert response.status_code == 302
    allocated.refresh_from_db()
    assert allocated.outcome == "needs_met"


def test_step_up_page_sends_a_contact_to_the_front_door(
    client, allocated, ellie, child
):
    client.force_login(ellie)
    url = reverse("earlyhelp:step_up", args=[allocated.pk])
    response = client.post(url, {"consent": "given", "reason": ""})
    assert "Say why the child needs social care now" in response.content.decode()
    response = client.post(url, {"consent": "given", "reason": "Disclosure"})
    assert response.status_code == 302
    received = JournalEvent.objects.get(person=child, type="frontdoor.contact_received")
    assert received.payload["source"] == "5D"


def test_waiting_times_page(client, request_, emma, alice):
    client.force_login(emma)
    html = client.get(reverse("earlyhelp:waiting_times")).content.decode()
    assert "Early Help Hub" in html
    client.force_login(alice)
    assert client.get(reverse("earlyhelp:waiting_times")).status_code == 403


def test_chronology_reads_the_early_help_events(client, allocated, alice, ellie):
    client.force_login(ellie)
    html = client.get(
        reverse("record:chronology", args=[allocated.person_id])
    ).content.decode()
    assert "Early help requested" in html
    assert "after 18 days waiting" in html


def test_person_page_offers_a_request_when_there_is_none(client, child, alice):
    client.force_login(alice)
    html = client.get(reverse("earlyhelp:person", args=[child.pk])).content.decode()
    assert "has had no early help" in html
    assert reverse("earlyhelp:request", args=[child.pk]) in html


def test_person_page_keeps_closed_history(client, allocated, ellie, alice):
    services.close_episode(
        allocated, closed_on=dt.date(2026, 4, 1), outcome="needs_met", by=ellie
    )
    # The case went back to Alice's team at closure, so her team reads it now.
    client.force_login(alice)
    url = reverse("earlyhelp:person", args=[allocated.person_id])
    html = client.get(url).content.decode()
    assert "Needs met" in html
    assert "Early help from 2 March 2026 to 1 April 2026" in html
