import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_sign_in_with_a_wrong_password_shows_the_error_summary(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "no"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter a correct username and password" in html
    assert "<title>Error: Sign in" in html


def test_sign_in_with_empty_fields_names_each_missing_field(client, db):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    html = response.content.decode()
    assert '<a href="#id_username">Enter your username</a>' in html
    assert '<a href="#id_password">Enter your password</a>' in html


def test_a_worker_signs_in_and_sees_her_team(client, alice, mona, bob):
    response = client.post(
        reverse("login"),
        {"username": "alice", "password": "correct horse battery staple"},
        follow=True,
    )
    html = response.content.decode()
    assert "Social worker" in html
    assert "Assessment Team" in html
    assert str(mona) in html  # her manager and colleague
    assert str(bob) not in html  # another team's worker


def test_a_manager_sees_the_teams_she_manages(client, mona):
    client.force_login(mona)
    html = client.get("/").content.decode()
    assert "Teams you manage" in html
    assert "Assessment Team" in html


def test_a_service_manager_manages_every_team_in_the_service(
    client, service, team, other_team
):
    from tests.conftest import make_user

    head = make_user("sian", "service_manager", None)
    service.managers.add(head)
    client.force_login(head)
    html = client.get("/").content.decode()
    assert "Assessment Team" in html
    assert "Children in Care Team" in html


def test_sign_out_ends_the_session(client, alice):
    client.force_login(alice)
    client.post(reverse("logout"))
    assert client.get("/").status_code == 302


def test_unknown_pages_get_the_govuk_not_found_page(client, alice):
    client.force_login(alice)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_role_without_case_access_is_refused_the_children_list(client, fiona):
    client.force_login(fiona)
    response = client.get(reverse("people:list"))
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


def test_the_server_error_page_renders_without_a_database(rf, settings):
    from haven.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_only_administrators_reach_the_admin(client, adam, alice):
    client.force_login(alice)
    assert client.get("/admin/").status_code == 302  # to the admin's sign-in
    client.force_login(adam)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Reference data, staff and teams" in response.content.decode()


def test_the_api_schema_is_published_to_signed_in_users(client, alice):
    client.force_login(alice)
    response = client.get(reverse("api-schema"))
    assert response.status_code == 200
    assert b"openapi" in response.content
