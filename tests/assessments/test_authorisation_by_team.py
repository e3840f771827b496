"""Only a manager of the team holding the child's case (or a service manager
above it) may authorise or return the assessment, and only theirs are listed."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.assessments import selectors, services
from haven.assessments.codes import Status
from haven.assessments.starting import start_assessment
from haven.cin import services as cin
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.services import break_glass
from tests.assessments.test_services import COMPLETE
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(child, alice):
    episode = cin.open_referral(
        child,
        received_on=clock.today() - dt.timedelta(days=20),
        source="2A",
        contact_id=None,
        by=alice,
    )
    assessment = start_assessment(episode, started_on=episode.referral_date, by=alice)
    services.save_assessment(assessment, COMPLETE, primary_need="N1", by=alice)
    return services.submit_assessment(assessment, by=alice)


@pytest.fixture
def olga(other_team):
    """The manager of another team, who can read the record through break-glass."""
    manager = make_user("olga", "team_manager", other_team)
    other_team.managers.add(manager)
    return manager


def test_a_manager_of_another_team_may_not_authorise_or_return(submitted, olga):
    break_glass(submitted.person, reason="Covering the duty desk today", by=olga)
    with pytest.raises(DomainError) as refused:
        services.authorise_assessment(submitted, by=olga)
    # Break-glass reads and never writes, so access refuses before the team does.
    assert refused.value.code == "access_denied"
    assert "read this record, not change it" in refused.value.message
    with pytest.raises(DomainError) as refused:
        services.return_assessment(submitted, comments="Add more", by=olga)
    assert refused.value.code == "access_denied"
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_the_awaiting_list_shows_only_the_teams_the_manager_manages(
    client, submitted, olga, mona
):
    break_glass(submitted.person, reason="Covering the duty desk today", by=olga)
    assert list(selectors.awaiting_authorisation(olga)) == []
    assert list(selectors.awaiting_authorisation(mona)) == [submitted]
    client.force_login(olga)
    assert "Jasmine" not in client.get(reverse("assessments:awaiting")).content.decode()
    page = client.get(reverse("assessments:detail", args=[submitted.pk]))
    assert "Authorise the assessment" not in page.content.decode()


def test_a_service_manager_above_the_team_may_authorise(submitted, service):
    sam = make_user("sam", "service_manager", service)
    service.managers.add(sam)
    assert list(selectors.awaiting_authorisation(sam)) == [submitted]
    services.authorise_assessment(submitted, by=sam)
    submitted.refresh_from_db()
    assert submitted.status == Status.AUTHORISED
