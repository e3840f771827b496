"""The performance pages: who may read them, the children behind a figure
(named only where the reader may open them), the downloads, and the period."""

import csv
import io
import re

import pytest
from django.test import Client

from haven.core.models import AccessLogEntry, User
from haven.people.models import Person

pytestmark = pytest.mark.django_db

MARCH = "/reporting/looked_after/2026-03/"


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_social_worker_is_refused_every_page(alice, jasmine):
    client = _client(alice)
    for url in ("/reporting/", "/reporting/looked_after/", MARCH):
        assert client.get(url).status_code == 403
    assert b'href="/reporting/"' not in client.get("/").content


def _drawn(client: Client, url: str = "/reporting/") -> str:
    """The dashboard as a browser shows it once htmx has loaded every panel
    not yet worked out: each panel's own URL, then the page again."""
    html = client.get(url).content.decode()
    for panel in re.findall(r'hx-get="([^"]+)"', html):
        response = client.get(
            panel.replace("&amp;", "&"), headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
    return client.get(url).content.decode()


def test_the_dashboard_draws_each_panel_beside_its_table(sam, jasmine, kai):
    client = _client(sam)
    html = client.get("/reporting/").content.decode()
    assert 'href="/reporting/"' in html  # the menu entry
    assert 'hx-get="/reporting/panels/over_time/?' in html  # not worked out yet
    html = _drawn(client)
    assert "hx-get" not in html  # every panel kept, drawn in place
    panels = ("over_time", "contact_decisions", "cp_visits", "caseload_teams")
    for panel in panels:
        assert f'id="chart-{panel}"' in html and f'id="table-{panel}"' in html
    assert 'role="group" aria-labelledby="chart-over_time-title"' in html
    written = "start_day=1&amp;start_month=7&amp;start_year=2025"
    assert f'<a href="{MARCH}?{written}' in html
    assert 'aria-label="Looked after, March 2026: 1 child"' in html
    # Nothing counted, nothing to open.
    assert "/reporting/looked_after/2025-12/" not in html


def test_a_restricted_child_is_counted_and_not_named(sam, pat, jasmine, robin):
    html = _client(sam).get(MARCH).content.decode()
    assert "Jasmine Thackray" in html
    assert "Robin" not in html and "Quell" not in html
    assert 'id="unnamed">And 1 more counted, about 1 child whose' in html
    # An analyst opens no child's record: both counted, none named.
    html = _client(pat).get(MARCH).content.decode()
    assert "Jasmine" not in html and "Robin" not in html
    assert "And 2 more counted, about 2 children" in html


def test_the_children_download_is_formula_safe_and_logged(sam, jasmine, robin):
    Person.objects.filter(pk=jasmine.pk).update(given_name="=HYPERLINK(1)")
    response = _client(sam).get(MARCH + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["Child", "Haven ID", "Date of birth", "Counted on"]
    assert rows[1][0].startswith("'=HYPERLINK")
    assert rows[-1][0].startswith("1 more counted")
    logged = AccessLogEntry.objects.filter(user=sam, person=jasmine).get()
    assert "Performance CSV download: Looked after, March 2026" in logged.what
    assert not AccessLogEntry.objects.filter(person=robin).exists()


def test_a_figure_downloads_its_table(sam, jasmine):
    response = _client(sam).get("/reporting/looked_after/?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Month", "Looked after"]
    assert ["March 2026", "1"] in rows
    sheet = _client(sam).get("/reporting/assessments/?format=xlsx")
    assert sheet["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_period_out_of_order_is_refused_in_the_error_summary(sam, today):
    query = (
        "?start_day=1&start_month=5&start_year=2026"
        "&end_day=1&end_month=4&end_year=2026&team="
    )
    html = _client(sam).get("/reporting/" + query).content.decode()
    assert "govuk-error-summary" in html
    assert "From must be on or before To" in html
    assert 'id="chart-over_time"' not in html


def test_a_team_manager_sees_their_team_first(mona, jasmine, robin):
    html = _client(mona).get("/reporting/").content.decode()
    assert '<span class="govuk-caption-m">Assessment Team,' in html
