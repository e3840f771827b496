"""The SEN2 return: built from the records as they stood on the census day,
valid against our 2026 schema, and every fault of each kind found and said in
words, with the child and request it belongs to."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from haven.core import clock
from haven.core.models import AccessLogEntry, Restriction
from haven.people.identifiers import upn_with_check_letter
from haven.people.models import Person
from haven.send import details, details_placements, plans
from haven.send.models import EhcPlan, SendPlacement
from haven.send.sen2 import build, census, report
from haven.send.sen2.checks import SCHEMA, schema
from tests.conftest import make_user
from tests.factories import ChildFactory
from tests.send.conftest import ago, drafted, requested

pytestmark = pytest.mark.django_db

UPN = upn_with_check_letter("999123456789")


@pytest.fixture
def year(settings) -> int:
    """A return whose census day is ten days from now."""
    year = clock.today().year + 1
    day = clock.today() + dt.timedelta(days=10)
    settings.HAVEN_SEN2_CENSUS_DATES = {str(year): day.isoformat()}
    return year


@pytest.fixture
def issued(child, sally, school) -> EhcPlan:
    Person.objects.filter(pk=child.pk).update(upn=UPN)
    plan = drafted(child, sally)
    text = plans.PlanText(setting=school, primary_need="ASD", secondary_need="SLCN")
    plan = plans.issue_plan(plan, on=ago(10), text=text, by=sally)
    details_placements.record_placement(
        plan,
        rank=1,
        given=details.WhereGiven(school=str(school.urn)),
        entered_on=ago(10),
        by=sally,
    )
    return plan


def _faults(year: int) -> list[str]:
    return [w for group in report.check(build.build(year, "999")) for w in group.words]


def _planted(year: int, change) -> list[str]:
    """The faults of a return whose XML was changed by `change`."""
    sen2 = build.build(year, "999")
    root = etree.fromstring(sen2.xml)
    change(root)
    sen2.xml = etree.tostring(root)
    return [w for group in report.check(sen2) for w in group.words]


def test_census_days_carry_their_source_and_a_council_may_override_one(settings):
    day = census.census_day(2026)
    assert day and day.day == dt.date(2026, 1, 15) and "DfE" in day.source
    assert (day.period_start, day.period_end) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
    )
    settings.HAVEN_SEN2_CENSUS_DATES = {"2026": "2026-01-22"}
    day = census.census_day(2026)
    assert day and day.day == dt.date(2026, 1, 22) and "setting" in day.source


def test_a_clean_record_set_validates_with_no_faults(year, issued, sally):
    other = ChildFactory(upn_unknown="UN2")
    requested(other, sally, days=20)
    sen2 = build.build(year, "999")
    root = etree.fromstring(sen2.xml)
    assert schema().validate(root.getroottree()), schema().error_log
    assert report.check(sen2) == []
    assert {s.person_id for s in sen2.subjects} == {issued.person_id, other.pk}
    active = root.find("Persons/Person/Requests/ActivePlans")
    assert [e.tag for e in active] == ["PlacementDetail", "SENneed", "SENneed"]
    assert root.findtext("Persons/Person/Requests/Assessment/Week20") == "0"


def test_the_return_is_a_picture_on_the_census_day(year, issued, settings):
    """A plan issued after the census day is not yet in the return."""
    settings.HAVEN_SEN2_CENSUS_DATES = {str(year): ago(20).isoformat()}
    root = etree.fromstring(build.build_sen2(year, "999"))
    request = root.find("Persons/Person/Requests")
    assert request.findtext("Assessment/AssessmentOutcome") == "A"
    assert request.find("Assessment/NamedPlan") is None
    assert request.find("ActivePlans") is None


def test_the_elements_come_in_the_schemas_order(year, issued):
    """Each element the builder writes is where the XSD's sequence has it."""
    xsd = etree.parse(str(SCHEMA))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    orders = {
        c.get("name"): [e.get("name") for e in c.findall("xs:sequence/xs:element", ns)]
        for c in xsd.getroot().findall("xs:complexType", ns)
    }
    root = etree.fromstring(build.build_sen2(year, "999"))
    for tag, order in orders.items():
        for element in root.iter(tag):
            tags = [child.tag for child in element]
            assert tags == sorted(tags, key=order.index), tag


def _records(**changes):
    """Plant a fault in the records, as an import or an old system might."""

    def plant(plan: EhcPlan) -> None:
        for model, values in changes.items():
            if model == "person":
                Person.objects.filter(pk=plan.person_id).update(**values)
            elif model == "plan":
                EhcPlan.objects.filter(pk=plan.pk).update(**values)
            else:
                type(plan.request).objects.filter(pk=plan.request_id).update(**values)

    return plant


def _left(plan: EhcPlan) -> None:
    """The child's only main placement ended before the census day."""
    SendPlacement.objects.filter(plan=plan).update(left_on=ago(5))


def _twin(plan: EhcPlan) -> None:
    child = plan.person
    twin = ChildFactory(
        given_name=child.given_name,
        family_name=child.family_name,
        date_of_birth=child.date_of_birth,
        upn_unknown="UN2",
    )
    requested(twin, plan.request.created_by, days=20)


def _in_xml(change):
    def plant(plan: EhcPlan) -> None:
        plant.change = change  # type: ignore[attr-defined]

    return plant


def _swap_sex(root) -> None:
    person = root.find("Persons/Person")
    person.find("Ethnicity").addnext(person.find("Sex"))


def _start_after_census(root) -> None:
    start = root.find(".//NamedPlan/StartDate")
    census_day = dt.date.fromisoformat(root.findtext(".//ReferenceDate"))
    start.text = (census_day + dt.timedelta(days=3)).isoformat()


def _ukprn_too(root) -> None:
    etree.SubElement(root.find(".//PlanDetail"), "UKPRN").text = "10000001"
    detail = root.find(".//PlanDetail")
    detail.find("URN").addnext(detail.find("UKPRN"))


def _third_need(root) -> None:
    active = root.find(".//ActivePlans")
    need = etree.Element("SENneed")
    etree.SubElement(need, "SENtype").text = "MLD"
    etree.SubElement(need, "SENtypeRank").text = "2"
    active.findall("SENneed")[-1].addnext(need)


PLANTED = [
    ("schema order", _in_xml(_swap_sex), "is in the wrong place"),
    (
        "dates in order",
        _records(request={"received_on": ago(70)}),
        "The date of the decision to assess (2.4) is before the date the request",
    ),
    (
        "cease reason",
        _records(plan={"ceased_on": ago(5), "cease_reason": ""}),
        "no reason (4.6)",
    ),
    ("after census", _in_xml(_start_after_census), "is after the census day"),
    (
        "age",
        _records(person={"date_of_birth": dt.date(1990, 1, 1)}),
        "not aged 0 to 25",
    ),
    (
        "main need",
        _records(plan={"primary_need": "", "secondary_need": ""}),
        "no main need",
    ),
    ("main placement", _left, "no current main placement"),
    ("one setting", _in_xml(_ukprn_too), "exactly one of a URN, a UKPRN"),
    (
        "UPN check letter",
        _records(person={"upn": "A" + UPN[1:] if UPN[0] != "A" else "B" + UPN[1:]}),
        "wrong check letter",
    ),
    (
        "identifier",
        _records(person={"upn": None, "upn_unknown": ""}),
        "no UPN, no unique learner number",
    ),
    ("one person", _twin, "in the return twice"),
    ("at most two", _in_xml(_third_need), "at most two"),
]


@pytest.mark.parametrize(
    ("plant", "words"), [p[1:] for p in PLANTED], ids=[p[0] for p in PLANTED]
)
def test_each_kind_of_fault_is_found_and_said_in_words(year, issued, plant, words):
    plant(issued)
    change = getattr(plant, "change", None)
    found = _planted(year, change) if change else _faults(year)
    assert any(words in w for w in found), found
    sen2 = build.build(year, "999")
    if change:
        root = etree.fromstring(sen2.xml)
        change(root)
        sen2.xml = etree.tostring(root, pretty_print=True)
    groups = report.check(sen2)
    mine = [g for g in groups if any(words in w for w in g.words)]
    assert mine[0].person_id is not None
    assert mine[0].request_id is not None


@pytest.fixture
def pat(send_team):
    """A performance analyst."""
    return make_user("pat", "performance_analyst", send_team)


def test_the_page_names_faults_but_not_a_restricted_child(
    client, year, issued, pat, sally
):
    Person.objects.filter(pk=issued.person_id).update(upn=None, upn_unknown="")
    hidden = ChildFactory(upn_unknown="", family_name="Secretson")
    requested(hidden, sally, days=20)
    Restriction.objects.create(
        person=hidden,
        kind="restricted",
        reason="Staff member's son",
        created_at=clock.now(),
        created_by=sally,
    )
    client.force_login(pat)
    page = client.get(reverse("send:sen2"), {"year": year})
    text = page.content.decode()
    assert page.status_code == 200
    assert "no UPN, no unique learner number" in text
    assert issued.person.full_name in text
    assert "Secretson" not in text
    assert f"A child whose record is restricted (Haven ID {hidden.pk})" in text
    assert "haven-table-container" in text
    assert AccessLogEntry.objects.filter(user=pat, person=issued.person).exists()


def test_only_send_officers_and_analysts_download_the_return(
    client, year, issued, pat, sally, alice
):
    url = reverse("send:sen2_download", args=[year])
    for user, status in ((alice, 403), (pat, 200), (sally, 200)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
    assert response["Content-Disposition"].startswith("attachment")
    root = etree.fromstring(response.content)
    assert root.findtext("Persons/Person/Surname") == issued.person.family_name
    assert AccessLogEntry.objects.filter(
        user=sally, person=issued.person, what__startswith="SEN2"
    ).exists()


def test_a_reader_from_whom_a_child_is_restricted_may_not_download_the_return(
    client, year, issued, pat, sally
):
    Restriction.objects.create(
        person=issued.person,
        kind="restricted",
        reason="Staff member's son",
        created_at=clock.now(),
        created_by=sally,
    )
    client.force_login(pat)
    response = client.get(reverse("send:sen2_download", args=[year]))
    assert response.status_code == 403
    assert issued.person.family_name not in response.content.decode()
    assert not AccessLogEntry.objects.filter(user=pat, what__startswith="SEN2").exists()


def test_the_command_writes_the_file_and_prints_the_faults(year, issued, tmp_path):
    Person.objects.filter(pk=issued.person_id).update(upn=None, upn_unknown="")
    out = io.StringIO()
    call_command("export_sen2", year=year, out=str(tmp_path), stdout=out)
    written = list(tmp_path.glob("*.xml"))
    assert len(written) == 1
    assert etree.parse(str(written[0])).findtext(".//Collection") == "SEN2"
    assert "no UPN, no unique learner number" in out.getvalue()


def test_an_unset_la_code_is_a_fault_of_the_return_as_a_whole(year, db):
    faults = report.check(build.build(year, ""))
    assert faults[0].person_id is None
    assert any("HAVEN_LA_CODE" in w for w in faults[0].words)


def test_the_plans_details_are_in_the_return(year, issued, sally):
    """The named settings, the personal budget and codes, the placements over
    time and the request's RYA flag, each from its own record."""
    type(issued.request).objects.filter(pk=issued.request_id).update(rya=True)
    details.name_setting(
        issued, rank=2, given=details.WhereGiven(ukprn=10012345), by=sally
    )
    budget = details.Arrangements(
        personal_budget=True, direct_payment="S", residential="A"
    )
    details.record_arrangements(issued, given=budget, by=sally)
    details_placements.record_placement(
        issued,
        rank=2,
        given=details.WhereGiven(sen_setting="OTH", other="Hospital school"),
        entered_on=ago(9),
        residential="B",
        by=sally,
    )
    sen2 = build.build(year, "999")
    assert report.check(sen2) == []
    request = etree.fromstring(sen2.xml).find("Persons/Person/Requests")
    assert request.findtext("RYA") == "1"
    named = request.find("Assessment/NamedPlan")
    ranks = [(d.findtext("PlacementRank"), d[0].tag) for d in named.iter("PlanDetail")]
    assert ranks == [("1", "URN"), ("2", "UKPRN")]
    assert [named.findtext(t) for t in ("PlanRes", "PB", "OA", "DP")] == [
        "A",
        "1",
        "0",
        "S",
    ]
    placed = request.findall("ActivePlans/PlacementDetail")
    assert [(p.findtext("SENSetting"), p.findtext("Res")) for p in placed] == [
        (None, None),
        ("OTH", "B"),
    ]


def test_a_plans_later_life_is_in_the_return(year, issued, sally, school):
    """A plan transferred in is historical with its authority; an appeal sets
    its flag; amendments sent give ReviewDraft; a request passed on before
    its assessment ends is Exported."""
    from haven.send.changes import amendments, disputes, transfers

    arrived = ChildFactory(upn=upn_with_check_letter("999123456790"))
    text = plans.PlanText(setting=school, primary_need="MLD")
    moved_in = transfers.transfer_in(
        arrived, previous_la="202", transferred_on=ago(20), text=text, by=sally
    )
    details_placements.record_placement(
        moved_in,
        rank=1,
        given=details.WhereGiven(school=str(school.urn)),
        entered_on=ago(20),
        by=sally,
    )
    disputes.register_appeal(
        issued.request, disputed="content", registered_on=ago(3), by=sally
    )
    amendments.propose(issued, proposed="B: updated", sent_on=ago(2), by=sally)
    leaving = requested(ChildFactory(upn_unknown="UN2"), sally, days=25)
    transfers.export(leaving, la="203", on=ago(1), by=sally)
    sen2 = build.build(year, "999")
    assert report.check(sen2) == []
    root = etree.fromstring(sen2.xml)
    by_date = {r.findtext("ReceivedDate"): r for r in root.iter("Requests")}
    ours = by_date[issued.request.received_on.isoformat()]
    assert ours.findtext("Assessment/OtherTribunal") == "1"
    assert ours.findtext("ActivePlans/ReviewDraft") == ago(2).isoformat()
    theirs = by_date[moved_in.request.received_on.isoformat()]
    assert theirs.findtext("Assessment/AssessmentOutcome") == "H"
    assert theirs.findtext("ActivePlans/TransferLA") == "202"
    assert by_date[leaving.received_on.isoformat()].findtext("Exported") == "203"
