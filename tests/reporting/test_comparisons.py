"""The published figures to compare: loaded as data with their sources, a bad
row refused by its line, the council's own file added by a setting."""

from pathlib import Path

import pytest

from haven.reporting import comparisons
from haven.reporting.comparisons.loading import SHIPPED
from haven.reporting.figures import FIGURES

HEADER = "figure,year,area,value,title,published,url\n"
GOOD = (
    "re_referrals,2024-25,Statistical neighbours,19.5,Our neighbours' average,"
    "2025,https://example.org/neighbours\n"
)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ours.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_figure_is_sourced_and_names_a_figure():
    shipped = comparisons.load(SHIPPED)
    assert shipped, "Haven ships the national figures it found"
    for row in shipped:
        assert row.figure in FIGURES and row.area == "England"
        assert row.url.startswith("https://") and row.title


def test_a_bad_row_is_refused_naming_its_line_and_every_fault(tmp_path):
    bad = HEADER + GOOD + "re_referrals,2024-26,England,lots,,2025,http://x\n"
    with pytest.raises(comparisons.BadComparisons) as refused:
        comparisons.load(_file(tmp_path, bad))
    message = str(refused.value)
    assert "ours.csv, line 3: title is blank" in message
    bad = HEADER + "re_referrals,2024-26,England,lots,A title,2025,http://x\n"
    with pytest.raises(comparisons.BadComparisons) as refused:
        comparisons.load(_file(tmp_path, bad))
    assert str(refused.value).endswith(
        "line 2: year '2024-26' is not a year like 2023-24; value 'lots' is not a "
        "number; url 'http://x' does not start https://"
    )
    with pytest.raises(comparisons.BadComparisons, match="given twice"):
        comparisons.load(_file(tmp_path, HEADER + GOOD + GOOD))
    with pytest.raises(comparisons.BadComparisons, match="lacks the column"):
        comparisons.load(_file(tmp_path, "figure,year\n"))


def test_the_councils_file_adds_its_neighbours_beside_england(tmp_path, settings):
    settings.HAVEN_COMPARISONS_FILE = str(_file(tmp_path, HEADER + GOOD))
    shown = comparisons.for_figure("re_referrals")
    assert [c.words for c in shown] == [
        "England 2023-24: 22%",
        "Statistical neighbours 2024-25: 19.5%",
    ]
    assert comparisons.for_figure("caseload_teams") == []


@pytest.mark.django_db
def test_the_dashboard_shows_the_comparison_and_its_source(sam, today, client):
    client.force_login(sam)
    # Each panel is drawn by its own request (the page fills them in).
    page = client.get("/reporting/panels/re_referrals/").content.decode()
    assert "England 2023-24: 22%" in page
    assert "children-in-need-a-focus-on-re-referrals" in page
    other = client.get("/reporting/panels/caseload_teams/").content.decode()
    assert "No published comparison is loaded for this figure." in other
