"""The statutory returns page: for those who read performance, a return and
year chosen, a page per return with its faults by child (a restricted child
by Haven ID alone), the validator's findings on request (its known false
positives apart), and the download, refused while a child in the return is
restricted from the reader."""

import dataclasses
import io
import zipfile
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.urls import reverse

from haven.core import clock
from haven.core.models import AccessLogEntry, Restriction
from haven.returns import registry
from haven.returns.registry import Built, Fault, Return
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat(team):
    return make_user("pat", "performance_analyst", team)


@pytest.fixture
def children(alice, mona):
    shown = ChildFactory(family_name="Openshaw")
    hidden = ChildFactory(family_name="Secretson")
    return shown, hidden


@pytest.fixture
def fake(children) -> Iterator[Return]:
    """A tiny return of two files, with a fault on each child, and a validator
    with a finding and a known false positive; removed afterwards."""
    shown, hidden = children

    def build(year: int) -> Built:
        return Built(
            files={"a.csv": b"x\n", "b.csv": b"y\n"},
            person_ids=frozenset({shown.pk, hidden.pk}),
            faults=[
                Fault("No legal status", shown.pk, link=f"/people/{shown.pk}/"),
                Fault("No placement", hidden.pk, link=f"/people/{hidden.pk}/"),
            ],
        )

    def validate(built: Built, year: int) -> list[Fault]:
        return [
            Fault("Date of birth after the start", shown.pk, rule="103"),
            Fault("Postcode not known", shown.pk, rule="SW", known_false_positive=True),
        ]

    declared = registry.register(
        Return("zz_fake", "A fake return", "Tests", build, validate)
    )
    yield declared
    del registry.RETURNS["zz_fake"]


def _restrict(child, by):
    Restriction.objects.create(
        person=child,
        kind="restricted",
        reason="Staff member's son",
        created_at=clock.now(),
        created_by=by,
    )


def test_a_social_worker_is_refused_and_the_analyst_chooses(client, alice, pat):
    client.force_login(alice)
    assert client.get(reverse("returns:index")).status_code == 403
    assert client.get(reverse("returns:detail", args=["sen2", 2026])).status_code == 403
    client.force_login(pat)
    page = client.get(reverse("returns:index")).content.decode()
    assert "Ofsted Annex A" in page and "SEN2 return" in page
    chosen = client.get(reverse("returns:index"), {"kind": "annex_a", "year": 2026})
    assert chosen["Location"] == "/returns/annex_a/2026/"
    wrong = client.get(reverse("returns:index"), {"year": 2026}).content.decode()
    assert "Choose a return" in wrong and "govuk-error-summary" in wrong


def test_annex_a_and_sen2_pages_show_the_period_and_la_code(client, pat, settings):
    settings.HAVEN_LA_CODE = ""
    client.force_login(pat)
    annex = client.get(
        reverse("returns:detail", args=["annex_a", 2026]),
        {"as_at_day": "31", "as_at_month": "8", "as_at_year": "2025", "months": "12"},
    ).content.decode()
    assert "1 September 2024 to 31 August 2025" in annex
    assert "Not set (HAVEN_LA_CODE)" in annex
    assert "Check with the DfE" not in annex  # Ofsted publishes no validator
    response = client.get(
        reverse("returns:download", args=["annex_a", 2026]),
        {"as_at_day": "31", "as_at_month": "8", "as_at_year": "2025"},
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="Annex_A_LA_2025-08-31.xlsx"'
    )
    sen2 = client.get(reverse("returns:detail", args=["sen2", 2026])).content.decode()
    assert "Census day 15 January 2026" in sen2


def test_faults_by_child_a_restricted_child_by_id_and_no_download(
    client, pat, mona, children, fake
):
    shown, hidden = children
    _restrict(hidden, mona)
    client.force_login(pat)
    page = client.get(
        reverse("returns:detail", args=["zz_fake", 2026])
    ).content.decode()
    assert f'href="/people/{shown.pk}/">{shown.full_name}' in page
    assert "Secretson" not in page and f"Haven ID {hidden.pk}" in page
    assert f"/people/{hidden.pk}/" not in page
    assert "haven-table-container" in page
    assert "restricted from you" in page and "Download the" not in page
    download = client.get(reverse("returns:download", args=["zz_fake", 2026]))
    assert download.status_code == 403
    assert not AccessLogEntry.objects.filter(
        user=pat, what="A fake return 2026 return"
    ).exists()
    checked = client.get(
        reverse("returns:check", args=["zz_fake", 2026])
    ).content.decode()
    assert "Date of birth after the start" in checked and "(rule 103)" in checked
    assert 'id="returns-false-positives"' in checked
    assert checked.index("Postcode not known") > checked.index(
        "The validator's own faults"
    )


def test_a_return_that_names_no_child_downloads_with_a_restricted_child_in_it(
    client, pat, mona, children, fake
):
    """The CIN census, SSDA903 and Annex A carry IDs, dates and codes: the name
    is the secret, so they are not withheld; the page still shows the
    restricted child by Haven ID alone."""
    _restrict(children[1], mona)
    registry.RETURNS["zz_fake"] = dataclasses.replace(fake, names_children=False)
    client.force_login(pat)
    page = client.get(reverse("returns:detail", args=["zz_fake", 2026])).content
    assert b"Secretson" not in page and f"Haven ID {children[1].pk}".encode() in page
    assert b"someone with access to them must download it" not in page
    download = client.get(reverse("returns:download", args=["zz_fake", 2026]))
    assert download.status_code == 200


def test_two_files_download_as_a_zip_and_the_read_is_logged(
    client, pat, children, fake
):
    client.force_login(pat)
    response = client.get(reverse("returns:download", args=["zz_fake", 2026]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["a.csv", "b.csv"]
    logged = AccessLogEntry.objects.filter(user=pat, what="A fake return 2026 return")
    assert {e.person_id for e in logged} == {c.pk for c in children}


def test_export_return_writes_sen2_and_annex_a(tmp_path, settings, db):
    settings.HAVEN_LA_CODE = "999"
    out = io.StringIO()
    call_command(
        "export_return", "sen2", "--year", "2026", "--out", tmp_path, stdout=out
    )
    call_command("export_return", "annex_a", "--year", "2026", "--out", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "Annex_A_999_2026-03-31.xlsx",
        "SEN2_999_2026.xml",
    ]
    assert "SEN2 return 2026: 0 children" in out.getvalue()
