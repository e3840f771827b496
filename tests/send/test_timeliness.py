"""EHC plan timeliness: each month's final plans, within 20 weeks of the
request by the engine's own date, with and without exceptions, each figure
opening onto the children behind it and never naming a restricted child to a
reader who may not see them."""

import pytest
from django.urls import reverse

from haven.core.services import restrict_record
from haven.send import plans, services, timeliness
from tests.conftest import make_user
from tests.factories import ChildFactory
from tests.send.conftest import ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def june(freezer):
    """Haven's clock on 20 June 2026: every plan below is issued that month."""
    freezer.at = freezer.at.replace(year=2026, month=6, day=20, hour=12)


def _issued(name, sally, school, *, received, exception=""):
    """A plan issued 5 days ago for a request that came `received` days ago."""
    child = ChildFactory(given_name=name)
    request = services.record_request(
        child, received_on=ago(received), source="parent", details="", by=sally
    )
    services.decide_assessment(request, decision="Y", on=ago(received - 10), by=sally)
    services.decide_plan(request, decision="Y", on=ago(received - 20), by=sally)
    text = plans.PlanText(sections={"a": "Views."}, primary_need="ASD", setting=school)
    plan = plans.serve_draft(request, on=ago(30), text=text, by=sally)
    return plans.issue_plan(plan, on=ago(5), text=text, exception=exception, by=sally)


@pytest.fixture
def issued(june, sally, school):
    """One plan within 20 weeks, one after, one after with an exception."""
    return [
        _issued("Ona", sally, school, received=100),
        _issued("Lio", sally, school, received=200),
        _issued("Exa", sally, school, received=180, exception="holiday"),
    ]


def test_the_month_counts_each_plan_against_the_engines_20_weeks(issued):
    months, whole = timeliness.year(2026)
    june = months[5]
    assert [(c.value, c.figure) for c in june.cells()] == [
        (3, "issued"),
        (1, "on_time"),
        (2, "late"),
        (33, ""),  # 1 of 3
        (1, "exception"),
        (50, ""),  # 1 of the 2 without an exception
        (0, "no_clock"),
    ]
    assert [c.value for c in whole.cells()] == [c.value for c in june.cells()]
    assert all(not m.plans for m in months if m.month != 6)


def test_a_figure_opens_onto_its_children(client, sally, issued):
    client.force_login(sally)
    url = reverse("send:timeliness")
    page = client.get(url, {"year": 2026, "month": 6, "figure": "late"}).content
    text = page.decode()
    assert "Lio Testington" in text and "Exa Testington" in text
    assert "Ona Testington" not in text
    assert reverse("send:request", args=[issued[1].request_id]) in text


def test_a_restricted_child_is_counted_not_named(client, sally, mona, team, issued):
    restrict_record(issued[1].person, kind="restricted", reason="Staff", by=mona)
    client.force_login(make_user("pam", "performance_analyst", team))
    url = reverse("send:timeliness")
    text = client.get(url, {"year": 2026, "figure": "late"}).content.decode()
    assert "Lio Testington" not in text and "Exa Testington" in text
    assert "And 1 restricted child you may not see named" in text
    assert reverse("send:request", args=[issued[2].request_id]) not in text


def test_the_report_refuses_other_roles_and_odd_parameters(client, alice, sally):
    url = reverse("send:timeliness")
    client.force_login(alice)
    assert client.get(url).status_code == 403
    client.force_login(sally)
    odd = {"year": "99999999999999999999", "month": "x", "figure": "nope"}
    assert client.get(url, odd).status_code == 200
