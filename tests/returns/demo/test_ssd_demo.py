"""The demo authority's Standard Safeguarding Dataset for the last collection
year agrees with the returns it is read alongside: the same referrals as the
CIN census, the same episodes of care as the SSDA903, every child of both in
ssd_person, and every table's rows naming a child in it."""

import csv
import io

import pytest
from lxml import etree

from haven.returns import registry
from haven.returns.ssd import tables

pytestmark = pytest.mark.django_db


def _rows(built, name):  # type: ignore[no-untyped-def]
    content = built.files[name].decode("utf-8")
    return list(csv.DictReader(io.StringIO(content)))


def test_the_demo_ssd_agrees_with_the_census_and_the_ssda903(last_year):
    ssd = registry.get("ssd").build(last_year)
    cin = registry.get("cin").build(last_year)
    looked_after = registry.get("ssda903").build(last_year)
    (xml,) = cin.files.values()
    referrals = etree.fromstring(xml).findall("Children/Child/CINdetails")
    assert len(_rows(ssd, "ssd_cin_episodes.csv")) == len(referrals)
    assert cin.person_ids <= ssd.person_ids
    assert looked_after.person_ids <= ssd.person_ids
    assert len(_rows(ssd, "ssd_cla_episodes.csv")) == len(
        _rows(looked_after, "episodes.csv")
    )
    people = {r["pers_person_id"] for r in _rows(ssd, "ssd_person.csv")}
    for name, columns in tables.COLUMNS.items():
        person_column = next((c for c in columns if c.endswith("_person_id")), None)
        if person_column is None or name == "ssd_person":
            continue
        for row in _rows(ssd, f"{name}.csv"):
            assert row[person_column] in people, (name, row)
    for name in ("ssd_cin_episodes", "ssd_cp_plans", "ssd_cla_placement"):
        assert _rows(ssd, f"{name}.csv"), name
