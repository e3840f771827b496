"""Property: the one-record answer (one compiled query, remembered per user
object) is the list filter's answer, and a change to allocations, grants,
restrictions or break-glass within a request is seen at once."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import access, clock
from haven.core.models import (
    AccessGrant,
    Allocation,
    BreakGlass,
    Restriction,
    Team,
    User,
)
from haven.core.roles import ROLES
from haven.people.models import Person
from tests.conftest import make_user
from tests.factories import ChildFactory

ROLE_KEYS = [role.key for role in ROLES]
user_spec = st.tuples(
    st.sampled_from(ROLE_KEYS), st.integers(0, 2), st.booleans(), st.booleans()
)
child_spec = st.tuples(
    st.integers(-1, 2),  # allocated team (-1: none)
    st.integers(-1, 4),  # worker index (-1: team only)
    st.sampled_from([None, -1, -3, -30]),  # ended that many days ago, or current
    st.sampled_from(["none", "restricted", "sealed"]),
    st.lists(st.tuples(st.integers(0, 4), st.booleans()), max_size=2),  # grants
    st.lists(st.tuples(st.integers(0, 4), st.booleans()), max_size=2),  # glass
    st.integers(-1, 5),  # merged into the child at this index (-1: not merged)
)
# A change made between two checks in the same request.
change_spec = st.tuples(
    st.sampled_from(["allocate", "end", "restrict", "grant", "revoke", "glass"]),
    st.integers(0, 5),  # which child
    st.integers(0, 4),  # which user
    st.integers(0, 2),  # which team
)


def _world(user_specs):
    service = Team.objects.create(name="Service", kind=Team.Kind.SERVICE)
    teams = [service] + [
        Team.objects.create(name=f"Team {i}", parent=service) for i in range(2)
    ]
    users = []
    for n, (role, team_i, manages, active) in enumerate(user_specs):
        user = make_user(f"user{n}", role, teams[team_i])
        if manages:
            teams[team_i].managers.add(user)
        if not active:
            User.objects.filter(pk=user.pk).update(is_active=False)
        users.append(user)
    return teams, users


def _restrict(child, kind, grants, users, now):
    seal = Restriction.objects.create(
        person=child, kind=kind, reason="test", created_at=now, created_by=users[0]
    )
    if kind == "sealed":
        names = [ROLES[i].name for i, _ in grants]
        seal.sealed_for.set(Group.objects.filter(name__in=names))
        return
    for i, revoked in grants:
        AccessGrant.objects.create(
            person=child,
            user=users[i % len(users)],
            reason="test",
            granted_by=users[0],
            granted_at=now,
            revoked_at=now if revoked else None,
        )


def _child(spec, teams, users, now, children):
    team_i, worker_i, ended, restriction, grants, glass, merged = spec
    child = ChildFactory()
    if team_i >= 0:
        members = [u for u in users if u.team_id == teams[team_i].pk]
        worker = members[worker_i % len(members)] if members and worker_i >= 0 else None
        today = clock.today()
        Allocation.objects.create(
            person=child,
            team=teams[team_i],
            worker=worker,
            started_on=today - dt.timedelta(days=60),
            ended_on=None if ended is None else today + dt.timedelta(days=ended),
        )
    if restriction != "none":
        _restrict(child, restriction, grants, users, now)
    for i, live in glass:
        BreakGlass.objects.create(
            person=child,
            user=users[i % len(users)],
            reason=f"glass {i}",
            started_at=now - dt.timedelta(minutes=i),
            expires_at=now + dt.timedelta(hours=1 if live else -1),
        )
    if 0 <= merged < len(children):
        Person.objects.filter(pk=child.pk).update(merged_into=children[merged])
    return child


def _build(user_specs, child_specs):
    teams, users = _world(user_specs)
    now = clock.now()
    children: list[Person] = []
    for spec in child_specs:
        children.append(_child(spec, teams, users, now, children))
    return teams, users, children


def _fresh(user):
    return User.objects.get(pk=user.pk)


def _assert_agrees(user, children):
    """The one-record answers for this (possibly long-lived) user object equal
    the list filters' answers for a fresh one."""
    fresh = _fresh(user)
    visible = set(access.visible_people(fresh, Person.objects.all()))
    changeable = set(access.changeable_people(fresh, Person.objects.all()))
    for child in children:
        assert (access.why_user_may_open(user, child) is not None) == (child in visible)
        assert access.may_change(user, child) == (child in changeable)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(user_spec, min_size=1, max_size=5), st.lists(child_spec, max_size=6))
def test_the_one_record_answer_is_the_list_filters_answer(user_specs, child_specs):
    with transaction.atomic():
        _teams, users, children = _build(user_specs, child_specs)
        for user in users:
            _assert_agrees(_fresh(user), children)
        transaction.set_rollback(True)


def _change(change, teams, users, children, now):
    what, child_i, user_i, team_i = change
    child = children[child_i % len(children)]
    user = users[user_i % len(users)]
    if what == "allocate":
        Allocation.objects.filter(person=child, ended_on__isnull=True).delete()
        worker = user if user.team_id == teams[team_i].pk else None
        Allocation.objects.create(
            person=child,
            team=teams[team_i],
            worker=worker,
            started_on=clock.today(),
        )
    elif what == "end":
        current = Allocation.objects.filter(person=child, ended_on__isnull=True)
        current.update(ended_on=clock.today())
    elif what == "restrict" and not Restriction.objects.filter(person=child):
        _restrict(child, "restricted", [(user_i, False)], users, now)
    elif what == "grant":
        AccessGrant.objects.create(
            person=child, user=user, reason="t", granted_by=user, granted_at=now
        )
    elif what == "revoke":
        AccessGrant.objects.filter(person=child).update(revoked_at=now)
    elif what == "glass":
        BreakGlass.objects.create(
            person=child,
            user=user,
            reason="t",
            started_at=now,
            expires_at=now + dt.timedelta(hours=1),
        )


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(user_spec, min_size=1, max_size=4),
    st.lists(child_spec, min_size=1, max_size=4),
    st.lists(change_spec, min_size=1, max_size=4),
)
def test_a_change_within_a_request_is_seen_at_once(user_specs, child_specs, changes):
    with transaction.atomic():
        teams, users, children = _build(user_specs, child_specs)
        # One user object per user for the whole "request": what it remembers
        # (its relationships, the compiled query) must never hide a change.
        held = [_fresh(user) for user in users]
        for user in held:
            _assert_agrees(user, children)
        now = clock.now()
        for change in changes:
            _change(change, teams, users, children, now)
            for user in held:
                _assert_agrees(user, children)
        transaction.set_rollback(True)
