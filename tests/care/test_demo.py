"""The demo authority's looked-after children (haven/care/demo.py): about one
child in ten looked after, with the histories the issue asks for (moves with
reasons, out-of-area placements at real postcodes, missing episodes with
police references and return interviews, short breaks, children who left
care), every history one the services' own checks accept, no discrepancy the
demo did not mean, the whereabouts board showing them all, and each child in
care now with an IRO, their plans (haven/care/plans/demo.py) and no review or
plan overdue; each with their virtual school officer, the school-age with a
school, and one or two UASC."""

import datetime as dt

import pytest
from django.db import transaction

from haven.care import demo_places, discrepancies, episodes
from haven.care.board import whole_board
from haven.care.codes import SHORT_BREAKS
from haven.care.distance import Area
from haven.care.history import check
from haven.care.models import (
    CarePlan,
    Carer,
    Enrolment,
    MissingEpisode,
    PeriodOfCare,
    Placement,
    PlacementPlan,
    Provider,
    Recommendation,
    UascStatus,
)
from haven.care.plans.demo import FRESH
from haven.care.recording import history_of, rows_of
from haven.care.uasc.ssda903 import uasc_row
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, User
from haven.core.selectors import current_allocation
from haven.people.lifestage import children_on
from haven.people.models import Person
from haven.send.models import EhcRequest
from haven.send.sen2 import build, census, report
from haven.timescales.models import Obligation
from tests import demo_authority as shared_demo

pytestmark = pytest.mark.django_db

CHILDREN = shared_demo.CHILDREN


@pytest.fixture(scope="module", autouse=True)
def authority(demo_authority: None) -> None:
    """The demo authority of CHILDREN children, seeded once for this module and
    tests/returns/demo (tests/demo_authority.py), rolled back after them."""


def _histories():
    for period in PeriodOfCare.objects.select_related("person"):
        yield period, history_of(period, *rows_of(period))


def _looked_after_today() -> set[int]:
    today = clock.today()
    return {
        period.person_id
        for period, history in _histories()
        if episodes.looked_after_on(history, today)
    }


def test_about_one_child_in_ten_is_looked_after():
    children = Person.objects.filter(children_on(clock.today())).count()
    looked_after = len(_looked_after_today())
    assert 0.07 * children <= looked_after <= 0.12 * children


def test_every_history_passes_the_services_checks():
    for period, history in _histories():
        check(history, born=period.person.date_of_birth, today=clock.today())


def test_histories_have_moves_legal_orders_and_children_who_left_care():
    reasons = set(Placement.objects.values_list("change_reason", flat=True))
    assert {"CARPL", "PLACE"} <= reasons
    codes = {
        code
        for _, history in _histories()
        for code in (s.code for s in history.statuses)
    }
    assert {"C1", "C2", "V2"} <= codes
    assert codes & SHORT_BREAKS
    ended = PeriodOfCare.objects.exclude(ended_on=None)
    assert ended.exclude(legal_statuses__code__in=SHORT_BREAKS).exists()


def test_providers_and_carers_are_made_once_per_authority():
    assert Provider.objects.count() == len(demo_places.PROVIDERS) + 1
    carers = Carer.objects.filter(connected_person=False)
    assert 0 < carers.count() < PeriodOfCare.objects.count()
    with transaction.atomic():
        demo_places.places(demo_places.random.Random(1))
        assert Provider.objects.count() == len(demo_places.PROVIDERS) + 1


def test_missing_episodes_are_reported_to_the_police_with_a_return_interview():
    episodes_ = MissingEpisode.objects.all()
    assert episodes_.exists()
    for episode in episodes_:
        assert episode.reported_to_police and episode.police_reference
        if episode.ended_at is not None:
            assert episode.interview_offered_on is not None
    assert episodes_.filter(ended_at=None).count() <= 1


def test_no_discrepancy_the_demo_did_not_mean():
    today = clock.today()
    found = discrepancies.discrepancies(discrepancies.looked_after_ids(today), today)
    assert found == []


def test_the_board_shows_every_looked_after_child_in_and_out_of_area(settings):
    settings.HAVEN_AREA_CODES = list(demo_places.AREA_CODES)
    manager = User.objects.get(username="service-manager")
    board = whole_board(manager)
    shown = {row.child.pk for row in board.rows}
    assert _looked_after_today() <= shown | set()
    assert board.hidden <= 2  # the demo's restricted records, if any are in care
    areas = {row.where.area for row in board.rows}
    assert {Area.IN, Area.OUT} <= areas
    assert any(
        row.where.miles is not None and row.where.miles > 20 for row in board.rows
    )


def test_the_board_for_a_past_day_agrees_with_the_records_as_kept_then():
    manager = User.objects.get(username="service-manager")
    month_ago = clock.today() - dt.timedelta(days=30)
    board = whole_board(manager, day=month_ago)
    assert board.rows
    assert board.differ == 0


def test_every_looked_after_child_is_a_child_in_need_and_those_who_left_closed():
    in_care = PeriodOfCare.objects.filter(ended_on=None).values("person")
    opened = CinEpisode.objects.filter(closed_on=None).values_list("person", flat=True)
    assert in_care.exists() and not in_care.exclude(person__in=opened).exists()
    # A child who left care over six weeks ago (not from short breaks) had
    # their case closed; one who left since may still be in need.
    weeks_ago = clock.today() - dt.timedelta(weeks=6)
    left = set(
        PeriodOfCare.objects.filter(ended_on__lt=weeks_ago)
        .exclude(legal_statuses__code__in=SHORT_BREAKS)
        .exclude(person__in=in_care)
        .values_list("person", flat=True)
    )
    assert left and left.isdisjoint(opened)


def test_children_in_care_have_an_iro_and_no_review_overdue():
    in_care = PeriodOfCare.objects.filter(ended_on=None).exclude(
        legal_statuses__code__in=SHORT_BREAKS
    )
    assert in_care.exists()
    for period in in_care.select_related("person"):
        assert current_allocation(period.person, CaseRole.IRO) is not None, period
    assert Recommendation.objects.filter(done_on=None).exists()
    overdue = Obligation.objects.filter(
        rule_id__in=(
            "LAC-REVIEW-1",
            "LAC-REVIEW-2",
            "LAC-REVIEW-N",
            "LAC-IRO-APPT",
            "LAC-IRO-RECORD",
        ),
        status=Obligation.Status.DUE,
        due_on__lt=clock.today(),
    )
    assert list(overdue.values_list("rule_id", "person_id", "due_on")) == []


def test_children_looked_after_have_their_plans():
    today = clock.today()
    settled = today - dt.timedelta(days=FRESH + 1)
    periods = PeriodOfCare.objects.filter(ended_on__isnull=True)
    assert periods.exists()
    for period in periods.filter(started_on__lte=settled):
        plans = list(CarePlan.objects.filter(period=period).order_by("number"))
        assert plans, period
        if period.started_on < today - dt.timedelta(days=130):
            assert plans[-1].permanence, period
        placement = period.placements.get(ended_on__isnull=True)
        if placement.started_on <= settled:
            assert PlacementPlan.objects.filter(placement=placement).exists()


def test_no_plan_is_overdue_in_the_demo():
    overdue = Obligation.objects.filter(
        rule_id__in=("LAC-CAREPLAN", "LAC-PLACEPLAN", "LAC-PERM-PLAN"),
        status=Obligation.Status.DUE,
        due_on__lt=clock.today(),
    )
    assert list(overdue) == []


def test_every_placement_with_a_provider_is_priced_today():
    """haven/finance/demo.py: the demo's rates price every open placement."""
    from haven.finance.owed import owed

    day = clock.today() - dt.timedelta(days=1)
    providers = Provider.objects.filter(placements__ended_on__isnull=True).distinct()
    lines = owed(providers, starts_on=day, ends_on=clock.today())
    assert lines and all(line.weekly_rate is not None for line in lines)


def test_the_demo_has_invoices_with_differences_and_this_years_budgets():
    """haven/finance/invoices/demo.py and forecasts/demo.py."""
    from haven.finance.forecasts import commitments
    from haven.finance.forecasts.models import Budget
    from haven.finance.invoices.models import Invoice
    from haven.finance.invoices.services import rows

    invoices = list(Invoice.objects.all())
    assert {i.status for i in invoices} == {"received", "disputed"}
    differences = {d.code for i in invoices for r in rows(i) for d in r.differences}
    assert {"rate", "total"} <= differences
    year = commitments.financial_year(clock.today())
    assert Budget.objects.filter(year=year, annual__gt=0).count() >= 2


def test_one_child_adopted_and_one_placed_for_adoption_sealed():
    from haven.care.adoption import sealed
    from haven.care.models import Adopters

    adopted = Adopters.objects.filter(adopted_on__isnull=False)
    placed = Adopters.objects.filter(adopted_on=None, placement__isnull=False)
    assert (adopted.count(), placed.count()) == (1, 1)
    worker = User.objects.get(username="adoption-worker")
    child = placed.get().decision.person
    assert sealed.adopters_for(child, worker) is not None
    assert sealed.adopters_for(child, current_allocation(child).worker) is None
    due = Obligation.objects.filter(
        person=child, rule_id__startswith="ADO-", status=Obligation.Status.DUE
    )
    assert {o.rule_id for o in due} == {"ADO-REVIEW-PLACED", "ADO-VISIT"}
    assert not due.filter(due_on__lt=clock.today()).exists()
    # The IRO chairs the adoption review: it is on their My work.
    from haven.timescales.queue import my_work

    iro = current_allocation(child, CaseRole.IRO)
    assert iro is not None and iro.worker is not None
    overdue, rest = my_work(iro.worker)
    assert "ADO-REVIEW-PLACED" in {item.rule_id for item in overdue + rest}


def test_every_order_based_legal_status_has_its_order_and_one_child_is_in_court():
    from haven.care.court.kinds import NEEDS_AN_ORDER, ORDER_FOR
    from haven.care.models import LegalStatus, Proceedings
    from haven.timescales.queue import my_work

    statuses = LegalStatus.objects.filter(code__in=NEEDS_AN_ORDER)
    assert statuses.exists()
    for status in statuses.select_related("order"):
        assert status.order is not None, status
        assert status.order.kind == ORDER_FOR[status.code], status
    (case,) = Proceedings.objects.filter(disposed_on__isnull=True)
    due = Obligation.objects.get(rule_id="CRT-26W", subject=str(case.pk))
    assert due.status == Obligation.Status.DUE and due.due_on > clock.today()
    held = current_allocation(case.person)
    assert held is not None and held.worker is not None
    overdue, rest = my_work(held.worker)
    assert any(item.rule_id == "CRT-26W" for item in overdue + rest)
    overdue_orders = Obligation.objects.filter(
        rule_id__in=("CRT-EPO", "CRT-POLICE", "CRT-CAO"),
        status=Obligation.Status.DUE,
        due_on__lt=clock.today(),
    )
    assert list(overdue_orders.values_list("rule_id", "person_id")) == []


def test_children_in_care_have_schools_a_virtual_school_officer_and_uasc():
    today = clock.today()
    in_care = PeriodOfCare.objects.filter(ended_on__isnull=True)
    for period in in_care.select_related("person"):
        held = current_allocation(period.person, CaseRole.VIRTUAL_SCHOOL)
        assert held is not None and held.worker is not None, period.person_id
    assert Enrolment.objects.filter(person__in=in_care.values("person")).exists()
    statuses = list(UascStatus.objects.select_related("person"))
    assert 1 <= len(statuses) <= 2
    assert all(uasc_row(s.person, today) is not None for s in statuses)
    assert User.objects.filter(username="virtual-school-officer").exists()


def test_care_leavers_18_to_20_have_their_adviser_plan_and_support():
    """On purpose, whatever the day: three young people aged 18, 19 and 20,
    each with the demo's personal adviser, a pathway plan, a birthday record
    from 18 to their age (OC3), somewhere to live, staying put and staying
    close once each; the adviser's My work holds the visit due within the week
    of the youngest's move (CL-PA-VISIT-1) and the others' next visits and
    reviews, none of them overdue."""
    from haven.care.leavers.demo import ADVISER
    from haven.care.leavers.rules import age_on
    from haven.care.leavers.status import leaver_status
    from haven.care.models import (
        BirthdayContact,
        LeaverAccommodation,
        PathwayPlan,
        StayingArrangement,
    )
    from haven.timescales.queue import my_work

    today = clock.today()
    adviser = User.objects.get(username=ADVISER)
    held = Person.objects.filter(
        allocations__role=CaseRole.PERSONAL_ADVISER,
        allocations__ended_on=None,
        allocations__worker=adviser,
    )
    ages = sorted(age_on(p.date_of_birth, today) for p in held)
    assert ages == [18, 19, 20]
    for person in held:
        assert leaver_status(person, today).words == "Former relevant child"
        assert PathwayPlan.objects.filter(person=person).exists()
        kept = BirthdayContact.objects.filter(person=person).values_list(
            "age", flat=True
        )
        assert list(kept) == list(range(18, age_on(person.date_of_birth, today) + 1))
        assert LeaverAccommodation.objects.filter(person=person, ended_on=None).exists()
    kinds = sorted(StayingArrangement.objects.values_list("kind", flat=True))
    assert kinds == ["staying_close", "staying_put"]
    overdue, rest = my_work(adviser)
    rules = [i.rule_id for i in overdue + rest if i.rule_id.startswith("CL-")]
    assert not [i for i in overdue if i.rule_id.startswith("CL-")]
    assert rules.count("CL-PA-VISIT-1") == 1 and rules.count("CL-PA-VISIT-N") == 2
    assert rules.count("CL-PATHWAY-REVIEW") == 3
    first = next(i for i in rest if i.rule_id == "CL-PA-VISIT-1")
    assert today < first.due_on <= today + dt.timedelta(days=7)


def test_payees_have_approved_bank_details_and_two_one_off_payments():
    """haven/finance/bank/demo.py: every payee paid directly has details in
    use, held since before the first placement; once more adds nothing."""
    from haven.finance.bank import demo as bank_demo
    from haven.finance.models import OneOffPayment, PaymentDetails

    in_use = PaymentDetails.objects.filter(status="approved")
    agencies = Provider.objects.exclude(kind=Provider.Kind.LA_FOSTERING)
    assert not agencies.exclude(payment_details__status="approved").exists()
    assert all(d.approved_at.date() < clock.today() for d in in_use)
    assert PaymentDetails.objects.filter(status="proposed").count() == 1
    assert OneOffPayment.objects.filter(status="approved").count() == 2
    counts = (PaymentDetails.objects.count(), OneOffPayment.objects.count())
    bank_demo.populate()
    assert (PaymentDetails.objects.count(), OneOffPayment.objects.count()) == counts


def test_the_demo_pays_a_year_of_agency_runs_net_of_its_adjustments():
    """haven/finance/adjustments/demo.py: a year of closed four-weekly runs;
    after the last, what each agency placement was paid net, day by day,
    equals the rate owed that day; an uplift agreed late was paid as a
    difference. Nothing here depends on the day the demo was built."""
    from collections import defaultdict
    from decimal import Decimal

    from haven.finance.models import PaymentLine, PaymentRun, ProviderBalance
    from haven.finance.owed import owed

    paid_runs = PaymentRun.objects.filter(provider_kind="agency")
    assert paid_runs.count() >= 10
    assert set(paid_runs.values_list("status", flat=True)) == {"closed"}
    first = min(run.starts_on for run in paid_runs)
    stop = max(run.ends_on for run in paid_runs)
    assert (stop - first).days == 13 * 28
    net: dict = defaultdict(lambda: Decimal("0.00"))
    for line in PaymentLine.objects.filter(paid=True, provider__kind="agency"):
        for n in range(line.days):
            day = line.starts_on + dt.timedelta(days=n)
            net[(line.placement_id, line.provider_id, day)] += line.weekly_rate
    owed_days = {}
    for line in owed(
        Provider.objects.filter(kind="agency"), starts_on=first, ends_on=stop
    ):
        for n in range(line.days):
            day = line.starts_on + dt.timedelta(days=n)
            owed_days[(line.placement_id, line.provider_id, day)] = line.weekly_rate
    assert {k: v for k, v in net.items() if v} == owed_days
    adjusted = PaymentLine.objects.filter(kind="adjustment")
    assert adjusted.filter(reason__startswith="Rate agreed late").exists()
    assert adjusted.filter(reason__startswith="Rate lowered after payment").exists()
    carried = ProviderBalance.objects.filter(carried_out__gt=0)
    assert carried.exists() and carried.filter(carried_in__gt=0).exists()


def test_the_demo_holds_send_records_for_children_known_and_not_known():
    children = set(EhcRequest.objects.values_list("person_id", flat=True))
    known = set(
        Allocation.objects.filter(
            person_id__in=children, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
        ).values_list("person_id", flat=True)
    )
    # Some known to social care now; the rest (up to twice as many) not.
    assert known and len(known) < len(children) <= 3 * len(known)
    assert EhcRequest.objects.filter(plan__issued_on__isnull=False).exists()
    assert EhcRequest.objects.filter(plan__reviews__decided_on__isnull=False).exists()
    # The plan details (haven/send/details_demo.py): a placement, a setting
    # consulted, a personal budget.
    assert EhcRequest.objects.filter(plan__placements__rank=1).exists()
    assert EhcRequest.objects.filter(consultations__answer="Y").exists()
    assert EhcRequest.objects.filter(plan__arrangements__personal_budget=True).exists()


def test_no_leaving_care_needs_assessment_is_overdue_for_a_held_young_person():
    """Whatever the day: every young person someone holds who became an
    eligible or relevant child over two months ago has their needs
    assessment (haven/care/leavers/demo.py); nobody's is overdue."""
    from haven.care.leavers.becoming import BECAME_ELIGIBLE
    from haven.core.models import JournalEvent

    # At least the three care leavers, eligible from their 16th birthdays.
    assert JournalEvent.objects.filter(type=BECAME_ELIGIBLE).count() >= 3
    overdue = Obligation.objects.filter(
        rule_id__in=("CL-ELIG-ASSESS", "CL-REL-ASSESS"),
        status=Obligation.Status.DUE,
        due_on__lt=clock.today(),
        person__allocations__ended_on=None,
    )
    assert list(overdue.values_list("rule_id", "person_id", "due_on")) == []
    met = Obligation.objects.filter(
        rule_id="CL-ELIG-ASSESS", status=Obligation.Status.MET_ON_TIME
    )
    assert met.count() >= 3


def test_the_demos_sen2_return_for_the_latest_census_has_no_fault():
    sen2 = build.build(census.years()[0], "999")
    assert sen2.subjects
    assert report.check(sen2) == []
