"""What one seeding of the demo authority holds (haven/demo): the checks that
only read it share one seeding, rolled back after them; those that seed it
more than once, or refuse to, are in test_seed_demo.py."""

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from haven.core import clock
from haven.core.models import User
from haven.core.roles import ROLES
from haven.people.codes import Ethnicity, Sex
from haven.people.lifestage import children_on
from haven.people.models import Person

pytestmark = pytest.mark.django_db

CHILDREN = 30


@pytest.fixture(scope="module", autouse=True)
def printed(django_db_setup, django_db_blocker) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The demo of CHILDREN children, seeded once for the module; what it printed."""
    out = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", children=CHILDREN, seed=7, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def test_it_staffs_every_role_and_every_worker_has_a_team():
    for role in ROLES:
        assert User.objects.filter(groups__name=role.name).exists(), role.name
    assert not User.objects.filter(team__isnull=True).exists()


def test_every_team_with_a_team_manager_is_managed():
    for manager in User.objects.filter(groups__name="Team manager"):
        assert manager.team.managers.filter(pk=manager.pk).exists()


def test_children_have_dfe_coded_characteristics():
    children = Person.objects.filter(children_on(clock.today()))
    assert children.count() == CHILDREN
    for child in children:
        assert child.sex in Sex.values
        assert child.ethnicity in Ethnicity.values
        assert 0 <= child.age <= 17


def test_every_demo_child_is_allocated_journaled_and_has_a_mother_and_address():
    from haven.core.journal import verify_all
    from haven.core.models import Allocation, JournalEvent

    for child in Person.objects.filter(children_on(clock.today())):
        assert child.addresses.exists()
        assert child.relationships.filter(kind="mother").exists()
        types = set(
            JournalEvent.objects.filter(person=child).values_list("type", flat=True)
        )
        assert {"people.person_registered", "core.case_allocated"} <= types
        # Held by someone now, unless the work with the child has ended.
        held = Allocation.objects.filter(person=child, ended_on__isnull=True)
        assert held.exists() or "core.allocation_ended" in types
    assert verify_all() == []


def test_a_few_demo_records_are_restricted_with_a_grant_to_their_worker():
    from haven.core.models import AccessGrant, Restriction

    assert Restriction.objects.count() == 2
    for restriction in Restriction.objects.all():
        worker = restriction.person.allocations.get(ended_on__isnull=True).worker
        assert AccessGrant.objects.filter(
            person=restriction.person, user=worker
        ).exists()


def test_demo_mothers_have_female_names_and_children_names_that_fit_their_sex():
    from haven.demo.names import GIVEN_NAMES_F, GIVEN_NAMES_M
    from haven.people.models import Relationship

    mother_ids = Relationship.objects.filter(kind="mother").values("other")
    mothers = Person.objects.filter(pk__in=mother_ids)
    assert mothers.exists()
    for mother in mothers:
        assert mother.sex == Sex.FEMALE
        assert mother.given_name in GIVEN_NAMES_F, mother.given_name
    for child in Person.objects.filter(children_on(clock.today())):
        if child.sex == Sex.FEMALE:
            assert child.given_name in GIVEN_NAMES_F
        elif child.sex == Sex.MALE:
            assert child.given_name in GIVEN_NAMES_M


def test_it_prints_every_login_with_the_child_protection_units(printed):
    assert "cp-chair" in printed and "Child protection chair" in printed
    # Their role is not in haven/core/roles.py yet: a title, and no group.
    admin = User.objects.get(username="conference-administrator")
    assert admin.job_title == "Child protection conference administrator"
    assert admin.team.name == "Independent Reviewing Service"
    assert (
        "  conference-administrator         Child protection conference "
        "administrator (Independent Reviewing Service)\n" in printed
    )
