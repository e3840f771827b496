"""Two administrators change the same rule from the same page: the first
change stands, the second is shown it beside their own and saves once they
have seen it."""

import datetime as dt
import html as html_lib

import pytest
from django.urls import reverse

from haven.core import clock
from haven.core.versions import StaleEdit, newest_id
from haven.timescales import services
from haven.timescales.models import RuleSetting
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(db):
    return make_user("ada", "administrator")


def _rule_form(mona, deadline, reason):
    tomorrow = clock.today() + dt.timedelta(days=1)
    return {
        "deadline": deadline,
        "interval": deadline,
        "applies_from_day": str(tomorrow.day),
        "applies_from_month": str(tomorrow.month),
        "applies_from_year": str(tomorrow.year),
        "reason": reason,
        "approved_by": str(mona.pk),
        "version": "0",
    }


def test_a_rule_change_made_without_seeing_the_last_is_refused(adam, ada, mona):
    tomorrow = clock.today() + dt.timedelta(days=1)
    change = {"applies_from": tomorrow, "approved_by": mona, "seen": 0}
    services.set_rule_value(
        "CIN-REVIEW", deadline="+6 w", reason="Six weekly", by=adam, **change
    )
    with pytest.raises(StaleEdit) as refused:
        services.set_rule_value(
            "CIN-REVIEW", deadline="+4 w", reason="Four weekly", by=ada, **change
        )
    assert refused.value.current["deadline"] == "+6 w"
    assert RuleSetting.objects.count() == 1
    seen = newest_id(RuleSetting.objects.all())
    change["seen"] = seen
    services.set_rule_value(
        "CIN-REVIEW", deadline="+4 w", reason="Four weekly", by=ada, **change
    )
    assert RuleSetting.objects.count() == 2


def test_the_second_change_page_shows_both_values(client, adam, ada, mona):
    url = reverse("timescales:change", args=["CIN-REVIEW"])
    client.force_login(adam)
    assert 'name="version" value="0"' in client.get(url).content.decode()
    assert client.post(url, _rule_form(mona, "+6 w", "Six weekly")).status_code == 302

    client.force_login(ada)
    second = client.post(url, _rule_form(mona, "+4 w", "Four weekly"))
    assert second.status_code == 409
    page = html_lib.unescape(second.content.decode())
    assert "Someone else changed this record since you opened it" in page
    row = page.split('id="conflict-deadline"')[1].split("</tr>")[0]
    assert "+6 w" in row and "+4 w" in row
    assert 'value="+4 w"' in page  # what Ada typed is kept
    assert RuleSetting.objects.get().deadline == "+6 w"
    seen = str(RuleSetting.objects.get().pk)
    assert f'name="version" value="{seen}"' in page
    merged = {**_rule_form(mona, "+4 w", "Four weekly"), "version": seen}
    assert client.post(url, merged).status_code == 302
    assert RuleSetting.objects.count() == 2
