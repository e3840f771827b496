import pytest
from django.core.management import CommandError, call_command

from haven.core.models import DemoDatabase, User
from haven.people.models import Person

pytestmark = pytest.mark.django_db(transaction=True)


def _seed(children=20, seed=7):
    call_command("seed_demo", children=children, seed=seed, verbosity=0)


def test_the_same_seed_builds_the_same_authority():
    _seed(seed=3)
    first = list(
        Person.objects.values_list("given_name", "family_name", "date_of_birth")
    )
    call_command("flush", interactive=False, verbosity=0)
    _seed(seed=3)
    again = list(
        Person.objects.values_list("given_name", "family_name", "date_of_birth")
    )
    assert first == again


def test_it_refuses_a_database_with_records_it_did_not_create(alice):
    with pytest.raises(CommandError, match="did not create"):
        _seed()
    assert not DemoDatabase.objects.exists()
    assert User.objects.count() == 1


def test_it_refuses_to_build_twice_but_if_empty_succeeds():
    _seed()
    with pytest.raises(CommandError, match="already holds a demo"):
        _seed()
    call_command("seed_demo", if_empty=True, verbosity=0)
    assert DemoDatabase.objects.count() == 1
