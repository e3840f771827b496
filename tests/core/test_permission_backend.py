"""Haven's backend reads the same permissions as Django's ModelBackend, in one
query (haven.core.permission_backend)."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.core.models import User
from haven.core.permission_backend import RoleBackend
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def _both(user: User) -> tuple[set[str], set[str]]:
    return (
        RoleBackend().get_all_permissions(_fresh(user)),
        ModelBackend().get_all_permissions(_fresh(user)),
    )


def test_a_role_and_a_permission_of_ones_own_are_read_as_django_reads_them(team):
    worker = make_user("wendy", "social_worker", team)
    worker.groups.add(Group.objects.get(name="Team manager"))
    worker.user_permissions.add(Permission.objects.get(codename="review_access"))
    ours, django = _both(worker)
    assert ours == django
    assert "core.review_access" in ours and "core.manage_team_cases" in ours


@pytest.mark.parametrize("role", ["administrator", "finance_officer", "cp_chair"])
def test_each_role_alone_is_read_as_django_reads_it(team, role):
    ours, django = _both(make_user("someone", role, team))
    assert ours == django and ours


def test_an_inactive_user_or_one_without_a_role_holds_nothing(team):
    nobody = User.objects.create_user(username="nobody", password="x", team=team)
    assert _both(nobody) == (set(), set())
    left = make_user("left", "social_worker", team)
    left.is_active = False
    left.save()
    assert _both(left) == (set(), set())


def test_one_query_reads_them_and_the_user_keeps_them(team):
    worker = _fresh(make_user("wendy", "social_worker", team))
    with CaptureQueriesContext(connection) as queries:
        assert worker.has_perm("core.view_case_record")
        assert not worker.has_perm("core.review_access")
    assert len(queries) == 1
