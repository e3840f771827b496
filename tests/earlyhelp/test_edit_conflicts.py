"""Two workers complete the family's early help assessment (or agree its plan)
from pages opened at the same time: each can be written once, so the second is
refused in words with what they typed still on the page, and the first stands."""

import html as html_lib

import pytest
from django.urls import reverse

from haven.earlyhelp.models import EarlyHelpAssessment

pytestmark = pytest.mark.django_db


def _assessment(strengths):
    return {
        "completed_on_day": "1",
        "completed_on_month": "4",
        "completed_on_year": "2026",
        "family_agreed_on_day": "20",
        "family_agreed_on_month": "3",
        "family_agreed_on_year": "2026",
        "family_agreed_by": "Mum",
        "strengths": strengths,
        "needs": "Routines",
        "analysis": "Support will help",
    }


def test_the_second_assessment_is_refused_and_keeps_its_text(
    client, allocated, ellie, emma, freezer
):
    url = reverse("earlyhelp:assessment", args=[allocated.pk])
    client.force_login(ellie)
    assert client.post(url, _assessment("Ellie's strengths")).status_code == 302
    client.force_login(emma)
    page = client.post(url, _assessment("Emma's strengths"))
    html = html_lib.unescape(page.content.decode())
    assert "The early help assessment is already complete" in html
    assert "Emma's strengths" in html
    assert EarlyHelpAssessment.objects.get().strengths == "Ellie's strengths"
