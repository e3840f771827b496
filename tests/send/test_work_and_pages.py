"""Who sees SEND work and pages: the social worker's queue holds the social
care advice and no other SEND duty; the SEND officer's holds the EHC clocks;
the pages open for those who may read them and refuse the rest."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.services import restrict_record
from haven.core.work import items_for
from haven.send import advice
from tests.conftest import make_user
from tests.send.conftest import ago, assessing, requested

pytestmark = pytest.mark.django_db


def test_the_social_worker_sees_the_advice_asked_of_them_and_no_other_send_duty(
    sally, alice, child
):
    request = assessing(child, sally)
    advice.request_advice(
        request, kinds=["social_care", "health"], on=ago(70), by=sally
    )
    items = [i for i in items_for([alice]) if i.rule_id.startswith("SEN-")]
    assert [(i.title, i.due_on) for i in items] == [
        (
            "Give the social care advice for the EHC needs assessment",
            ago(70) + dt.timedelta(weeks=6),
        )
    ]


def test_the_send_officer_sees_the_ehc_clocks(sally, child):
    requested(child, sally, days=10)
    rules = {i.rule_id for i in items_for([sally])}
    assert {"SEN-ASSESS-DECISION", "SEN-NO-PLAN", "SEN-EHCP-20W"} <= rules


def test_the_queue_shows_the_20_weeks_and_hides_a_restricted_childs_name(
    client, sally, mona, child
):
    requested(child, sally, days=10)
    client.force_login(sally)
    page = client.get(reverse("send:queue")).content.decode()
    assert "Sam Testington" in page
    restrict_record(child, kind="restricted", reason="Staff member's child", by=mona)
    page = client.get(reverse("send:queue")).content.decode()
    assert "Sam Testington" not in page
    assert "A restricted child" in page


def test_the_pages_refuse_those_who_may_not_use_them(
    client, sally, alice, child, service
):
    request = requested(child, sally)
    client.force_login(alice)
    assert client.get(reverse("send:queue")).status_code == 403
    assert client.get(reverse("send:request", args=[request.pk])).status_code == 403
    client.force_login(make_user("otto", "send_officer", service))
    assert client.get(reverse("send:request", args=[request.pk])).status_code == 403
    assert client.get(reverse("send:child", args=[child.pk])).status_code == 403
    client.force_login(sally)
    assert client.get(reverse("send:request", args=[request.pk])).status_code == 200


def test_the_officer_sees_the_social_care_context_not_the_record(client, sally, child):
    requested(child, sally)
    client.force_login(sally)
    page = client.get(reverse("send:child", args=[child.pk])).content.decode()
    assert "Known to social care" in page
    assert "Alice Tester" in page
    assert client.get(reverse("casework:person", args=[child.pk])).status_code == 403


def test_the_social_worker_sees_the_send_section_on_the_childs_page(
    client, sally, alice, child
):
    request = assessing(child, sally)
    (asked,) = advice.request_advice(
        request, kinds=["social_care"], on=ago(70), by=sally
    )
    client.force_login(alice)
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert 'id="send-heading"' in page
    assert "Being assessed" in page
    assert reverse("send:advice", args=[asked.pk]) in page
    assert reverse("send:request", args=[request.pk]) not in page
    assert client.get(reverse("send:advice", args=[asked.pk])).status_code == 200


def test_a_restricted_childs_advice_answers_as_no_advice(
    client, sally, mona, bob, child
):
    request = assessing(child, sally)
    (asked,) = advice.request_advice(request, kinds=["health"], on=ago(70), by=sally)
    restrict_record(child, kind="restricted", reason="Staff member's child", by=mona)
    client.force_login(bob)
    assert client.get(reverse("send:advice", args=[asked.pk])).status_code == 404
    assert client.get(reverse("send:advice", args=[10**9])).status_code == 404
