"""An EHC plan's details as SEN2 has them: up to two named settings, each
exactly one of a URN, a UKPRN or an SENsetting code (NEET, NIEC and NIEO for
placements only); the personal budget and residential and work-based codes;
dated placements whose main ones never overlap. Each refusal in words."""

import pytest
from django.urls import reverse

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import Establishment, JournalEvent
from haven.send import details, details_placements, plans
from haven.send.details import Arrangements, WhereGiven
from haven.send.models import EhcPlan
from tests.conftest import make_user
from tests.send.conftest import ago, drafted

pytestmark = pytest.mark.django_db


def _issued(child, sally, school) -> EhcPlan:
    plan = drafted(child, sally)
    text = plans.PlanText(setting=school, primary_need="ASD")
    return plans.issue_plan(plan, on=ago(10), text=text, by=sally)


def _codes(refused) -> list[str]:
    err = refused.value
    return err.codes if isinstance(err, DomainErrors) else [err.code]


def _events(child, kind: str) -> list[dict]:
    return [
        e.payload
        for e in JournalEvent.objects.filter(person=child, type=kind).order_by("pk")
    ]


def test_the_main_setting_by_name_is_the_plans_own_setting(sally, child, school):
    plan = drafted(child, sally)
    details.name_setting(
        plan, rank=1, given=WhereGiven(school="hilltop", sen_unit=True), by=sally
    )
    plan.refresh_from_db()
    assert plan.setting == school
    [main] = details.plan_details(plan)
    assert (main.rank, main.establishment, main.sen_unit) == (1, school, True)
    assert _events(child, "send.setting_named")[-1]["urn"] == school.urn


def test_a_second_setting_by_ukprn_and_a_main_one_without_a_urn(sally, child, school):
    plan = _issued(child, sally, school)
    details.name_setting(plan, rank=2, given=WhereGiven(ukprn=10012345), by=sally)
    given = WhereGiven(sen_setting="OTH", other="A farm-based project")
    details.name_setting(plan, rank=1, given=given, by=sally)
    plan.refresh_from_db()
    assert plan.setting is None
    assert [(d.rank, d.where) for d in details.plan_details(plan)] == [
        (1, "Other (say what): A farm-based project"),
        (2, "UKPRN 10012345"),
    ]


def test_every_fault_of_a_named_setting_at_once(sally, child, school):
    plan = drafted(child, sally)
    given = WhereGiven(school="100001", ukprn=123, sen_setting="NIEO")
    with pytest.raises(DomainErrors) as refused:
        details.name_setting(plan, rank=None, given=given, by=sally)
    assert set(_codes(refused)) == {
        "rank_required",
        "where_twice",
        "ukprn_invalid",
        "setting_code_not_here",
        "other_required",
    }
    assert "not a setting a plan names" in str(refused.value)


def test_a_name_several_settings_match_is_refused_with_their_urns(sally, child, school):
    Establishment.objects.create(urn=100002, name="Hilltop Academy")
    plan = drafted(child, sally)
    with pytest.raises(DomainError) as refused:
        details.name_setting(plan, rank=1, given=WhereGiven(school="Hill"), by=sally)
    assert refused.value.code == "name_ambiguous"
    assert "URN 100001" in refused.value.message
    assert "URN 100002" in refused.value.message


def test_the_second_setting_needs_a_main_one_and_must_differ(sally, child, school):
    plan = drafted(child, sally)
    plan.setting = None
    plan.save()
    with pytest.raises(DomainError) as refused:
        details.name_setting(plan, rank=2, given=WhereGiven(school="100001"), by=sally)
    assert refused.value.code == "main_setting_first"
    details.name_setting(plan, rank=1, given=WhereGiven(school="100001"), by=sally)
    with pytest.raises(DomainError) as refused:
        details.name_setting(plan, rank=2, given=WhereGiven(school="100001"), by=sally)
    assert refused.value.code == "same_setting"


def test_the_personal_budget_and_codes(sally, child, school):
    plan = _issued(child, sally, school)
    given = Arrangements(
        personal_budget=True, organised=True, direct_payment="S", residential="B"
    )
    row = details.record_arrangements(plan, given=given, by=sally)
    assert (row.personal_budget, row.direct_payment, row.residential) == (
        True,
        "S",
        "B",
    )
    assert _events(child, "send.plan_arrangements_recorded")[-1]["residential"] == "B"


def test_organised_arrangements_or_a_direct_payment_need_a_budget(sally, child, school):
    plan = _issued(child, sally, school)
    given = Arrangements(organised=True, direct_payment="E", work_based="X")
    with pytest.raises(DomainErrors) as refused:
        details.record_arrangements(plan, given=given, by=sally)
    assert set(_codes(refused)) == {
        "organised_without_budget",
        "payment_without_budget",
        "wbp_unknown",
    }


def test_a_ceased_plan_is_not_changed(sally, child, school):
    plan = _issued(child, sally, school)
    EhcPlan.objects.filter(pk=plan.pk).update(ceased_on=ago(1), cease_reason="5")
    with pytest.raises(DomainError) as refused:
        details.record_arrangements(plan, given=Arrangements(), by=sally)
    assert refused.value.code == "plan_ceased"


def _place(plan, sally, start, end=None, rank=1, **where):
    given = WhereGiven(**(where or {"school": "100001"}))
    return details_placements.record_placement(
        plan, rank=rank, given=given, entered_on=start, left_on=end, by=sally
    )


def test_main_placements_never_overlap(sally, child, school):
    plan = _issued(child, sally, school)
    first = _place(plan, sally, ago(300))
    with pytest.raises(DomainError) as refused:
        _place(plan, sally, ago(5), sen_setting="NIEO", other="Awaiting a place")
    assert refused.value.code == "overlap"
    assert "has not ended" in refused.value.message
    _place(plan, sally, ago(5), rank=2, ukprn=10012345)  # a second may overlap
    details_placements.end_placement(first, left_on=ago(6), by=sally)
    now = _place(plan, sally, ago(5), sen_setting="NIEO", other="Awaiting a place")
    assert details_placements.current_placement(plan) == now
    assert [e["placement"] for e in _events(child, "send.placement_recorded")] == [
        p.pk for p in plan.placements.order_by("pk")
    ]
    assert _events(child, "send.placement_ended")[0]["left_on"] == str(ago(6))


def test_a_placement_within_an_earlier_one_is_refused(sally, child, school):
    plan = _issued(child, sally, school)
    _place(plan, sally, ago(300), ago(100))
    with pytest.raises(DomainError) as refused:
        _place(plan, sally, ago(200), ago(150))
    assert refused.value.code == "overlap"
    _place(plan, sally, ago(99))


def test_a_placement_is_refused_in_words(sally, child, school):
    plan = drafted(child, sally)
    with pytest.raises(DomainErrors) as refused:
        details_placements.record_placement(
            plan,
            rank=1,
            given=WhereGiven(),
            entered_on=ago(5),
            left_on=ago(10),
            residential="C",
            by=sally,
        )
    assert set(_codes(refused)) == {
        "plan_not_final",
        "where_required",
        "date_too_early",
        "res_unknown",
    }


def test_someone_without_access_is_refused(sally, alice, child, school, service):
    plan = _issued(child, sally, school)
    with pytest.raises(DomainError) as refused:
        details.record_arrangements(plan, given=Arrangements(), by=alice)
    assert refused.value.code == "not_permitted"
    other = make_user("otto", "send_officer", service)
    with pytest.raises(AccessDenied):
        details.name_setting(plan, rank=1, given=WhereGiven(school="1"), by=other)
    with pytest.raises(AccessDenied):
        _place(plan, other, ago(5))


def test_the_request_page_and_the_section_show_the_details(
    client, sally, alice, child, school
):
    plan = _issued(child, sally, school)
    _place(plan, sally, ago(5))
    given = Arrangements(personal_budget=True, direct_payment="H", residential="A")
    details.record_arrangements(plan, given=given, by=sally)
    client.force_login(sally)
    page = client.get(reverse("send:request", args=[plan.request_id])).content.decode()
    assert "haven-table-container" in page and "RFC 1299" in page
    assert reverse("send:placement", args=[plan.pk]) in page
    section = client.get(reverse("send:child", args=[child.pk])).content.decode()
    assert "Placed now" in section and "direct payment for health" in section
    client.force_login(alice)
    for name in ("named_setting", "plan_arrangements", "placement"):
        assert client.get(reverse(f"send:{name}", args=[plan.pk])).status_code == 403


def test_the_demo_furnishes_a_final_plan_whatever_the_day(sally, child, school):
    """haven/send/details_demo.py on one child: a consulted school's reply, a
    main setting, a placement from the plan's issue (none in the future)."""
    import random

    from haven.core import clock
    from haven.send import demo

    Establishment.objects.create(urn=100003, name="Riverside School")
    demo._take_to(child, "issued", random.Random(1), sally, [school])
    plan = EhcPlan.objects.get(person=child)
    assert plan.request.consultations.get().answer == "Y"
    assert [d.rank for d in details.plan_details(plan)] == [1]
    now = details_placements.current_placement(plan)
    assert now is not None and now.entered_on == plan.issued_on
    assert all(p.entered_on <= clock.today() for p in plan.placements.all())
