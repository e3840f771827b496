"""Ofsted's Annex A on a small record set: a child in each list Haven fills,
the columns in the LIIA template's order, every text cell text (never a
formula), the look-back a parameter, and queries that do not grow with the
children."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from haven.core import clock
from haven.earlyhelp.models import EarlyHelpAssessment
from haven.returns import registry
from haven.returns.annex_a import build
from haven.returns.annex_a.period import Period
from tests.factories import ChildFactory, objects_about

pytestmark = pytest.mark.django_db


def _book(built):
    ((name, content),) = built.files.items()
    assert name.startswith("Annex_A_") and name.endswith(".xlsx")
    return load_workbook(io.BytesIO(content))


def _child(alice, mona, **kw):
    child = ChildFactory(**kw)
    made = objects_about(child, worker=alice, manager=mona)
    EarlyHelpAssessment.objects.create(
        request=made["earlyhelp.EarlyHelpRequest"],
        strengths="Warm",
        needs="Routines",
        analysis="Analysed",
        started_on=clock.today() - dt.timedelta(days=10),
        completed_on=clock.today(),
        completed_by=alice,
    )
    return child, made


def test_a_child_in_each_list_with_the_templates_columns(alice, mona):
    child, made = _child(alice, mona)
    eh = made["earlyhelp.EarlyHelpRequest"]
    eh.lead_organisation = '=HYPERLINK("http://x.invalid","Click")'
    eh.save()
    built = build.build_as_at(clock.today())
    book = _book(built)
    assert book.sheetnames == [
        "List 1 Contacts",
        "List 2 Early help assessments",
        "List 3 Referrals",
        "List 4 Assessments",
        "List 5 Section 47 enquiries and",
        "List 6 Children in need",
        "List 7 Child protection",
        "List 8 Children in care",
        "List 9 Care leavers",
        "List 10 Adoption",
        "List 11 Adopters",
    ]
    for title in book.sheetnames[:8]:
        rows = list(book[title].values)
        assert rows[0][:6] == (
            "Child Unique ID",
            "Gender",
            "Ethnicity",
            "Date of Birth",
            "Age of Child (Years)",
            "Does the Child have a Disability",
        ), title
        assert rows[1][:3] == (child.pk, "b) Female", "WBRI"), title
    referral = list(book["List 3 Referrals"].values)
    assert referral[0][6:] == (
        "Date of referral",
        "Referral Source",
        "Referral NFA?",
        "Number of referrals in last 12 months",
        "Allocated Team",
        "Allocated Worker",
    )
    assert referral[1][7:10] == ("1A", "No", 1)
    assert list(book["List 7 Child protection"].values)[1][7:9] == ("NEG", "NEG")
    care = list(book["List 8 Children in care"].values)
    assert dict(zip(care[0], care[1], strict=True))["Legal Status"] == "C1"
    early_help = book["List 2 Early help assessments"]["I2"]
    assert early_help.value.startswith("=HYPERLINK")
    assert early_help.data_type == "s"  # text, never a formula
    assert child.pk in built.person_ids
    assert built.faults == []


def test_the_look_back_is_a_parameter_and_the_registry_takes_a_year(alice, mona):
    _child(alice, mona)
    later = clock.today() + dt.timedelta(days=300)
    six = list(_book(build.build_as_at(later)).worksheets[0].values)
    twelve = list(_book(build.build_as_at(later, months=12)).worksheets[0].values)
    assert len(six) == 1 and len(twelve) == 2  # the contact is 300 days back
    assert Period(dt.date(2026, 8, 31)).start == dt.date(2026, 3, 1)
    annex = registry.get("annex_a")
    assert annex is not None and annex.title == "Ofsted Annex A"
    assert list(annex.build(2026).files) == ["Annex_A_LA_2026-03-31.xlsx"]


def test_a_child_without_ethnicity_is_a_fault_on_their_record(alice, mona):
    child, _ = _child(alice, mona, ethnicity="")
    faults = build.build_as_at(clock.today()).faults
    assert [(f.person_id, f.link) for f in faults] == [
        (child.pk, f"/people/{child.pk}/")
    ]
    assert "No ethnicity" in faults[0].words


def test_the_queries_do_not_grow_with_the_children(alice, mona):
    _child(alice, mona)
    with CaptureQueriesContext(connection) as one:
        build.build_as_at(clock.today())
    for _ in range(3):
        _child(alice, mona)
    with CaptureQueriesContext(connection) as four:
        build.build_as_at(clock.today())
    assert len(four) == len(one)
