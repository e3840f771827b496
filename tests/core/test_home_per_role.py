"""Every role's home page says what the role can do in Haven, and every page the
navigation or the home page offers opens for that role."""

import re

import pytest
from django.urls import reverse

from haven.core.roles import ROLES
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

STILL_TO_COME = {
    "finance_officer": "Placement payments",
    "performance_analyst": "Data quality reports",
}


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize("role", [role.key for role in ROLES])
def test_every_page_in_a_roles_navigation_opens(client, team, role):
    client.force_login(make_user(f"someone-{role}", role, team))
    home = client.get(reverse("home"))
    for item in home.context["shell"]["navigation"]:
        assert client.get(item["href"]).status_code == 200, (role, item["text"])


@pytest.mark.parametrize(("role", "words"), STILL_TO_COME.items())
def test_a_role_whose_work_is_still_to_come_is_told_so_and_where_to_go(
    client, team, role, words
):
    client.force_login(make_user(f"someone-{role}", role, team))
    main = _main(client.get(reverse("home")).content.decode())
    assert words in main
    links = re.findall(r'href="([^"#]+)"', main)
    assert reverse("timescales:rules") in links
    for href in links:
        assert client.get(href).status_code == 200, (role, href)


@pytest.mark.parametrize("role", STILL_TO_COME)
def test_my_work_explains_itself_rather_than_refusing(client, team, role):
    client.force_login(make_user(f"someone-{role}", role, team))
    response = client.get(reverse("timescales:my_work"))
    assert response.status_code == 200
    main = _main(response.content.decode())
    assert STILL_TO_COME[role] in main
    for href in re.findall(r'href="([^"#]+)"', main):
        assert client.get(href).status_code == 200, (role, href)


def test_a_social_worker_is_not_told_her_work_is_still_to_come(client, alice):
    client.force_login(alice)
    assert "not in Haven yet" not in client.get(reverse("home")).content.decode()


def test_a_send_officer_whose_work_is_all_in_haven_is_not_told_it_is_to_come(
    client, team
):
    """Requests, plans, reviews, amendments, transfers, disputes and SEN2."""
    client.force_login(make_user("sen", "send_officer", team))
    assert "not in Haven yet" not in client.get(reverse("home")).content.decode()


def test_an_iro_whose_work_is_all_in_haven_is_not_told_it_is_to_come(client, team):
    """Reviews, plans, court orders, adoption and pathway plans are all here."""
    client.force_login(make_user("iro", "independent_reviewing_officer", team))
    assert "not in Haven yet" not in client.get(reverse("home")).content.decode()
