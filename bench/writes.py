"""Service writes on the large authority, journal and obligations included.

- a case note: the social worker records a home visit on her child;
- a contact decision: the front door's manager refers a child for assessment
  (which opens the child's children in need episode and starts the single
  assessment, with its timescale), on a contact about a child new to the
  register.

Each is timed as the service's call, journal and obligations included (the
budgeted figure: the issue's "a service write ... journal and obligations
included"), and as the server time of the whole POST through the test client,
for information (what it adds is the request's session, the form, the page's
own access check and its log entry, and the redirect). The form is fetched
first, untimed, as a browser would: the note form carries its draft and a
one-time token. Every repeat of a decision needs a contact still undecided:
they are recorded first, untimed, through the front door's own services.
"""

import datetime as dt
import re
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench import floors
from bench.budgets import Figure, timing
from haven.casework import services as casework
from haven.casework.forms import NoteForm
from haven.core import clock, compiled
from haven.core.models import User
from haven.frontdoor import intake, referrer
from haven.frontdoor import services as frontdoor
from haven.frontdoor.codes import ConsentStatus, Decision, ReferralSource, Urgency
from haven.frontdoor.models import ContactChild
from haven.frontdoor.thresholds import threshold_levels
from haven.people.models import Person

REASONING = "Needs an assessment of the child's needs (section 17)."


# A p95 of 20 samples is their second highest: one stray fsync, or another
# process holding the CPU, decides it. A decision is cheap to repeat, each on
# a new contact; a note is not repeated more, since each adds to the same
# child's history and would time a child with a hundred visits in a day.
FEWEST_DECISIONS = 60


def figures(worker: User, child: Person, front_door: User, repeat: int) -> list[Figure]:
    return [
        *case_note(worker, child, repeat),
        *contact_decision(front_door, max(repeat, FEWEST_DECISIONS)),
    ]


class _Stopwatch:
    """Times the part of a write that is measured (not the form fetched or the
    contact recorded before it), and counts that part's queries when asked.
    Keeps the process's CPU time of each too: beside the server time, it says
    how much of that time was waiting (for the disk, or for a CPU another
    process held)."""

    def __init__(self) -> None:
        self.counting = False
        self.queries = 0
        self.cpu: list[float] = []

    def ms(self, func: Callable[[], Any]) -> tuple[float, Any]:
        if not self.counting:
            return self._ms(func)
        with floors.capturing() as statements:
            measured = self._ms(func)
        self.counting, self.queries = False, len(statements)
        return measured

    def _ms(self, func: Callable[[], Any]) -> tuple[float, Any]:
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func()
        self.cpu.append((time.process_time() - start_cpu) * 1000)
        return (time.perf_counter() - start) * 1000, result


def _timed(
    label: str, kind: str, func: Callable[[], float], watch: _Stopwatch, repeat: int
) -> Figure:
    """`func` does one write and returns the ms of its measured part; writes
    first warm caches as a server in use has them warm (PostgreSQL answers a
    compiled statement as it will from then on once a connection has run it
    SETTLED_AFTER times), one more counts the queries."""
    for _ in range(compiled.SETTLED_AFTER):
        func()
    watch.counting = True
    func()
    watch.cpu.clear()
    figure = Figure(
        label, kind, "", timing([func() for _ in range(repeat)]), watch.queries
    )
    print(
        f"{label:52} median {figure.time.median:7.1f} ms   "
        f"p95 {figure.time.p95:7.1f} ms   {figure.queries:4} queries   "
        f"cpu {statistics.median(watch.cpu):6.1f} ms"
    )
    return figure


# A case note ------------------------------------------------------------------


def _on(html: str, pattern: str) -> str:
    match = re.search(pattern, html)
    assert match, f"the note form carries no {pattern}"
    return match.group(1)


def note_data(child: Person, page: str | None = None) -> dict[str, Any]:
    """A home visit an hour ago, as the note form posts it (with the draft and
    one-time token the page carries, if given the page)."""
    at = timezone.localtime(clock.now()) - dt.timedelta(hours=1)
    data = {
        "person": child.pk,
        "children": [child.pk],
        "kind": "visit",
        "statutory_visit": "yes",
        "visit_place": "home",
        "announced": "yes",
        "bedroom_seen": "yes",
        "occurred_on_day": str(at.day),
        "occurred_on_month": str(at.month),
        "occurred_on_year": str(at.year),
        "occurred_time": at.strftime("%H:%M"),
        f"seen_{child.pk}": "yes",
        f"alone_{child.pk}": "yes",
        "subject": "Home visit",
        "body": "Mum answered the door. Saw the children's bedrooms; all well.",
    }
    if page is not None:
        data["draft"] = _on(page, r'id="draft-id" value="(\d+)"')
        data["submission"] = _on(page, r'name="submission" value="([0-9a-f-]+)"')
    return data


def case_note(worker: User, child: Person, repeat: int) -> list[Figure]:
    client = Client(SERVER_NAME="localhost")
    client.force_login(worker)
    url = reverse("casework:record_note", args=[child.pk])
    posting, calling = _Stopwatch(), _Stopwatch()

    def post() -> float:
        page = client.get(url)
        assert page.status_code == 200, page.status_code
        data = note_data(child, page.content.decode())
        took, response = posting.ms(lambda: client.post(url, data))
        assert response.status_code == 302, _errors(response)
        return took

    def call() -> float:
        form = NoteForm(note_data(child), children=[child])
        assert form.is_valid(), form.errors
        took, _notes = calling.ms(
            lambda: casework.record_note(
                [child],
                kind=form.cleaned_data["kind"],
                occurred_at=form.occurred_at(),
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                seen=form.seen_answers(),
                visit=form.visit(),
                by=worker,
            )
        )
        return took

    who = worker.username
    return [
        _timed(
            f"write: case note, the whole POST ({who})",
            "request",
            post,
            posting,
            repeat,
        ),
        _timed(f"write: case note, service ({who})", "write", call, calling, repeat),
    ]


def _errors(response: Any) -> Any:
    context = getattr(response, "context", None)
    form = context.get("form") if context else None
    return (response.status_code, form.errors if form is not None else None)


# A contact decision -----------------------------------------------------------


def _undecided(recorder: User, manager: User, number: int) -> ContactChild:
    """A new contact about a child new to the register, acknowledged to the
    referrer (a decision waits for that), as the front door records it."""
    received = clock.now() - dt.timedelta(hours=1)
    details = {
        "received_at": received,
        "source": ReferralSource.SCHOOLS,
        "referrer_name": "Ms Patel",
        "referrer_role": "Designated safeguarding lead",
        "referrer_organisation": "Millbrook Primary",
        "referrer_phone": "01632 960000",
        "concerns": "Arrived at school hungry with bruising to the arm.",
        "consent": ConsentStatus.GIVEN,
        "consent_reason": "",
    }
    new_child = {
        "given_name": f"Bench{number}",
        "family_name": "Contact",
        "date_of_birth": dt.date(2017, 5, 4),
        "sex": "F",
        "ethnicity": "WBRI",
        "disabilities": ["NONE"],
    }
    contact = intake.record_contact_with_new_people(details, [new_child], by=recorder)
    referrer.acknowledge(contact, on=clock.today(), how="phone", by=manager)
    return ContactChild.objects.select_related("contact", "person").get(contact=contact)


def _grading() -> dict[str, str]:
    levels = threshold_levels()
    return {
        "reasoning": REASONING,
        "threshold": levels[min(2, len(levels) - 1)] if levels else "",
        "urgency": Urgency.AMBER,
    }


def contact_decision(manager: User, repeat: int) -> list[Figure]:
    recorder = User.objects.filter(username__startswith="front-door-worker").first()
    assert recorder is not None, "the authority has no front door worker"
    client = Client(SERVER_NAME="localhost")
    client.force_login(manager)
    made = iter(range(1, 10**6))
    posting, calling = _Stopwatch(), _Stopwatch()

    def post() -> float:
        named = _undecided(recorder, manager, next(made))
        url = reverse("frontdoor:decide", args=[named.contact_id])
        assert client.get(url).status_code == 200  # the page, as the manager sees it
        prefix = f"child-{named.pk}-"
        data = {f"{prefix}decision": Decision.REFERRAL} | {
            prefix + name: value for name, value in _grading().items()
        }
        took, response = posting.ms(lambda: client.post(url, data))
        assert response.status_code == 302, _errors(response)
        return took

    def call() -> float:
        named = _undecided(recorder, manager, next(made))
        took, _named = calling.ms(
            lambda: frontdoor.decide_contact(
                named, decision=Decision.REFERRAL, by=manager, **_grading()
            )
        )
        return took

    who = manager.username
    return [
        _timed(
            f"write: contact decision, the whole POST ({who})",
            "request",
            post,
            posting,
            repeat,
        ),
        _timed(
            f"write: contact decision to refer, service ({who})",
            "write",
            call,
            calling,
            repeat,
        ),
    ]
