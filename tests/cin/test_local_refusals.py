"""Haven's own refusals on a child in need episode, beyond the census's rules:
each says it is local practice, a setting switches it off, and recording history
never meets it. And N0 ("Not stated"), in the DfE list, only for history."""

import pytest

from haven.cin import plans, services
from haven.core import clock, codelists
from haven.core.errors import DomainError
from tests.cin.test_services import _action, _authorised, _days_ago, _refer

pytestmark = pytest.mark.django_db


def _with_plan(child, alice, mona):
    episode = _authorised(child, alice, mona)
    plans.start_plan(episode, started_on=_days_ago(2), actions=[_action()], by=alice)
    return episode


def _close_rc8(episode, alice, **kw):
    return services.close_episode(
        episode, closed_on=clock.today(), reason="RC8", summary="Closed", by=alice, **kw
    )


def test_closing_after_assessment_once_a_plan_ran_is_refused_as_local_practice(
    child, alice, mona, settings
):
    settings.HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN = True
    episode = _with_plan(child, alice, mona)
    with pytest.raises(DomainError) as refused:
        _close_rc8(episode, alice)
    assert refused.value.code == "plan_on_episode"
    assert refused.value.message.startswith("Local practice, not a DfE rule")


def test_the_council_can_switch_the_plan_refusal_off(child, alice, mona, settings):
    settings.HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN = False
    episode = _with_plan(child, alice, mona)
    _close_rc8(episode, alice)
    episode.refresh_from_db()
    assert episode.closure_reason == "RC8"


def test_history_never_meets_the_plan_refusal(child, alice, mona, settings):
    settings.HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN = True
    episode = _with_plan(child, alice, mona)
    _close_rc8(episode, alice, history=True)
    episode.refresh_from_db()
    assert episode.closure_reason == "RC8"


def test_n0_is_refused_for_new_recording_and_accepted_for_history(child, alice):
    episode = _refer(child, alice)
    with pytest.raises(DomainError) as refused:
        services.set_primary_need(episode, "N0", by=alice)
    assert refused.value.code == "need_not_stated"
    services.set_primary_need(episode, "N0", by=alice, history=True)
    episode.refresh_from_db()
    assert episode.primary_need == "N0"


def test_a_need_not_in_the_list_is_refused_even_for_history(child, alice):
    episode = _refer(child, alice)
    with pytest.raises(DomainError) as refused:
        services.set_primary_need(episode, "N10", by=alice, history=True)
    assert refused.value.code == "need_required"


def test_the_primary_need_form_does_not_offer_n0():
    from haven.cin.forms import StartPlanForm

    offered = dict(StartPlanForm().fields["primary_need"].choices)
    assert "N0" not in offered
    assert offered["N1"] == codelists.wording(
        "cin_primary_need", "N1", year=codelists.current_year()
    )


def test_the_closing_page_labels_the_plan_rule_as_local_practice(
    client, child, alice, settings
):
    from django.urls import reverse

    episode = _refer(child, alice)
    client.force_login(alice)
    url = reverse("cin:close", args=[episode.pk])
    settings.HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN = True
    assert "Local practice, not a DfE rule" in client.get(url).content.decode()
    settings.HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN = False
    assert "Local practice, not a DfE rule" not in client.get(url).content.decode()
