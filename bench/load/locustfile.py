"""The load test's working day: who does what, and how often.

Each locust user signs in through the sign-in page as one member of the
authority's staff (the next in the list; past the end of it, a second tab of
the first), then works with a pause of about BENCH_LOAD_THINK seconds between
actions:

- social workers (most users): their My work, a child of theirs (the child's
  page, the chronology), a search by a family name on their caseload, and a
  case note on one of their children (the form, its POST, the page after);
- managers of those workers' teams: team work, their My work, a team child;
- the front door: the queue, and a new contact recorded by its workers.

Every response must be the one a person expects: the page (200), or after a
POST the redirect to the next page. Anything else (a 4xx, a 5xx, a redirect
to sign in) is an error.

Run by bench.load (`python -m bench.load`), which gives it BENCH_LOAD_WORLD
(the JSON bench/load/world.py writes, setting the staff's passwords as it
goes) and starts the server; or by hand against a server already running on
a database world.py has prepared:

    BENCH_LOAD_WORLD=world.json locust -f bench/load/locustfile.py \
        --host http://127.0.0.1:8000
"""

import datetime as dt
import itertools
import json
import os
import random
import string
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from locust import FastHttpUser, between, task

from bench.load.forms import filled, form_with

WORLD: dict[str, Any] = json.loads(Path(os.environ["BENCH_LOAD_WORLD"]).read_text())
THINK = float(os.environ.get("BENCH_LOAD_THINK", "1"))
PASSWORD = "haven-demo"  # haven.demo.staff.DEMO_PASSWORD; Django is not set up here
TIMEOUT = 30.0
MATCH = "child-0-match"  # which record on the register a contact's child is

# How many users are signing in, and who could not: bench.load measures a step
# only once everyone in it is at work, and counts a refused sign-in as an error
# even though it happened before the step's count began.
signing_in = 0
sign_in_failures: list[str] = []


class Staff(FastHttpUser):
    abstract = True
    wait_time = between(THINK / 2, THINK * 3 / 2)
    network_timeout = connection_timeout = TIMEOUT
    logins: list[dict[str, Any]] = []
    taken = itertools.count()

    def on_start(self) -> None:
        logins = type(self).logins
        self.login = logins[next(type(self).taken) % len(logins)]
        self.sign_in()

    def sign_in(self) -> None:
        global signing_in
        signing_in += 1
        try:
            page = self.page("sign in (form)", "/sign-in/")
            form = filled(
                form_with(page, "username"),
                {"username": self.login["username"], "password": PASSWORD},
            )
            done = self.post("sign in", "/sign-in/", form, leads_to="/")
        except LookupError:  # no sign-in form: the page was an error
            done = None
        finally:
            signing_in -= 1
        if done is None or done[0].startswith("/sign-in/"):  # refused
            sign_in_failures.append(self.login["username"])

    def page(self, name: str, path: str) -> str:
        """GET a page that must answer 200; its HTML ('' on an error)."""
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                where = response.headers.get("Location", "") if response.headers else ""
                response.failure(f"{response.status_code} {where}".strip())
                return ""
            response.success()
            return response.text or ""

    def post(
        self,
        name: str,
        path: str,
        form: list[tuple[str, str]],
        leads_to: str,
        asks: str = "",
    ) -> tuple[str, str] | None:
        """POST a form that must redirect to a page under `leads_to` (done, not
        sent back to sign in or to the form): (where, ""). With `asks`, the form
        shown again with a question of that name is right too: ("", its HTML).
        None for an error."""
        with self.client.post(
            path,
            name=name,
            data=urlencode(form),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            where = response.headers.get("Location", "") if response.headers else ""
            text = (response.text or "") if response.status_code == 200 else ""
            if asks and f'name="{asks}"' in text:
                response.success()
                return "", text
            if response.status_code != 302 or not where.startswith(leads_to):
                response.failure(f"{response.status_code} {where}: not accepted")
                return None
            response.success()
            return str(where), ""

    def child(self) -> int:
        return int(random.choice(self.login["children"]))


class SocialWorker(Staff):
    weight = 8
    logins = WORLD["social_workers"]
    taken = itertools.count()

    @task(3)
    def my_work(self) -> None:
        self.page("My work", "/work/")

    @task(4)
    def childs_page(self) -> None:
        self.page("a child's page", f"/people/{self.child()}/")

    @task(2)
    def chronology(self) -> None:
        self.page("chronology", f"/people/{self.child()}/chronology/")

    @task(2)
    def search(self) -> None:
        name = random.choice(self.login["family_names"])
        self.page("search", "/people/?" + urlencode({"name": name}))

    @task(1)
    def case_note(self) -> None:
        child = self.child()
        path = f"/casework/people/{child}/notes/new/"
        page = self.page("case note (form)", path)
        if not page:
            return
        form = filled(form_with(page, "subject"), _visit(child))
        # Recorded: sent on to the child's case record.
        done = self.post("case note", path, form, leads_to=f"/casework/people/{child}/")
        if done:
            self.page("a child's page (after a note)", done[0])


class Manager(Staff):
    weight = 1
    logins = WORLD["managers"]
    taken = itertools.count()

    @task(3)
    def team_work(self) -> None:
        self.page("team work", "/work/team/")

    @task(1)
    def my_work(self) -> None:
        self.page("My work", "/work/")

    @task(2)
    def childs_page(self) -> None:
        self.page("a child's page", f"/people/{self.child()}/")


class FrontDoor(Staff):
    weight = 1
    logins = [{**who, "children": []} for who in WORLD["front_door"]]
    taken = itertools.count()

    @task(4)
    def queue(self) -> None:
        self.page("front-door queue", "/front-door/")

    @task(1)
    def contact(self) -> None:
        if not self.login["records_contacts"]:
            self.queue()
            return
        path = "/front-door/contacts/new/"
        page = self.page("contact (form)", path)
        if not page:
            return
        form = filled(form_with(page, "concerns"), _contact())
        done = self.post("contact", path, form, "/front-door/contacts/", MATCH)
        if done and not done[0]:
            # A child on the register sounds like the one typed: the worker
            # answers that this is a new child, as the page asks.
            form = filled(form_with(done[1], "concerns"), {MATCH: "new"})
            done = self.post("contact (a new child)", path, form, "/front-door/")
        if done:
            self.page("contact (after)", done[0])


def _visit(child: int) -> dict[str, str | list[str]]:
    """A home visit, the child seen alone: a case note as most are written."""
    at = dt.datetime.now() - dt.timedelta(hours=1)
    return {
        "children": [str(child)],
        "kind": "visit",
        "statutory_visit": "yes",
        "visit_place": "home",
        "announced": "yes",
        "bedroom_seen": "yes",
        "occurred_on_day": str(at.day),
        "occurred_on_month": str(at.month),
        "occurred_on_year": str(at.year),
        "occurred_time": at.strftime("%H:%M"),
        f"seen_{child}": "yes",
        f"alone_{child}": "yes",
        "subject": "Home visit",
        "body": "Seen at home with mum; talked about school and friends.",
    }


def _contact() -> dict[str, str | list[str]]:
    """A police contact about a child new to the register, with a made-up name
    and no date of birth."""
    made_up = "".join(random.choices(string.ascii_lowercase, k=9)).capitalize()
    return {
        "source": "6",
        "referrer_name": "PC Jones",
        "referrer_organisation": "Police",
        "concerns": "Domestic incident at the home overnight; the child was present.",
        "consent": "given",
        "child-0-given_name": "Sam",
        "child-0-family_name": made_up,
        MATCH: "",
    }
