"""The crash test's world, made and read inside the server's own database by
`manage.py shell -c` (the test's process works on the test database)."""

import datetime as dt
import io
import json
from collections import Counter

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from haven.casework.models import CaseNote
from haven.core.models import JournalEvent, Team, User
from haven.core.roles import ROLES_BY_KEY
from haven.core.services import allocate_case
from tests.factories import ChildFactory

PASSWORD = "correct horse battery staple"
SUBJECT = "Crash test "


def seed(writers: int) -> None:
    """A team, its manager, `writers` social workers and a child each; prints
    the writers' usernames and their children's ids as JSON."""
    service = Team.objects.create(name="Children's Social Care", kind=Team.Kind.SERVICE)
    team = Team.objects.create(name="Assessment Team", parent=service)
    hashed = make_password(PASSWORD)  # once: the production hasher is slow
    manager = _user("mona", "team_manager", team, hashed)
    team.managers.add(manager)
    seeded = {}
    for number in range(writers):
        worker = _user(f"worker{number}", "social_worker", team, hashed)
        child = ChildFactory()
        allocate_case(
            child, team=team, worker=worker, on=dt.date(2026, 1, 5), by=manager
        )
        seeded[worker.username] = child.pk
    print(json.dumps(seeded))


def _user(username: str, role: str, team: Team, hashed: str) -> User:
    user = User.objects.create(
        username=username, password=hashed, first_name=username.title(), team=team
    )
    user.groups.add(Group.objects.get(name=ROLES_BY_KEY[role].name))
    return user


def report() -> None:
    """How many times each crash-test note is on the record and in the journal,
    and what verify_journal says."""
    notes = Counter(
        CaseNote.objects.filter(subject__startswith=SUBJECT).values_list(
            "subject", flat=True
        )
    )
    events = Counter(
        event["subject"]
        for event in JournalEvent.objects.filter(
            type="casework.note_recorded"
        ).values_list("payload", flat=True)
        if event.get("subject", "").startswith(SUBJECT)
    )
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_journal", stdout=out, stderr=err)
    except CommandError as failed:
        err.write(str(failed))
    verified = out.getvalue() + err.getvalue()
    print(json.dumps({"notes": notes, "events": events, "verified": verified}))
