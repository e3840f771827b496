"""Consulting schools and settings at the draft plan stage: once the council
has decided to issue a plan, until the plan is final; each asked once at a
time; the reply's date, answer and gist. Each refusal in words."""

import pytest
from django.urls import reverse

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import JournalEvent
from haven.send import consultation, plans
from haven.send.models import EhcRequest
from tests.conftest import make_user
from tests.send.conftest import ago, assessing, drafted, to_issue

pytestmark = pytest.mark.django_db


def _consulted(request: EhcRequest, sally, days: int = 30):
    return consultation.consult_setting(
        request, school="100001", asked_on=ago(days), by=sally
    )


def test_a_setting_is_consulted_and_replies(sally, child, school):
    request = to_issue(child, sally)
    asked = _consulted(request, sally)
    consultation.record_reply(
        asked, replied_on=ago(20), answer="Y", reply="  Can meet the needs. ", by=sally
    )
    asked.refresh_from_db()
    assert (asked.establishment, asked.answer, asked.reply) == (
        school,
        "Y",
        "Can meet the needs.",
    )
    kinds = JournalEvent.objects.filter(
        person=child, type__in=("send.setting_consulted", "send.consultation_answered")
    ).values_list("type", flat=True)
    assert sorted(kinds) == ["send.consultation_answered", "send.setting_consulted"]


def test_settings_are_consulted_only_after_the_decision_to_issue(sally, child, school):
    request = assessing(child, sally)
    with pytest.raises(DomainErrors) as refused:
        consultation.consult_setting(request, school="", asked_on=None, by=sally)
    assert refused.value.codes == ["not_to_issue", "school_required", "date_required"]


def test_a_setting_is_not_asked_twice_while_its_reply_is_awaited(sally, child, school):
    request = to_issue(child, sally)
    _consulted(request, sally)
    with pytest.raises(DomainErrors) as refused:
        consultation.consult_setting(
            request, school="Hilltop", asked_on=ago(50), by=sally
        )
    assert refused.value.codes == ["date_too_early", "awaiting_reply"]


def test_a_final_plan_takes_no_more_consultations(sally, child, school):
    plan = drafted(child, sally)
    text = plans.PlanText(setting=school, primary_need="ASD")
    plans.issue_plan(plan, on=ago(10), text=text, by=sally)
    with pytest.raises(DomainError) as refused:
        _consulted(plan.request, sally, days=5)
    assert refused.value.code == "plan_final"


def test_every_fault_of_a_reply_at_once(sally, child, school):
    asked = _consulted(to_issue(child, sally), sally)
    with pytest.raises(DomainErrors) as refused:
        consultation.record_reply(
            asked, replied_on=ago(35), answer="", reply=" ", by=sally
        )
    assert refused.value.codes == [
        "date_too_early",
        "answer_required",
        "reply_required",
    ]
    consultation.record_reply(
        asked, replied_on=ago(25), answer="N", reply="No place", by=sally
    )
    with pytest.raises(DomainError) as refused:
        consultation.record_reply(
            asked, replied_on=ago(25), answer="N", reply="No place", by=sally
        )
    assert refused.value.code == "already_replied"


def test_someone_without_access_is_refused(
    client, sally, alice, child, school, service
):
    request = to_issue(child, sally)
    with pytest.raises(DomainError) as refused:
        _consulted(request, alice)
    assert refused.value.code == "not_permitted"
    other = make_user("otto", "send_officer", service)
    with pytest.raises(AccessDenied):
        _consulted(request, other)
    asked = _consulted(request, sally)
    with pytest.raises(AccessDenied):
        consultation.record_reply(
            asked, replied_on=ago(1), answer="Y", reply="Yes", by=other
        )
    client.force_login(other)
    assert client.get(reverse("send:consult", args=[request.pk])).status_code == 403
    reply_url = reverse("send:consultation_reply", args=[asked.pk])
    assert client.get(reply_url).status_code == 403
    client.force_login(sally)
    page = client.get(reverse("send:request", args=[request.pk])).content.decode()
    assert "Hilltop Primary School" in page and reply_url in page
