"""Property: whatever the teams, roles, allocations and restrictions, the list
selector, the one-record check and an independent reading of the rules agree."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import access, among, clock
from haven.core.models import AccessGrant, Allocation, BreakGlass, Restriction, Team
from haven.core.roles import ROLES
from haven.people.selectors import people_visible_to
from tests.conftest import make_user
from tests.factories import ChildFactory

ROLE_KEYS = [role.key for role in ROLES]
user_spec = st.tuples(st.sampled_from(ROLE_KEYS), st.integers(0, 2), st.booleans())
child_spec = st.tuples(
    st.integers(-1, 2),  # allocated team (-1: none)
    st.integers(-1, 4),  # worker index (-1: team only)
    st.sampled_from(["none", "restricted", "sealed"]),
    st.lists(st.integers(0, 4), max_size=2),  # grants, or roles on a seal
    st.lists(st.tuples(st.integers(0, 4), st.booleans()), max_size=2),  # glass
)


def _oracle(user, child, spec, teams, users):
    team_i, _worker_i, restriction, picks, glass = spec
    perms = user.has_perm("core.view_case_record")
    allocation = Allocation.objects.filter(person=child, ended_on__isnull=True).first()
    managed = {t.pk for t in teams if user in t.managers.all()}
    if teams[0].pk in managed:  # the service: every team below it
        managed |= {t.pk for t in teams}
    related = (
        perms
        and allocation is not None
        and (
            allocation.worker_id == user.pk
            or allocation.team_id == user.team_id
            or allocation.team_id in managed
        )
    )
    glassed = perms and any(users[i % len(users)] == user and live for i, live in glass)
    if restriction == "restricted":
        return any(users[i % len(users)] == user for i in picks)
    if restriction == "sealed":
        names = {ROLES[i].name for i in picks}
        return any(g.name in names for g in user.groups.all())
    return related or glassed


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(user_spec, min_size=1, max_size=5), st.lists(child_spec, max_size=6))
def test_no_selector_returns_a_child_the_rules_deny(user_specs, child_specs):
    with transaction.atomic():
        service = Team.objects.create(name="Service", kind=Team.Kind.SERVICE)
        teams = [service] + [
            Team.objects.create(name=f"Team {i}", parent=service) for i in range(2)
        ]
        users = []
        for n, (role, team_i, manages) in enumerate(user_specs):
            user = make_user(f"user{n}", role, teams[team_i])
            if manages:
                teams[team_i].managers.add(user)
            users.append(user)
        now = clock.now()
        children = []
        for spec in child_specs:
            team_i, worker_i, restriction, picks, glass = spec
            child = ChildFactory()
            if team_i >= 0:
                team = teams[team_i]
                members = [u for u in users if u.team_id == team.pk]
                worker = (
                    members[worker_i % len(members)]
                    if members and worker_i >= 0
                    else None
                )
                Allocation.objects.create(
                    person=child,
                    team=team,
                    worker=worker,
                    started_on=dt.date(2026, 1, 1),
                )
            if restriction != "none":
                seal = Restriction.objects.create(
                    person=child,
                    kind=restriction,
                    reason="test",
                    created_at=now,
                    created_by=users[0],
                )
                if restriction == "sealed":
                    seal.sealed_for.set(
                        Group.objects.filter(name__in=[ROLES[i].name for i in picks])
                    )
                else:
                    for i in picks:
                        AccessGrant.objects.create(
                            person=child,
                            user=users[i % len(users)],
                            reason="test",
                            granted_by=users[0],
                            granted_at=now,
                        )
            for i, live in glass:
                BreakGlass.objects.create(
                    person=child,
                    user=users[i % len(users)],
                    reason="test",
                    started_at=now,
                    expires_at=now + dt.timedelta(hours=1 if live else -1),
                )
            children.append((child, spec))
        for user in users:
            visible = set(people_visible_to(user))
            # Asked of every child at once (more than `few.FEW` of them, or
            # fewer) and of each alone: the compiled checks agree too.
            together = among.openable_among(user, {c.pk for c, _spec in children})
            for child, spec in children:
                expected = _oracle(user, child, spec, teams, users)
                assert (child in visible) == expected, (user, spec)
                assert (access.why_user_may_open(user, child) is not None) == expected
                alone = among.openable_among(user, {child.pk})
                for found in (together, alone):
                    assert (child.pk in found.openable) == expected
                    secret = spec[2] != "none" and not expected
                    assert (child.pk in found.unnamed) == secret
        transaction.set_rollback(True)
