"""Phase transfers (SENDR reg 18): opening one starts only its phase's rule
(SEN-PHASE to 14 February, SEN-PHASE-POST16 to 30 March of the transfer
year, SEN-POST16-MOVE 5 months before the move); the amended plan naming
the next school meets it. Dates are the engine's."""

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from lxml import etree

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import Establishment
from haven.send.changes import amendments, phase
from haven.send.sen2 import build
from haven.timescales.catalogue import rule
from tests.conftest import make_user
from tests.send.changes_steps import DUE, MET, issued_plan, obligations
from tests.send.conftest import ago

pytestmark = pytest.mark.django_db


def _year(rule_id: str) -> int:
    """The transfer year a transfer opened today may be for."""
    deadline = rule(rule_id).deadline
    assert deadline is not None
    return deadline.due_from(ago(0)).year


def test_a_school_transfer_is_due_by_14_february_and_met_by_naming_the_school(
    sally, child, school, settings
):
    plan = issued_plan(child, sally, school)
    year = _year("SEN-PHASE")
    transfer = phase.open_transfer(
        plan, phase="primary", transfer_year=year, on=ago(0), by=sally
    )
    key = str(transfer.pk)
    assert obligations(child, "SEN-PHASE") == [(key, DUE, dt.date(year, 2, 14))]
    assert obligations(child, "SEN-PHASE-POST16") == []
    amendment = amendments.propose(
        plan, proposed="I: Hill High", sent_on=ago(0), by=sally
    )
    assert amendment.transfer == transfer
    with pytest.raises(DomainErrors) as refused:
        amendments.issue(amendment, on=ago(0), changes="Names Hill High", by=sally)
    assert refused.value.codes == ["date_too_early", "named_required"]
    # Issued 15 days on (a date the test may put in the future: the service
    # refuses future dates, so the record is moved back instead).
    amendment.sent_on = ago(20)
    amendment.save()
    high = Establishment.objects.create(urn=100002, name="Hill High School")
    amendments.issue(
        amendment, on=ago(0), changes="Names Hill High", named=high, by=sally
    )
    assert obligations(child, "SEN-PHASE") == [(key, MET, dt.date(year, 2, 14))]
    transfer.refresh_from_db()
    assert (transfer.named, transfer.named_on) == (high, ago(0))
    # SEN2 5.6a is the engine's date, 5.6b the amended plan's (on a census
    # day just after it).
    census = ago(-1)
    settings.HAVEN_SEN2_CENSUS_DATES = {str(census.year + 1): census.isoformat()}
    active = etree.fromstring(build.build_sen2(census.year + 1, "999")).find(
        "Persons/Person/Requests/ActivePlans"
    )
    assert active.findtext("PhaseTransferDueDate") == f"{year}-02-14"
    assert active.findtext("PhaseTransferFinalDate") == ago(0).isoformat()


def test_a_post16_transfer_is_due_by_30_march(sally, child, school):
    plan = issued_plan(child, sally, school)
    year = _year("SEN-PHASE-POST16")
    transfer = phase.open_transfer(
        plan, phase="post16", transfer_year=year, on=ago(0), by=sally
    )
    assert obligations(child, "SEN-PHASE-POST16") == [
        (str(transfer.pk), DUE, dt.date(year, 3, 30))
    ]
    assert obligations(child, "SEN-PHASE") == []


def test_a_post16_move_is_due_5_months_before_it(sally, child, school):
    plan = issued_plan(child, sally, school)
    move = ago(-200)
    transfer = phase.open_transfer(
        plan,
        phase="post16_move",
        transfer_year=None,
        planned_on=move,
        on=ago(0),
        by=sally,
    )
    assert transfer.transfer_year == move.year
    assert obligations(child, "SEN-POST16-MOVE") == [
        (str(transfer.pk), DUE, move - relativedelta(months=5))
    ]


def test_a_transfer_year_the_date_cannot_reach_is_refused(sally, child, school):
    plan = issued_plan(child, sally, school)
    year = _year("SEN-PHASE")
    with pytest.raises(DomainError) as refused:
        phase.open_transfer(
            plan, phase="infant", transfer_year=year + 1, on=ago(0), by=sally
        )
    assert refused.value.code == "too_early"
    assert f"after 14 February {year}" in str(refused.value)
    with pytest.raises(DomainError) as refused:
        phase.open_transfer(
            plan, phase="infant", transfer_year=year - 1, on=ago(0), by=sally
        )
    assert refused.value.code == "too_late"
    assert f"by 14 February {year - 1}" in str(refused.value)


def test_every_fault_at_once(sally, child, school):
    plan = issued_plan(child, sally, school)
    with pytest.raises(DomainErrors) as refused:
        phase.open_transfer(plan, phase="", transfer_year=None, on=None, by=sally)
    assert refused.value.codes == ["phase_required", "date_required", "year_required"]
    with pytest.raises(DomainError) as refused:
        phase.open_transfer(
            plan, phase="post16_move", transfer_year=None, on=ago(0), by=sally
        )
    assert refused.value.code == "planned_required"


def test_someone_without_access_is_refused(client, sally, child, school, service):
    plan = issued_plan(child, sally, school)
    other = make_user("otto", "send_officer", service)
    with pytest.raises(AccessDenied):
        phase.open_transfer(
            plan, phase="primary", transfer_year=2030, on=ago(0), by=other
        )
    client.force_login(other)
    assert client.get(reverse("send:open_transfer", args=[plan.pk])).status_code == 403
