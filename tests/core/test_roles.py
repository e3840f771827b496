import pytest
from django.contrib.auth.models import Group

from haven.core.roles import ROLES, sync_roles

pytestmark = pytest.mark.django_db

EXPECTED_ROLES = {
    "Social worker",
    "Team manager",
    "Service manager",
    "Front door (MASH) worker",
    "Early help worker",
    "Independent reviewing officer",
    "Adoption worker",
    "Virtual school officer",
    "Child protection chair",
    "Finance officer",
    "SEND officer",
    "Performance analyst",
    "Administrator",
}


def test_every_role_is_a_group_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= EXPECTED_ROLES
    assert {role.name for role in ROLES} == EXPECTED_ROLES


def test_each_group_has_exactly_its_roles_permissions():
    for role in ROLES:
        group = Group.objects.get(name=role.name)
        held = {
            codename if app == "core" else f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == set(role.permissions), role.name


def test_sync_roles_removes_a_permission_granted_by_hand():
    group = Group.objects.get(name="Administrator")
    extra = Group.objects.get(name="Social worker").permissions.first()
    group.permissions.add(extra)
    sync_roles()
    assert extra not in group.permissions.all()


def test_administrators_do_not_read_case_records(adam):
    assert adam.has_perm("core.manage_reference_data")
    assert not adam.has_perm("core.view_case_record")


def test_caseworkers_read_case_records_but_cannot_manage_reference_data(alice):
    assert alice.has_perm("core.view_case_record")
    assert not alice.has_perm("core.manage_reference_data")
