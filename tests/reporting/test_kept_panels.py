"""The dashboard's panels kept once worked out (haven/reporting/panels.py):
the page answers with the panels kept and loads the rest by htmx; a kept
panel says when it was worked out and is the same for every reader of the
period and team; the children behind a figure are counted now; and anyone
may work the figures out again."""

import pytest
from django.test import Client, override_settings

from haven.core.models import User
from tests.reporting.test_pages import MARCH, _client, _drawn

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
WRITTEN = (
    "?start_day=1&start_month=7&start_year=2025"
    "&end_day=15&end_month=6&end_year=2026&team="
)
PANEL = "/reporting/panels/over_time/" + WRITTEN
MARCH_ONE = 'aria-label="Looked after, March 2026: 1 child"'
MARCH_TWO = 'aria-label="Looked after, March 2026: 2 children"'


def test_a_panel_is_kept_and_the_children_behind_it_counted_now(sam, jasmine, request):
    client = _client(sam)
    html = client.get(PANEL, headers=HX).content.decode()
    assert "<html" not in html  # the panel alone, for htmx to put in place
    assert MARCH_ONE in html
    assert "Worked out at 12:00 on 15 June 2026 from the records as they" in html
    request.getfixturevalue("robin")  # looked after since February
    page = client.get("/reporting/").content.decode()
    assert MARCH_ONE in page and MARCH_TWO not in page
    assert "Worked out at 12:00 on 15 June 2026 from the records as they" in page
    behind = client.get(MARCH).content.decode()
    assert 'id="behind-live"' in behind
    assert "2 children" in behind  # counted from the records now

    response = client.post("/reporting/again/" + "", _fields())
    assert response.status_code == 303
    assert response["Location"] == "/reporting/" + WRITTEN
    page = _drawn(client, response["Location"])
    assert MARCH_TWO in page


def test_a_kept_panel_is_the_same_for_every_reader_of_the_team(
    sam, mona, jasmine, robin, team
):
    """Kept by the figure, period and team, never the reader: its links carry
    the period and team written out, so each reader opens the same figures."""
    _client(mona).get("/reporting/panels/over_time/", headers=HX)  # her team's
    html = (
        _client(sam)
        .get(f"/reporting/{WRITTEN.replace('team=', f'team={team.pk}')}")
        .content.decode()
    )
    assert f"{MARCH}?start_day=1" in html and f"team={team.pk}" in html
    assert MARCH_ONE in html  # Jasmine, in her team; Robin is in another
    assert _client(sam).get("/reporting/").content.decode().count("hx-get=") > 1


def test_without_javascript_a_panel_opens_on_a_page_of_its_own(sam, jasmine):
    client = _client(sam)
    html = client.get("/reporting/").content.decode()
    assert f'<a class="govuk-link" href="{PANEL.replace("&", "&amp;")}">' in html
    page = client.get(PANEL).content.decode()
    assert "<html" in page and MARCH_ONE in page
    assert 'id="back-to-dashboard"' in page


@override_settings(HAVEN_DASHBOARD_FRESH_MINUTES=1)
def test_the_page_says_how_long_figures_are_kept(sam: User, jasmine) -> None:
    html = _client(sam).get("/reporting/").content.decode()
    assert "Figures are kept for 1 minute once worked out" in html
    assert 'id="work-out-again"' in html


def test_a_social_worker_may_not_work_the_figures_out(alice, jasmine) -> None:
    client = _client(alice)
    assert client.get(PANEL, headers=HX).status_code == 403
    assert client.post("/reporting/again/", _fields()).status_code == 403


def test_an_unknown_panel_is_not_found(sam: User) -> None:
    assert Client().get("/reporting/panels/nothing/").status_code == 302
    assert _client(sam).get("/reporting/panels/nothing/").status_code == 404


def _fields() -> dict[str, str]:
    return dict(pair.split("=") for pair in WRITTEN.lstrip("?").split("&"))
