"""The DfE code lists: data keyed by collection year, checked at start-up."""

import datetime as dt
import json

import pytest

from haven.core import codelists
from haven.core.codelists import checks, loader


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2025, 3, 31), 2025),
        (dt.date(2025, 4, 1), 2026),
        (dt.date(2026, 3, 31), 2026),
        (dt.date(2026, 12, 4), 2027),
    ],
)
def test_a_collection_year_is_named_by_the_31_march_it_ends_on(day, year):
    assert codelists.collection_year(day) == year


def test_the_placement_list_changes_in_2025_26():
    before = {c.code for c in codelists.codes("ssda903_placement", year=2025)}
    after = {c.code for c in codelists.codes("ssda903_placement", year=2026)}
    assert {"H5", "P2", "Z1"} <= before - after
    assert after - before == {"Z11", "Z12", "Z13", "Z14"}
    assert "K3" in before & after
    assert not codelists.is_valid("ssda903_placement", "K3", year=2024)


def test_a_year_before_haven_checked_a_list_reads_as_the_earliest_it_did():
    # The CIN lists were checked from 2022-23: a referral in 2020-21 still has
    # a primary need, in the earliest wording Haven knows; K3 stays new in 2025.
    assert codelists.code_list("cin_primary_need").earliest == 2023
    assert codelists.is_valid("cin_primary_need", "N1", year=2021)
    assert codelists.wording("cin_primary_need", "N1", year=2021) == "Abuse or neglect"
    assert not codelists.is_valid("ssda903_placement", "K3", year=2019)


def test_a_code_reworded_has_each_years_wording():
    assert codelists.wording("cin_primary_need", "N1", year=2025) == "Abuse or neglect"
    assert (
        codelists.wording("cin_primary_need", "N1", year=2026)
        == "Abuse, neglect and exploitation"
    )
    assert codelists.label("cin_primary_need", "N1") == (
        "Abuse, neglect and exploitation"
    )


def test_the_factor_wording_is_the_dfes():
    assert codelists.wording("cin_assessment_factors", "3B", year=2026) == (
        "Domestic violence: concerns about the child’s parent(s)/carer(s) being "
        "the subject of domestic violence"
    )


def test_n0_is_in_the_list_but_not_offered_for_new_recording():
    assert codelists.is_valid("cin_primary_need", "N0", year=2027)
    offered = codelists.choices("cin_primary_need", year=2027, for_new_recording=True)
    assert "N0" not in dict(offered)
    assert "N0" in dict(codelists.choices("cin_primary_need", year=2027))


def test_every_list_haven_needs_is_loaded():
    names = set(loader.load_all())
    assert {
        "cin_assessment_factors",
        "cin_primary_need",
        "cin_closure_reasons",
        "cin_category_of_abuse",
        "cin_referral_sources",
        "upn_unknown",
        "disabilities",
        "sex",
        "ethnicity",
        "ssda903_placement",
        "ssda903_legal_status",
        "ssda903_reason_new_episode",
        "ssda903_reason_episode_ceased",
        "ssda903_reason_place_change",
    } <= names
    for held in loader.load_all().values():
        assert held.source and held.title


def test_an_unknown_code_has_no_wording():
    with pytest.raises(KeyError):
        codelists.wording("cin_primary_need", "N10", year=2026)
    with pytest.raises(KeyError):
        codelists.codes("no_such_list", year=2026)


def _bad(tmp_path, monkeypatch, codes, **extra):
    body = {"title": "Test", "source": "Test source", **extra, "codes": codes}
    (tmp_path / "broken.json").write_text(json.dumps(body))
    monkeypatch.setattr(loader, "DATA", tmp_path)
    loader.load_all.cache_clear()


@pytest.fixture
def restore_cache():
    yield
    loader.load_all.cache_clear()


@pytest.mark.parametrize(
    ("codes", "fault"),
    [
        (
            [
                {"code": "A", "wording": "One", "first_year": 2023},
                {"code": "A", "wording": "Two", "first_year": 2025},
            ],
            "code A appears twice in 2025",
        ),
        (
            [{"code": "A", "wording": " ", "first_year": 2023}],
            "code A has no wording",
        ),
        (
            [{"code": "A", "wording": "One", "first_year": 2026, "last_year": 2025}],
            "code A has a bad year range 2026 to 2025",
        ),
        (
            [{"code": "A", "wording": "One", "first_year": "2023"}],
            "code A has a bad first_year '2023'",
        ),
    ],
)
def test_a_malformed_list_stops_start_up_naming_the_fault(
    tmp_path, monkeypatch, restore_cache, codes, fault
):
    _bad(tmp_path, monkeypatch, codes)
    with pytest.raises(loader.CodeListError, match=f"broken.json: {fault}"):
        loader.load_all()
    [error] = checks.code_lists_are_well_formed()
    assert error.id == "haven.E001"
    assert f"broken.json: {fault}" in error.msg


def test_history_only_must_name_codes_in_the_list_and_say_why(
    tmp_path, monkeypatch, restore_cache
):
    _bad(
        tmp_path,
        monkeypatch,
        [{"code": "A", "wording": "One", "first_year": 2023}],
        history_only=["B"],
    )
    with pytest.raises(loader.CodeListError) as raised:
        loader.load_all()
    assert "history_only names codes not in the list: ['B']" in str(raised.value)
    assert "history_only has no history_only_reason" in str(raised.value)


def test_the_lists_as_shipped_pass_the_start_up_check():
    assert checks.code_lists_are_well_formed() == []
