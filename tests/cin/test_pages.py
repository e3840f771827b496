import datetime as dt

import pytest
from django.urls import reverse

from haven.assessments import services as assess
from haven.assessments.starting import start_assessment
from haven.cin import services
from haven.cin.models import Plan
from haven.core import clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def episode(child, alice):
    episode = services.open_referral(
        child,
        received_on=clock.today() - dt.timedelta(days=20),
        source="2A",
        contact_id=None,
        by=alice,
    )
    start_assessment(episode, started_on=episode.referral_date, by=alice)
    return services.set_primary_need(episode, "N1", by=alice)


def _date(prefix, day):
    return {
        f"{prefix}_day": day.day,
        f"{prefix}_month": day.month,
        f"{prefix}_year": day.year,
    }


def _plan_post(**action):
    data = {
        "actions-TOTAL_FORMS": "5",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "5",
        **_date("started_on", clock.today()),
        "actions-0-what_must_change": "Jasmine eats breakfast every day",
        "actions-0-who": "Mother",
        **_date("actions-0-by_when", clock.today() + dt.timedelta(days=28)),
        "actions-0-if_not_met": "Review the plan with the school",
    }
    data.update(action)
    return data


def test_the_overview_lists_the_episode_and_its_assessment(client, alice, episode):
    client.force_login(alice)
    html = client.get(reverse("cin:person", args=[episode.person_id])).content.decode()
    assert "Children in need" in html
    assert "N1: Abuse, neglect and exploitation" in html
    assert reverse("assessments:detail", args=[episode.assessments.get().pk]) in html
    assert "Start a child in need plan" in html


def test_bob_cannot_see_the_overview(client, bob, episode):
    client.force_login(bob)
    url = reverse("cin:person", args=[episode.person_id])
    assert client.get(url).status_code == 403


def test_start_plan_with_a_missing_part_shows_the_error_and_keeps_the_text(
    client, alice, episode
):
    client.force_login(alice)
    url = reverse("cin:start_plan", args=[episode.pk])
    assert "Every action needs all four parts" in client.get(url).content.decode()
    response = client.post(url, _plan_post(**{"actions-0-who": ""}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Action 1: enter who will do it" in html
    assert "Jasmine eats breakfast every day" in html
    assert not Plan.objects.exists()


def _authorise(episode, alice, mona):
    assessment = assess.save_assessment(
        episode.assessments.get(),
        {
            "reason": "School reports Jasmine is hungry",
            "factors": ["16A"],
            "analysis": "Neglect is likely",
            "recommendation": "A plan",
            "outcome": "cin_plan",
        },
        by=alice,
    )
    assess.submit_assessment(assessment, by=alice)
    assess.authorise_assessment(assessment, by=mona)


def test_start_plan_review_and_close_through_the_pages(client, alice, mona, episode):
    _authorise(episode, alice, mona)
    client.force_login(alice)
    response = client.post(reverse("cin:start_plan", args=[episode.pk]), _plan_post())
    plan = Plan.objects.get()
    assert response.url == reverse("cin:plan", args=[plan.pk])

    url = reverse("cin:plan", args=[plan.pk])
    html = client.get(url).content.decode()
    assert "Jasmine eats breakfast every day" in html
    assert 'id="next-review"' in html
    html = client.post(
        url, {**_date("held_on", clock.today()), "summary": "", "decision": "continue"}
    ).content.decode()
    assert "Say what the review found" in html
    client.post(
        url,
        {
            **_date("held_on", clock.today()),
            "summary": "Breakfast club going well",
            "decision": "continue",
            "attended": "Jasmine and her father",
            "childs_views": "Breakfast club is fun",
            "parents_views": "Dad is relieved",
        },
    )
    html = client.get(url).content.decode()
    assert "Breakfast club going well" in html
    assert "Jasmine and her father" in html and "Dad is relieved" in html

    close = reverse("cin:close", args=[episode.pk])
    html = client.post(
        close, {**_date("closed_on", clock.today()), "reason": "RC7", "summary": ""}
    ).content.decode()
    assert "Write a closing summary" in html
    response = client.post(
        close,
        {
            **_date("closed_on", clock.today()),
            "reason": "RC7",
            "summary": "No longer in need",
        },
    )
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.closure_reason == "RC7"
    html = client.get(reverse("cin:person", args=[episode.person_id])).content.decode()
    assert "No longer in need" in html


def test_a_manager_without_the_child_cannot_close(client, bob, episode):
    client.force_login(bob)
    assert client.get(reverse("cin:close", args=[episode.pk])).status_code == 403


def test_the_overview_shows_the_referral_source_in_words(client, alice, episode):
    client.force_login(alice)
    html = client.get(reverse("cin:person", args=[episode.person_id])).content.decode()
    assert "(source: Schools)" in html
    assert "source 2A" not in html


def test_a_review_deciding_to_close_leads_to_the_close_page(
    client, alice, mona, episode
):
    _authorise(episode, alice, mona)
    client.force_login(alice)
    client.post(reverse("cin:start_plan", args=[episode.pk]), _plan_post())
    plan = Plan.objects.get()
    response = client.post(
        reverse("cin:plan", args=[plan.pk]),
        {
            **_date("held_on", clock.today()),
            "summary": "Every action is met",
            "decision": "close",
            "attended": "Jasmine and her mother",
        },
    )
    assert response.url == reverse("cin:close", args=[episode.pk])
    html = client.get(response.url).content.decode()
    assert "The review decided to end the plan: close the episode now" in html


def test_the_close_page_proposes_the_outcomes_reason_for_the_worker_to_check(
    client, alice, mona, episode
):
    assessment = assess.save_assessment(
        episode.assessments.get(),
        {
            "reason": "School reports hunger",
            "factors": ["21"],
            "analysis": "No concerns found",
            "recommendation": "No further action",
            "outcome": "nfa",
        },
        by=alice,
    )
    assess.submit_assessment(assessment, by=alice)
    assess.authorise_assessment(assessment, by=mona)
    client.force_login(alice)
    html = client.get(reverse("assessments:detail", args=[assessment.pk])).content
    assert reverse("cin:close", args=[episode.pk]).encode() in html
    html = client.get(reverse("cin:close", args=[episode.pk])).content.decode()
    assert 'value="RC8" checked>' in html
    assert html.count(" checked>") == 1
    assert "Check it is the true reason" in html
