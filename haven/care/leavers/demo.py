"""The demo authority's care leavers, told through the services with the clock
held on each step's day (demo_story.py): three young people aged 18, 19 and
20 today, each looked after from 15 until their 18th birthday, with the
demo's personal adviser ("personal-adviser"), a pathway plan and its latest
review, what was found at each birthday from 18 (OC3), where they have lived
and the adviser's visits there, so the adviser's My work holds their duties
on the right day whatever the day the demo is built:

- Tamsin, 18: moved into supported lodgings three days ago, not yet visited
  there (CL-PA-VISIT-1 due within the week);
- Callum, 19: staying put with his former foster carer to his 21st birthday;
- Priya, 20: left a children's home at 18 for staying close nearby.

Every visit at most seven weeks after the last, the latest a few weeks ago,
and a pathway plan review a month ago: nothing of theirs is overdue.

Every young person in the demo who became an eligible or a relevant child
(becoming.py, brought up to date as the daily job would) has their leaving
care needs assessment a few weeks after, where someone holds their case now:
the assessment's clock (CL-ELIG-ASSESS, CL-REL-ASSESS) is met, not overdue."""

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.utils import timezone

from haven.care import demo_places
from haven.care.demo_story import Story, _on
from haven.care.health import records
from haven.care.leavers import (
    accommodation,
    becoming,
    keeping_in_touch,
    needs,
    pathway,
    staying,
)
from haven.care.leavers.rules import birthday
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.models import Team, User
from haven.core.roles import ROLES_BY_KEY
from haven.core.selectors import current_allocation
from haven.core.services import allocate_case
from haven.people.identifiers import generate_upn
from haven.people.models import Person
from haven.people.services import record_move, register_person
from haven.timescales.models import Obligation

ADVISER = "personal-adviser"
TEAM = "Children in Care Team"
VISITS_APART = (35, 49)  # days: inside the two months CL-PA-VISIT-N gives
FIRST_VISIT = 3  # days after moving in: inside CL-PA-VISIT-1's seven


HOME = "HD4 5BP"  # a real Kirklees postcode (the ONS directory)


@dataclass(frozen=True)
class Leaver:
    given: str
    family: str
    age: int
    days_past: int  # days since their last birthday
    placement: str  # "foster" or "home"
    # (days after the 18th birthday, or before today when negative, ACCOM, place)
    homes: tuple[tuple[int, str, str], ...]
    staying: str = ""
    sex: str = "F"  # SSDA903 SEX (rule 232 queries U)


LEAVERS = (
    Leaver(
        "Tamsin",
        "Ollerenshaw",
        18,
        60,
        "foster",
        ((0, "D1", "Flat 2, Kingsway Court"), (-3, "E1", "14 Fitzwilliam Street")),
    ),
    Leaver(
        "Callum",
        "Brierley",
        19,
        150,
        "foster",
        ((0, "Z1", "With his former foster carer"),),
        staying=staying.Kind.STAYING_PUT,
        sex="M",
    ),
    Leaver(
        "Priya",
        "Haworth",
        20,
        220,
        "home",
        ((0, "D1", "Room 4, Beech House"), (-120, "U1", "9 Lindley Road")),
        staying=staying.Kind.STAYING_CLOSE,
    ),
)


def populate(rng: random.Random) -> None:
    """The care leavers and their personal adviser, if the demo has one."""
    adviser = User.objects.filter(username=ADVISER).first()
    if adviser is None:
        return
    # The personal adviser works as a social worker does: Haven has no role of
    # its own for them yet (haven/demo/staff.py UNROLED).
    adviser.groups.add(Group.objects.get(name=ROLES_BY_KEY["social_worker"].name))
    team = Team.objects.get(name=TEAM)
    places = demo_places.places(rng)
    today = clock.today()
    for leaver in LEAVERS:
        _tell(rng, leaver, adviser, team, places, today)
    _assess_needs(random.Random(str(rng.getstate())), today)


def _born(leaver: Leaver, today: dt.date) -> dt.date:
    years_ago = dt.date(today.year - leaver.age, today.month, min(today.day, 28))
    return years_ago - dt.timedelta(days=leaver.days_past)


def _tell(
    rng: random.Random,
    leaver: Leaver,
    adviser: User,
    team: Team,
    places: demo_places.Places,
    today: dt.date,
) -> None:
    born = _born(leaver, today)
    manager = team.managers.get()
    worker = User.objects.filter(team=team, groups__name="Social worker").first()
    assert worker is not None
    came = birthday(born, 15) + dt.timedelta(days=30)
    person = _register(rng, leaver, born, came, team, worker)
    story = Story(rng, person, worker, places, today)
    placed = (
        story.with_carer("U6", "fostering", came)
        if leaver.placement == "foster"
        else story.in_home("K2", "own_home")
    )
    story.start(came, need="N1", status="V2", placement=placed)
    # A yearly SDQ: the one a month before the 17th birthday (the OC2 of the
    # year they turn 17 reports it, SSDA903 rule 197B).
    sdq_on = birthday(born, 17) - dt.timedelta(days=30)
    if sdq_on <= today:
        with _on(sdq_on):
            records.record_sdq(
                person, score=14, completed_by="carer", completed_on=sdq_on, by=worker
            )
    at_18 = birthday(born, 18)
    with _on(at_18 - dt.timedelta(days=60)):
        pathway.agree_pathway_plan(
            person, _plan(leaver), agreed_on=at_18 - dt.timedelta(days=60), by=worker
        )
    story.end(at_18, "E17" if leaver.staying == staying.Kind.STAYING_PUT else "E8")
    story.close_case()
    with _on(at_18 - dt.timedelta(days=90)):
        allocate_case(
            person,
            team=team,
            worker=adviser,
            role=CaseRole.PERSONAL_ADVISER,
            by=manager,
        )
    _support(rng, leaver, person, adviser, today)


def _register(
    rng: random.Random,
    leaver: Leaver,
    born: dt.date,
    came: dt.date,
    team: Team,
    worker: User,
) -> Person:
    manager = team.managers.get()
    # Registered when they came to the authority's notice, not today.
    with _on(came - dt.timedelta(days=14)):
        person = register_person(
            {
                "given_name": leaver.given,
                "family_name": leaver.family,
                "date_of_birth": born,
                "sex": leaver.sex,
                "disabilities": ["NONE"],
                # A UPN from their schools (SSDA903 rule 168), from a
                # generator of its own so the shared one draws as before
                # (seeded from its state: a second slice gets other UPNs).
                "upn": generate_upn(
                    random.Random(f"{rng.getstate()}{leaver.given}"),
                    demo_places.LA_CODE,
                ),
            },
            by=manager,
        )
        # Their family home before care (SSDA903 HOME_POST, rule 392b).
        record_move(
            person,
            line_1="12 Cowlersley Lane",
            town="Huddersfield",
            postcode=HOME,
            on=came - dt.timedelta(days=14),
            by=manager,
        )
        allocate_case(
            person, team=team, worker=worker, change_reason="FCONTA", by=manager
        )
    return person


def _plan(leaver: Leaver) -> pathway.PathwaySections:
    return pathway.PathwaySections(
        accommodation="Supported accommodation from 18, with a tenancy by 21.",
        education="College: level 3 course; bursary applied for.",
        health="Registered with a GP and dentist; keeps their own health passport.",
        relationships=f"{leaver.given} sees their sister monthly; contact agreed.",
        finance="Setting-up-home allowance; budgeting sessions with the adviser.",
        contingency="The adviser and the duty team if the placement breaks down.",
    )


def _support(
    rng: random.Random, leaver: Leaver, person: Person, adviser: User, today: dt.date
) -> None:
    """Kept in touch at each birthday, staying put or close from 18, where
    they lived with the adviser's visits there, and the plan's reviews."""
    assert person.date_of_birth is not None
    at_18 = birthday(person.date_of_birth, 18)
    _kept_in_touch(rng, leaver, person, adviser, today)
    if leaver.staying:
        with _on(at_18):
            staying.record_staying(
                person,
                kind=leaver.staying,
                started_on=at_18,
                ends_on=None,
                with_whom=leaver.homes[0][2],
                by=adviser,
            )
    moves = [
        (at_18 + dt.timedelta(days=d) if d >= 0 else today + dt.timedelta(days=d), c, p)
        for d, c, p in leaver.homes
    ]
    for index, (moved, code, place) in enumerate(moves):
        until = moves[index + 1][0] if index + 1 < len(moves) else today
        with _on(moved):
            accommodation.provide_accommodation(
                person, started_on=moved, accommodation=code, place=place, by=adviser
            )
        _visits(rng, person, adviser, moved, until)
    _reviews(person, adviser, at_18 - dt.timedelta(days=60), today)


def _kept_in_touch(
    rng: random.Random, leaver: Leaver, person: Person, adviser: User, today: dt.date
) -> None:
    """What was found at each birthday from 18 (OC3), a few days after it."""
    assert person.date_of_birth is not None
    for age in range(18, leaver.age + 1):
        day = min(
            birthday(person.date_of_birth, age) + dt.timedelta(days=rng.randint(1, 14)),
            today,
        )
        with _on(day):
            keeping_in_touch.record_birthday_contact(
                person,
                keeping_in_touch.Contact(
                    age=age,
                    in_touch="YES",
                    activity=rng.choice(("F2", "F4", "P4")),
                    accommodation=leaver.homes[0][1],
                    contacted_on=day,
                ),
                by=adviser,
            )


def _reviews(person: Person, adviser: User, agreed: dt.date, today: dt.date) -> None:
    """Reviews every five months from the plan, the last a month ago."""
    last = today - dt.timedelta(days=30)
    days = [last]
    while days[-1] - dt.timedelta(days=150) > agreed:
        days.append(days[-1] - dt.timedelta(days=150))
    for held in reversed(days):
        with _on(held):
            pathway.review_pathway_plan(
                person, held_on=held, outcome="Settled; plan still right.", by=adviser
            )


def _visits(
    rng: random.Random, person: Person, adviser: User, moved: dt.date, until: dt.date
) -> None:
    """Visits from the first, three days after moving in, at most seven weeks
    apart, while they lived there (none yet if they moved in under 3 days
    before the next move, or today)."""
    day = moved + dt.timedelta(days=FIRST_VISIT)
    while day < until:
        with _on(day):
            accommodation.record_adviser_visit(
                person, visited_on=day, note="Saw them at home; settled.", by=adviser
            )
        day += dt.timedelta(days=rng.randint(*VISITS_APART))


ASSESSED_AFTER = (14, 60)  # days after becoming eligible or relevant
ASSESS = ("CL-ELIG-ASSESS", "CL-REL-ASSESS")


def _assess_needs(rng: random.Random, today: dt.date) -> None:
    """The needs assessments, once the daily job has found who became
    eligible or relevant; one whose clock started under two weeks ago, or
    whom nobody holds now, is left due."""
    becoming.sync_all(everyone=True)
    due = Obligation.objects.filter(
        rule_id__in=ASSESS, status=Obligation.Status.DUE
    ).select_related("trigger_event", "person")
    for obligation in due.order_by("pk"):
        started = timezone.localdate(obligation.trigger_event.occurred_at)
        day = started + dt.timedelta(days=rng.randint(*ASSESSED_AFTER))
        holder = _holder(obligation.person)
        if day > today or holder is None:
            continue
        with _on(day):
            needs.complete_needs_assessment(
                obligation.person,
                _needs(obligation.person),
                completed_on=day,
                assessor=holder.get_full_name() or holder.username,
                by=holder,
            )


def _holder(person: Person) -> User | None:
    for role in (CaseRole.PERSONAL_ADVISER, CaseRole.SOCIAL_WORKER):
        held = current_allocation(person, role)
        if held is not None and held.worker is not None:
            return held.worker
    return None


def _needs(person: Person) -> needs.Needs:
    return needs.Needs(
        health="Well; registered with a GP; CAMHS support ended last year.",
        education="Year 12 at college; wants an apprenticeship.",
        support=f"{person.given_name}'s aunt is close and visits weekly.",
        finance="Pocket money only; needs a bank account and budgeting help.",
        skills="Cooks simple meals; learning to manage bills.",
        accommodation="Stay with the carers to 18, then supported lodgings.",
        wishes="Wants to stay near friends and college.",
    )
