"""Two administrators change the oversight policy from pages read at once:
the first change stands, the second is shown it beside their own (409) and
saves once they have seen it. A change to another category is no conflict."""

import html as html_lib

import pytest
from django.urls import reverse

from haven.casework import services as casework
from haven.casework.models import OversightPolicy
from haven.core.versions import newest_id
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(db):
    return make_user("ada", "administrator")


def _policy_form(weeks, reason, version):
    return {"category": "other", "weeks": weeks, "reason": reason, "version": version}


def test_the_second_oversight_policy_change_shows_both(client, adam, ada):
    url = reverse("casework:policy")
    read_at = str(newest_id(OversightPolicy.objects.all()))
    client.force_login(adam)
    assert f'name="version" value="{read_at}"' in client.get(url).content.decode()
    assert client.post(url, _policy_form("4", "Adam's", read_at)).status_code == 302

    client.force_login(ada)
    second = client.post(url, _policy_form("8", "Ada's", read_at))
    assert second.status_code == 409
    page = html_lib.unescape(second.content.decode())
    assert "Someone else changed this record since you opened it" in page
    row = page.split('id="conflict-weeks"')[1].split("</tr>")[0]
    assert "4" in row and "8" in row
    newest = OversightPolicy.objects.order_by("-pk").first()
    assert (newest.weeks, newest.reason) == (4, "Adam's")
    merged = _policy_form("6", "Ada's, seen Adam's", str(newest.pk))
    assert client.post(url, merged).status_code == 302


def test_a_policy_change_for_another_category_is_no_conflict(adam, ada):
    seen = newest_id(OversightPolicy.objects.all())
    casework.set_oversight_policy("other", 4, reason="A", by=adam, seen=seen)
    casework.set_oversight_policy(
        "cp_or_looked_after", 3, reason="B", by=ada, seen=seen
    )
