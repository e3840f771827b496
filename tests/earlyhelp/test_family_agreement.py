"""Early help is voluntary: the family's agreement to the assessment (when, who)
and to the plan (who, on the day it was agreed) is recorded, and refused in
clear words without it."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.earlyhelp import services
from haven.earlyhelp.services import ActionLine

pytestmark = pytest.mark.django_db


def _assess(request, by, **agreement):
    return services.complete_assessment(
        request,
        strengths="Close family",
        needs="Routines",
        analysis="Support will help",
        completed_on=dt.date(2026, 4, 1),
        by=by,
        **agreement,
    )


def test_an_assessment_without_the_familys_agreement_is_refused(allocated, ellie):
    with pytest.raises(DomainError) as err:
        _assess(allocated, ellie)
    fields = {e.field for e in err.value.failures}
    assert fields == {"family_agreed_on", "family_agreed_by"}
    assert "Early help is voluntary" in err.value.failures[0].message


def test_the_agreement_comes_before_the_assessment_is_complete(allocated, ellie):
    with pytest.raises(DomainError) as err:
        _assess(
            allocated,
            ellie,
            family_agreed_on=dt.date(2026, 4, 2),
            family_agreed_by="Mum",
        )
    assert err.value.field == "family_agreed_on"


def test_the_agreement_is_kept_and_journalled(allocated, ellie, child):
    assessment = _assess(
        allocated,
        ellie,
        family_agreed_on=dt.date(2026, 3, 21),
        family_agreed_by="Mum (Sarah Jones)",
    )
    assert (assessment.family_agreed_on, assessment.family_agreed_by) == (
        dt.date(2026, 3, 21),
        "Mum (Sarah Jones)",
    )
    event = JournalEvent.objects.get(
        person=child, type="earlyhelp.assessment_completed"
    )
    assert event.payload["family_agreed_by"] == "Mum (Sarah Jones)"


def test_a_plan_without_the_familys_agreement_is_refused(allocated, ellie):
    _assess(
        allocated,
        ellie,
        family_agreed_on=dt.date(2026, 3, 21),
        family_agreed_by="Mum",
    )
    line = ActionLine("Walk to school", "Mum", dt.date(2026, 4, 30))
    with pytest.raises(DomainError) as err:
        services.start_plan(
            allocated, started_on=dt.date(2026, 4, 2), actions=[line], by=ellie
        )
    assert err.value.field == "family_agreed_by"
    assert "agreed to the plan" in err.value.message
    plan = services.start_plan(
        allocated,
        started_on=dt.date(2026, 4, 2),
        actions=[line],
        family_agreed_by="Mum and Dad",
        by=ellie,
    )
    assert plan.family_agreed_by == "Mum and Dad"


def test_the_assessment_page_says_why_it_is_refused(client, allocated, ellie):
    client.force_login(ellie)
    url = reverse("earlyhelp:assessment", args=[allocated.pk])
    html = client.post(
        url,
        {
            "strengths": "s",
            "needs": "n",
            "analysis": "a",
            "completed_on_day": "1",
            "completed_on_month": "4",
            "completed_on_year": "2026",
        },
    ).content.decode()
    assert "Early help is voluntary: enter the date the family agreed" in html
