"""The public DfE validators, run in their own environment on tiny hand-made
returns: a planted fault is found, named by rule and by the child's Haven ID;
a clean return gives nothing but the validator's own documented faults.

The first test to run makes the validators' environment (var/validators, a
minute or two from nothing); every later run reuses it."""

import datetime as dt
import threading
import time
from pathlib import Path

import pytest

from haven.people import services
from haven.people.identifiers import upn_with_check_letter
from haven.returns.registry import Built
from haven.returns.validators import env, run
from haven.returns.validators.run import Crashed, Fired, Outcome

BORN = dt.date(2015, 2, 3)  # ten in the 2025-26 return
YEAR = 2026  # 1 April 2025 to 31 March 2026
UPN = upn_with_check_letter("382123415001")  # 382: Kirklees

TABLES_903 = {
    "header": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
    "episodes": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
    "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
    "reviews": "CHILD,DOB,REVIEW,REVIEW_CODE",
    "uasc": "CHILD,SEX,DOB,DUC",
    "oc2": "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,"
    "TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,"
    "INTERVENTION_OFFERED",
    "oc3": "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM",
    "ad1": "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR",
    "placed_for_adoption": "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,"
    "REASON_PLACED_CEASED",
    "previous_permanence": "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM",
    "missing": "CHILD,DOB,MISSING,MIS_START,MIS_END",
    "sw_episodes": "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON",
}


@pytest.fixture
def child(alice):
    return services.register_person(
        {"given_name": "Ruby", "family_name": "Sowerby", "date_of_birth": BORN},
        by=alice,
    )


def files_903(child_id: str, review_code: str | None = None) -> dict[str, bytes]:
    """One child in foster care in Kirklees since May 2025 (real postcodes:
    the validator derives the distance and placing authority from them)."""
    dob = BORN.strftime("%d/%m/%Y")
    rows = {
        "header": [f"{child_id},F,{dob},WBRI,{UPN},0,"],
        "episodes": [
            f"{child_id},01/05/2025,S,C2,N1,U4,PR1,,,,HD1 2YZ,HD3 4XY,SC123456"
        ],
        "previous_permanence": [f"{child_id},{dob},Z1,,"],
        "sw_episodes": [f"{child_id},{dob},SW123456,01/05/2025,,FCONTA"],
        "reviews": [f"{child_id},{dob},15/10/2025,{review_code}"]
        if review_code
        else [],
    }
    return {
        f"{name}.csv": "\n".join([header, *rows.get(name, [])]).encode() + b"\n"
        for name, header in TABLES_903.items()
    }


def census_xml(child_id: str, plan_starts: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>{YEAR}</Year>
      <ReferenceDate>{YEAR}-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>382</LEA><SoftwareCode>Haven</SoftwareCode>
      <Release>1</Release><SerialNo>001</SerialNo>
      <DateTime>{YEAR}-04-02T09:00:00</DateTime></Source>
  </Header>
  <Children><Child>
    <ChildIdentifiers><LAchildID>{child_id}</LAchildID><UPN>{UPN}</UPN>
      <PersonBirthDate>{BORN.isoformat()}</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
    <ChildCharacteristics><Ethnicity>WBRI</Ethnicity>
      <Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
    <CINdetails>
      <CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>2A</ReferralSource>
      <PrimaryNeedCode>N1</PrimaryNeedCode>
      <Assessments><AssessmentActualStartDate>2025-06-03</AssessmentActualStartDate>
        <AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>
        <FactorsIdentifiedAtAssessment><AssessmentFactors>16A</AssessmentFactors>
        </FactorsIdentifiedAtAssessment></Assessments>
      <CINPlanDates><CINPlanStartDate>{plan_starts}</CINPlanStartDate></CINPlanDates>
      <ReferralNFA>0</ReferralNFA>
    </CINdetails>
  </Child></Children>
</Message>
""".encode()


def _built(files: dict[str, bytes], child) -> Built:
    return Built(files=files, person_ids=frozenset({child.pk}))


@pytest.mark.django_db
def test_the_903_validator_names_a_planted_fault_by_rule_and_child(child):
    # PN0 says the child was under 4 at the review; she was ten.
    found = run.validate_903(_built(files_903(child.la_child_id, "PN0"), child), YEAR)
    real = [fault for fault in found if not fault.known_false_positive]
    assert [(fault.rule, fault.person_id) for fault in real] == [("440", child.pk)]
    assert "under 4 years old" in real[0].words


@pytest.mark.django_db
def test_a_clean_903_return_gives_only_the_validators_own_faults(child, tmp_path):
    for name, content in files_903(child.la_child_id, "PN1").items():
        (tmp_path / name).write_bytes(content)
    outcome = run.run_903(tmp_path, YEAR)
    assert (outcome.ruleset, outcome.fired) == ("lac2025_26", ())
    found = run.faults(outcome)
    assert all(fault.known_false_positive for fault in found)
    assert {fault.rule for fault in found} == {"231", "233"}
    assert "not checked by the validator (it crashes on every file)" in found[0].words


@pytest.mark.django_db
def test_the_census_validator_names_a_planted_fault_by_rule_and_child(child):
    # The child in need plan starts before the referral.
    xml = census_xml(child.la_child_id, plan_starts="2025-05-23")
    found = run.validate_cin(_built({"cin.xml": xml}, child), YEAR)
    real = [fault for fault in found if not fault.known_false_positive]
    assert [(fault.rule, fault.person_id) for fault in real] == [("4015", child.pk)]


@pytest.mark.django_db
def test_a_clean_census_gives_only_the_statistics_of_a_small_return(child):
    xml = census_xml(child.la_child_id, plan_starts="2025-06-23")
    found = run.validate_cin(_built({"cin.xml": xml}, child), YEAR)
    # Fewer than 8 disability codes used: true of any small return.
    assert [(f.rule, f.query, f.known_false_positive) for f in found] == [
        ("2887Q", True, True)
    ]
    assert "A known fault of the validator" in found[0].words


@pytest.mark.django_db
def test_known_faults_are_known_only_where_the_validator_is_wrong(child):
    other = "H999999999"  # no such person
    outcome = Outcome(
        kind="903",
        year=YEAR,
        ruleset="lac2025_26",
        fired=(
            Fired("435", "Reason for new episode is wrong.", False, ("H1", other)),
            Fired("1002", "Care leaver not looked after.", False, ()),
        ),
        crashed=(Crashed("501", "KeyError: 'DECOM'"),),
        skipped=(),
        ran=316,
        seconds=0.0,
        tags=(("H1", frozenset({"rne_t"})),),
    )
    found = run.faults(outcome)
    assert [(f.rule, f.known_false_positive) for f in found] == [
        ("435", True),  # RNE T: the validator reads it as P
        ("435", False),  # no RNE T: a real error
        ("1002", True),
        ("501", False),
    ]
    assert found[1].person_id is None and other in found[1].words
    assert found[3].words.startswith("The validator crashed on rule 501")


def test_two_processes_making_the_environment_at_once_leave_one(tmp_path):
    made: list[str] = []

    def make(folder: Path) -> None:
        made.append(threading.current_thread().name)
        folder.mkdir()
        time.sleep(0.2)  # the other waits on the lock meanwhile
        (folder / "bin").mkdir()

    racers = [
        threading.Thread(target=env.made_once, args=(tmp_path, "pins", make))
        for _ in range(2)
    ]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    assert len(made) == 1 and env.is_ready(tmp_path, "pins")
    assert env.made_once(tmp_path, "pins", make) is False


def test_a_half_made_environment_is_made_again(tmp_path):
    (tmp_path / "env").mkdir()
    (tmp_path / "env" / "left-over").write_text("cut short before the marker")
    assert env.made_once(tmp_path, "pins", lambda folder: folder.mkdir()) is True
    assert not (tmp_path / "env" / "left-over").exists()
    # New pins make it again too.
    assert env.made_once(tmp_path, "new pins", lambda folder: folder.mkdir())
