import pytest
from django.urls import reverse

from haven.casework import services
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import Allocation, JournalEvent
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_a_manager_transfers_a_case_with_a_reason(alice, mona, team, child):
    carol = make_user("carol", "social_worker", team)
    services.transfer_case(
        child,
        team=team,
        worker=carol,
        reason="Alice on leave",
        change_reason="MANAGE",
        by=mona,
    )
    current = Allocation.objects.get(person=child, ended_on__isnull=True)
    assert (current.worker, current.reason) == (carol, "Alice on leave")
    assert Allocation.objects.filter(person=child).count() == 2
    event = JournalEvent.objects.filter(type="core.case_allocated").last()
    assert event.payload["reason"] == "Alice on leave"


def test_a_transfer_needs_a_reason_and_a_change(alice, mona, team, child):
    with pytest.raises(DomainError) as refused:
        services.transfer_case(
            child, team=team, worker=alice, reason=" ", change_reason="MANAGE", by=mona
        )
    assert refused.value.field == "reason"
    with pytest.raises(DomainError) as refused:
        services.transfer_case(
            child, team=team, worker=alice, reason="x", change_reason="MANAGE", by=mona
        )
    assert refused.value.code == "no_change"


def test_a_worker_cannot_transfer(alice, team, child):
    with pytest.raises(DomainError) as refused:
        services.transfer_case(
            child, team=team, worker=None, reason="x", change_reason="MANAGE", by=alice
        )
    assert refused.value.code == "not_permitted"


def test_a_manager_without_access_cannot_transfer(other_team, team, child):
    olga = make_user("olga", "team_manager", other_team)
    other_team.managers.add(olga)
    with pytest.raises(AccessDenied):
        services.transfer_case(
            child,
            team=other_team,
            worker=None,
            reason="x",
            change_reason="MANAGE",
            by=olga,
        )


def test_the_allocation_page_transfers_and_shows_history(
    client, alice, mona, team, other_team, bob, child
):
    client.force_login(mona)
    url = reverse("casework:allocation", args=[child.pk])
    response = client.post(
        url,
        {
            "role": "social_worker",
            "team": team.pk,
            "worker": bob.pk,
            "reason": "x",
            "change_reason": "MANAGE",
        },
    )
    assert "is not in" in response.content.decode()
    response = client.post(
        url, {"role": "social_worker", "team": other_team.pk, "worker": bob.pk}
    )
    assert "Give the reason for the change" in response.content.decode()
    assert "Choose why the social worker is changing" in response.content.decode()
    response = client.post(
        url,
        {
            "role": "social_worker",
            "team": other_team.pk,
            "worker": bob.pk,
            "reason": "Now in care",
            "change_reason": "TSPROC",
        },
    )
    assert response.status_code == 302
    assert Allocation.objects.get(person=child, ended_on__isnull=True).worker == bob


def test_a_worker_sees_history_but_cannot_transfer(client, alice, team, child):
    client.force_login(alice)
    url = reverse("casework:allocation", args=[child.pk])
    html = client.get(url).content.decode()
    assert "Assessment Team" in html and "Save the allocation" not in html
    assert client.post(url, {"team": team.pk, "reason": "x"}).status_code == 403


def test_same_day_moves_show_newest_first(client, alice, mona, team, child):
    # The child fixture allocated the case to Alice; two moves today follow.
    services.transfer_case(
        child,
        team=team,
        worker=None,
        reason="Move one",
        change_reason="MANAGE",
        by=mona,
    )
    services.transfer_case(
        child,
        team=team,
        worker=alice,
        reason="Move two",
        change_reason="MANAGE",
        by=mona,
    )
    client.force_login(mona)
    html = client.get(reverse("casework:allocation", args=[child.pk])).content.decode()
    assert html.index("Move two") < html.index("Move one")


# Only teams that hold cases (issue 9, defect 4) ---------------------------------


def _finance_team(service):
    from haven.core.models import Team

    finance = Team.objects.create(name="Placements Finance", parent=service)
    make_user("fran", "finance_officer", finance)
    return finance


def test_a_case_cannot_go_to_a_team_that_holds_no_cases(mona, child, service):
    finance = _finance_team(service)
    with pytest.raises(DomainError) as refused:
        services.transfer_case(
            child,
            team=finance,
            worker=None,
            reason="x",
            change_reason="MANAGE",
            by=mona,
        )
    assert (refused.value.code, refused.value.field) == ("team_holds_no_cases", "team")
    assert Allocation.objects.get(person=child, ended_on__isnull=True).team != finance


def test_the_transfer_form_offers_only_teams_that_hold_cases(
    client, mona, child, service, team, other_team, bob
):
    finance = _finance_team(service)
    client.force_login(mona)
    url = reverse("casework:allocation", args=[child.pk])
    html = client.get(url).content.decode()
    assert team.name in html and other_team.name in html
    assert "Placements Finance" not in html
    refused = client.post(
        url,
        {
            "role": "social_worker",
            "team": finance.pk,
            "reason": "x",
            "change_reason": "MANAGE",
        },
    ).content.decode()
    assert "Choose a team that holds children&#x27;s cases" in refused


def test_a_case_cannot_go_to_someone_who_holds_no_caseload(mona, child, team):
    fiona = make_user("fiona2", "finance_officer", team)
    with pytest.raises(DomainError) as refused:
        services.transfer_case(
            child, team=team, worker=fiona, reason="x", change_reason="MANAGE", by=mona
        )
    assert refused.value.code == "worker_holds_no_cases"


def test_the_transfer_shows_its_own_faults_beside_the_forms_at_once(
    client, alice, mona, team, child
):
    """No reason given (the form's fault) and no change (the transfer's): both
    are shown on the first submit, not one after the other."""
    client.force_login(mona)
    url = reverse("casework:allocation", args=[child.pk])
    html = client.post(
        url,
        {"role": "social_worker", "team": team.pk, "worker": alice.pk},
    ).content.decode()
    assert "Give the reason for the change" in html
    assert "Choose why the social worker is changing" in html
    assert "The case is already allocated to this team and worker" in html
    assert Allocation.objects.filter(person=child).count() == 1
