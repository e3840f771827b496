"""The administrator manages staff, teams and roles in the admin, and still
never reads a child's record."""

import pytest
from django.contrib.auth.models import Group

from haven.core.models import Team, User

pytestmark = pytest.mark.django_db


def test_the_administrator_is_offered_staff_teams_and_roles(client, adam):
    client.force_login(adam)
    html = client.get("/admin/").content.decode()
    assert "have permission to view or edit anything" not in html
    assert "/admin/core/user/" in html
    assert "/admin/core/team/" in html
    assert "/admin/auth/group/" in html
    assert "Management oversight policy" in html


def test_the_administrator_lists_and_changes_staff(client, adam, alice):
    client.force_login(adam)
    listing = client.get("/admin/core/user/")
    assert listing.status_code == 200
    assert "alice" in listing.content.decode()
    url = f"/admin/core/user/{alice.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert "is_superuser" not in page.content.decode()
    social_worker = Group.objects.get(name="Social worker")
    response = client.post(
        url,
        {
            "username": "alice",
            "first_name": "Alice",
            "last_name": "Renamed",
            "email": "",
            "is_active": "on",
            "groups": [social_worker.pk],
            "team": alice.team_id,
            "job_title": "Senior social worker",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    alice.refresh_from_db()
    assert alice.last_name == "Renamed"
    assert alice.job_title == "Senior social worker"


def test_the_administrator_lists_changes_and_adds_teams(client, adam, team):
    client.force_login(adam)
    assert client.get("/admin/core/team/").status_code == 200
    response = client.post(
        f"/admin/core/team/{team.pk}/change/",
        {"name": "Assessment Team North", "kind": "team", "parent": team.parent_id},
    )
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.name == "Assessment Team North"
    response = client.post(
        "/admin/core/team/add/", {"name": "Disabled Children's Team", "kind": "team"}
    )
    assert response.status_code == 302
    assert Team.objects.filter(name="Disabled Children's Team").exists()


def test_the_administrator_sees_roles_but_cannot_rewrite_them(client, adam):
    client.force_login(adam)
    group = Group.objects.get(name="Social worker")
    assert client.get("/admin/auth/group/").status_code == 200
    assert client.get(f"/admin/auth/group/{group.pk}/change/").status_code == 200
    response = client.post(
        f"/admin/auth/group/{group.pk}/change/", {"name": "Renamed", "permissions": []}
    )
    assert response.status_code == 403
    assert Group.objects.filter(name="Social worker").exists()


def test_the_administrator_cannot_give_themselves_a_role(client, adam):
    client.force_login(adam)
    social_worker = Group.objects.get(name="Social worker")
    client.post(
        f"/admin/core/user/{adam.pk}/change/",
        {
            "username": "adam",
            "is_active": "on",
            "groups": [social_worker.pk],
        },
    )
    adam = User.objects.get(pk=adam.pk)
    assert not adam.has_perm("core.view_case_record")


def test_a_social_worker_is_not_let_into_the_admin(client, alice):
    client.force_login(alice)
    assert client.get("/admin/core/user/").status_code == 302
