"""A looked-after child's school history: the establishments list loads from
its CSV (twice loads nothing twice; bad rows named), enrolments by URN with
one main school at a time, a term's attendance with its percentage,
suspensions and exclusions with the DfE reason; a PEP names the school the
child is on the roll of; the virtual school officer records for the children
allocated to them, and for no other."""

import datetime as dt

import pytest
from django.core.management import call_command

from haven.care.education import attendance, recording, schools
from haven.care.education import demo as education_demo
from haven.care.models import Attendance, Enrolment, Exclusion
from haven.core import establishments
from haven.core.caseroles import CaseRole
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import Establishment, JournalEvent, Team
from haven.core.services import allocate_case
from haven.core.work import items_for
from tests.care.factories import fostered, in_care
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
D = dt.date
HEAD = (
    "URN,LA (code),EstablishmentName,TypeOfEstablishment (name),"
    "EstablishmentStatus (name),OpenDate,CloseDate,PhaseOfEducation (name),"
    "Postcode,UKPRN\n"
)
ROWS = (
    "990101,382,Ashcombe Lane Primary School,Community school,Open,"
    "01-09-1974,,Primary,hd1 2yz,19990101\n"
    "990201,382,Foxholme High School,Academy sponsor led,Open,01-09-2012,,"
    "Secondary,HD4 6UL,\n"
    "990302,382,Kestrel Pupil Referral Unit,Pupil referral unit,Open,"
    "01-09-2001,,Not applicable,HD9 2LU,19990302\n"
)


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


@pytest.fixture
def schools_list(db):
    return establishments.load(HEAD + ROWS)


@pytest.fixture
def period(child, alice, carer, schools_list):
    return in_care(child, by=alice, on=D(2025, 1, 10), placement=fostered(carer))


@pytest.fixture
def vera(service, child, mona):
    """The virtual school's officer, allocated Jasmine by her manager."""
    school = Team.objects.create(name="Virtual School", parent=service)
    vera = make_user("vera", "virtual_school_officer", school)
    allocate_case(
        child,
        team=school,
        worker=vera,
        on=D(2025, 1, 13),
        reason="Came into care",
        role=CaseRole.VIRTUAL_SCHOOL,
        by=mona,
    )
    return vera


SEPTEMBER = D(2024, 9, 4)


def _enrol(child, by, urn="990101", kind="main", on=SEPTEMBER, end=None):
    new = schools.NewEnrolment(urn=urn, kind=kind, started_on=on, ended_on=end)
    return schools.record_enrolment(child, new, by=by)


def test_the_list_loads_once_and_updates_in_place(schools_list):
    assert (schools_list.created, schools_list.refused) == (3, [])
    again = establishments.load(HEAD + ROWS.replace("Foxholme High", "Foxholme"))
    assert (again.created, again.updated, again.unchanged) == (0, 1, 2)
    assert Establishment.objects.count() == 3
    school = Establishment.objects.get(urn=990101)
    assert (school.postcode, school.ukprn, school.opened_on) == (
        "HD1 2YZ",
        19990101,
        D(1974, 9, 1),
    )
    assert Establishment.objects.get(urn=990201).name == "Foxholme School"


def test_the_loader_names_each_row_it_refuses(db):
    loaded = establishments.load(
        HEAD
        + ",382,No Number School,,Open,,,,,\n"
        + "12x,382,Bad School,,Open,31-02-2020,,,,\n"
        + "990401,382,Shut School,,Closed,01-09-2020,01-09-2010,,,\n"
        + "990402,382,Good School,,Open,,,,,\n"
        + "990402,382,Good School Again,,Open,,,,,\n"
    )
    assert loaded.created == 1
    assert loaded.refused == [
        "Line 2: it has no URN",
        'Line 3: URN "12x" is not a number; OpenDate "31-02-2020" is not a '
        "date (day-month-year)",
        "Line 4: its CloseDate is before its OpenDate",
        "Line 6: URN 990402 appears twice in the file",
    ]
    assert establishments.load("Name,Code\nx,y\n").refused == [
        'The file is not the establishments list\'s layout: it has no "URN", '
        '"EstablishmentName" column'
    ]


def test_a_new_main_school_ends_the_last(child, period, alice):
    first = _enrol(child, alice)
    second = _enrol(child, alice, urn="990201", on=D(2025, 9, 3))
    first.refresh_from_db()
    assert first.ended_on == D(2025, 9, 2)
    assert schools.current_enrolment(child, D(2025, 10, 1)) == second
    event = JournalEvent.objects.filter(person=child, type=schools.ENROLLED).last()
    assert event.payload["ended"] == [first.pk]
    # A dual registration runs beside the main school.
    _enrol(child, alice, urn="990302", kind="subsidiary", on=D(2025, 10, 1))
    assert schools.current_enrolment(child, D(2025, 10, 2)) == second


def test_an_enrolment_names_every_fault(child, period, alice):
    _enrol(child, alice, on=D(2024, 9, 4), end=D(2025, 7, 20))
    with pytest.raises(DomainError) as refused:
        _enrol(child, alice, urn="123", kind="", on=None)
    assert _codes(refused) == ["date_required", "kind_required", "urn_unknown"]
    with pytest.raises(DomainError) as refused:
        _enrol(child, alice, urn="990201", on=D(2025, 3, 1), end=D(2025, 9, 1))
    assert _codes(refused) == ["enrolment_overlaps"]
    assert "Ashcombe Lane Primary School" in refused.value.failures[0].message
    assert Enrolment.objects.count() == 1


def test_attendance_and_exclusions_at_a_school(child, period, alice):
    school = _enrol(child, alice)
    term = attendance.Term(year=2024, term="autumn", possible=140, attended=119)
    made = attendance.record_attendance(child, school, term, by=alice)
    assert made.percentage == 85.0 and made.school_year == "2024/25"
    with pytest.raises(DomainError) as refused:
        attendance.record_attendance(child, school, term, by=alice)
    assert _codes(refused) == ["term_recorded"]
    with pytest.raises(DomainError) as refused:
        attendance.record_attendance(
            child, None, attendance.Term(2030, "", 0, 5), by=alice
        )
    assert _codes(refused) == [
        "enrolment_required",
        "possible_required",
        "term_required",
    ]
    suspension = attendance.NewExclusion(
        "suspension", D(2025, 2, 3), D(2025, 2, 4), 4, "VA"
    )
    attendance.record_exclusion(child, school, suspension, by=alice)
    with pytest.raises(DomainError) as refused:
        attendance.record_exclusion(
            child,
            school,
            attendance.NewExclusion(
                "permanent", D(2024, 1, 1), D(2024, 2, 1), None, ""
            ),
            by=alice,
        )
    assert _codes(refused) == [
        "outside_enrolment",
        "permanent_has_no_end",
        "reason_required",
    ]
    assert Exclusion.objects.get().get_reason_display() == (
        "Verbal abuse or threatening behaviour against an adult"
    )
    assert (
        JournalEvent.objects.filter(person=child, type=attendance.EXCLUDED).count() == 1
    )


def test_a_pep_names_the_school_the_child_is_on_the_roll_of(child, period, alice):
    _enrol(child, alice)
    pep = recording.record_pep(
        child,
        recording.Pep(
            held_on=D(2025, 1, 22),
            term="spring",
            school="",
            designated_teacher="Mrs Ada Kettle",
            virtual_school="",
            summary="Reading catch-up.",
        ),
        by=alice,
    )
    assert pep.school == "Ashcombe Lane Primary School"


def test_the_virtual_school_officer_records_for_their_children_only(
    child, period, vera, bob
):
    school = _enrol(child, vera)
    term = attendance.Term(year=2024, term="spring", possible=120, attended=120)
    attendance.record_attendance(child, school, term, by=vera)
    assert Attendance.objects.get().percentage == 100.0
    with pytest.raises(AccessDenied):
        _enrol(child, bob, urn="990201")
    other = make_user("otto", "virtual_school_officer", vera.team)
    other.team = None
    other.save()
    with pytest.raises(AccessDenied):
        _enrol(child, other, urn="990201", on=D(2025, 9, 1))


def test_the_section_shows_the_schools(client, alice, child, period):
    school = _enrol(child, alice)
    attendance.record_attendance(
        child, school, attendance.Term(2024, "autumn", 140, 119), by=alice
    )
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Ashcombe Lane Primary School" in page
    assert "85.0%" in page
    assert f"/looked-after/people/{child.pk}/education/school/" in page


def test_the_virtual_school_officer_has_the_pep_due_on_my_work(
    child, period, vera, alice
):
    items = [i for i in items_for([vera], vera) if i.rule_id == "LAC-PEP"]
    assert [(i.person_id, i.due_on) for i in items] == [(child.pk, D(2025, 1, 24))]
    assert not [i for i in items_for([vera], vera) if i.rule_id == "LAC-REVIEW-1"]


def test_the_command_loads_the_demo_extract_twice_loading_nothing_twice(db, capsys):
    call_command("load_establishments", str(education_demo.LIST))
    first = capsys.readouterr().out
    call_command("load_establishments", str(education_demo.LIST))
    assert "12 added, 0 updated, 0 unchanged, 0 not loaded" in first
    assert "0 added, 0 updated, 12 unchanged" in capsys.readouterr().out
    assert Establishment.objects.filter(closed_on__isnull=False).count() == 1


def test_the_virtual_school_officer_records_a_pep_and_opens_the_pages(
    client, child, period, vera
):
    _enrol(child, vera)
    pep = recording.record_pep(
        child,
        recording.Pep(
            held_on=D(2025, 1, 22),
            term="spring",
            school="",
            designated_teacher="Mrs Ada Kettle",
            virtual_school="Vera Tester",
            summary="Reading catch-up.",
        ),
        by=vera,
    )
    assert pep.recorded_by == vera
    client.force_login(vera)
    for url in ("education/pep/", "education/school/", "education/attendance/"):
        response = client.get(f"/looked-after/people/{child.pk}/{url}")
        assert response.status_code == 200, url
    # Recording care itself stays the social worker's.
    assert client.get(f"/looked-after/people/{child.pk}/uasc/").status_code == 403
