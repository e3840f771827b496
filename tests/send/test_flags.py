"""One child, one record: a looked-after child's EHC plan is flagged wherever
the child is named (the virtual school's PEP work among them), and beside
their PEPs; a draft or a ceased plan is not a plan in force."""

import pytest
from django.urls import reverse

from haven.core.caseroles import CaseRole
from haven.core.models import Team
from haven.core.services import allocate_case
from haven.core.work import items_for
from haven.send import plans
from haven.send.flags import with_a_plan
from tests.care.factories import ProviderFactory, in_care, in_home
from tests.conftest import make_user
from tests.send.conftest import ago, drafted

pytestmark = pytest.mark.django_db


def _issued(child, sally, school):
    plan = drafted(child, sally)
    text = plans.PlanText(
        sections={"a": "Sam likes trains."}, primary_need="ASD", setting=school
    )
    return plans.issue_plan(plan, on=ago(10), text=text, by=sally)


@pytest.fixture
def looked_after(child, alice):
    in_care(child, by=alice, on=ago(200), placement=in_home(ProviderFactory()))
    return child


def test_only_a_final_plan_in_force_carries_the_flag(sally, child, school):
    plan = drafted(child, sally)
    assert with_a_plan({child.pk}) == set()
    issued = plans.issue_plan(
        plan,
        on=ago(10),
        text=plans.PlanText(sections={}, primary_need="ASD", setting=school),
        by=sally,
    )
    assert with_a_plan({child.pk}) == {child.pk}
    issued.ceased_on = ago(1)
    issued.save()
    assert with_a_plan({child.pk}) == set()


def test_the_pep_and_the_education_section_show_the_plan(
    client, alice, sally, looked_after, school
):
    client.force_login(alice)
    pep = reverse("care:pep", args=[looked_after.pk])
    assert 'id="education-flags"' not in client.get(pep).content.decode()
    _issued(looked_after, sally, school)
    page = client.get(pep).content.decode()
    assert 'id="education-flags"' in page and "EHC plan</strong>" in page
    child_page = client.get(reverse("people:detail", args=[looked_after.pk]))
    assert child_page.content.decode().count("EHC plan</strong>") >= 2


def test_the_virtual_schools_pep_work_carries_the_flag(
    service, mona, sally, looked_after, school
):
    team = Team.objects.create(name="Virtual School", parent=service)
    vera = make_user("vera", "virtual_school_officer", team)
    allocate_case(
        looked_after,
        team=team,
        worker=vera,
        on=ago(190),
        reason="Came into care",
        role=CaseRole.VIRTUAL_SCHOOL,
        by=mona,
    )
    _issued(looked_after, sally, school)
    peps = [i for i in items_for([vera]) if i.rule_id.startswith("LAC-PEP")]
    assert peps
    assert all("EHC plan" in [f.words for f in item.flags] for item in peps)
