"""Looked-after children for the demo authority, made through the services.

Run last (seed_demo and bench/history.py), after early help: the demo wiring
passes the children early help took on as `elsewhere`, and a child already in
need (an open episode, a visit note) is left to the stories that made them so.

How many, and which stories (DfE, Children looked after in England, year to 31
March 2024, rounded, with Haven's own estimates where the DfE publishes none):

- about one child in SHARE is looked after today (England: 70 in 10,000
  children; a demo of children known to social care holds many more), one in
  LEFT_SHARE was and has left care, and one in BREAK_SHARE has short breaks
  (V3 or V4, not counted as looked after);
- legal status on entry: an interim care order (C1, then C2) for most, section
  20 accommodation (V2) for about a third, a few after police protection (L1)
  or an emergency protection order (L2); babies and toddlers may go on to a
  placement order (E1) and adoption;
- placements: foster care for about seven in ten (the authority's own carers,
  agencies', relatives as connected carers), children's homes in and out of
  area for older children, supported accommodation (K3) at 16 and 17, placed
  with parents (P1) for a few before returning home;
- about a third have moved at least once, each move with its reason; older
  children in children's homes go missing now and then, every episode reported
  to the police and followed by a return home interview; one child is missing
  now, and one teenager lives in a children's home far out of area now (the
  board's distances have one to show whatever the day);
- statutory visits: within a week of each placement and then at the
  regime's interval, so none is overdue today.
"""

import datetime as dt
import random
from collections.abc import Collection
from contextlib import suppress

from django.db import transaction

from haven.care import demo_places
from haven.care.adoption import demo as adoption_demo
from haven.care.codes import PLACEMENT
from haven.care.court import demo as court_demo
from haven.care.demo_story import FIRST_VISIT_DAYS, Later, Story
from haven.care.distance import home_on
from haven.care.education import demo as education_demo
from haven.care.health import demo as health_demo
from haven.care.history import age, year_of
from haven.care.leavers import demo as leavers_demo
from haven.care.models import LegalStatus, PeriodOfCare, Placement
from haven.care.permissions import may_record_care
from haven.care.placing import PlacementDetails
from haven.care.plans import demo as plans_demo
from haven.care.reviews import demo as reviews_demo
from haven.care.uasc import demo as uasc_demo
from haven.casework.models import CaseNote
from haven.cin.models import CinEpisode
from haven.core import clock, codelists, journal
from haven.core.errors import DomainError
from haven.core.models import Restriction
from haven.core.selectors import current_allocation
from haven.people.models import Address, Person

SHARE = 10
LEFT_SHARE = 50
BREAK_SHARE = 100
CARE_TEAM = "Children in Care Team"  # the demo's case team for them, first
NEEDS = {"N1": 64, "N2": 3, "N3": 3, "N4": 7, "N5": 14, "N8": 9}
MOVE_REASONS = {"CARPL": 40, "CREQB": 20, "CHILD": 10, "STAND": 5, "CREQO": 15}
WEEK = dt.timedelta(weeks=1)
# Each write on a looked-after child's care costs the large authority's build
# several times another service's (it brings the timescale facts up to date):
# the current placement's latest visit is recorded, not every one before it.
RECENT_VISITS = 1
# A foster placement becomes long-term (same carers, intended until 18).
LONG_TERM = {"U6": "U4", "U3": "U1"}
FAR_HOMES = ("far_home", "farther_home")  # demo_places: Blackpool, Newcastle
FAR_MOVE_AGO = dt.timedelta(weeks=2)


def populate(
    rng: random.Random, children: list[Person], *, elsewhere: Collection[int] = ()
) -> None:
    """Histories for about one child in SHARE, besides those who left care and
    those on short breaks. `elsewhere`: children another service holds."""
    # Its own generator, seeded from the shared one's state without drawing
    # from it: the demos after this one draw as they did before it existed.
    rng = random.Random(str(rng.getstate()))
    pool = _candidates(rng, children, set(elsewhere))
    if not pool:
        return
    places = demo_places.places(rng)
    today = clock.today()
    wanted = (
        ["now"] * (len(children) // SHARE)
        + ["left"] * max(1, len(children) // LEFT_SHARE)
        + ["short_break"] * max(1, len(children) // BREAK_SHARE)
    )
    showcase = {"missing", "far", "long_term"}
    told: list[Story] = []
    for kind, child in zip(wanted, pool, strict=False):
        held = current_allocation(child)
        assert held is not None and held.worker is not None
        told.append(Story(rng, child, held.worker, places, today, showcase=showcase))
        _tell(told[-1], kind)
    # No story placed a child far away with a home to measure from: move one.
    for story in told if "far" in showcase else ():
        if _moved_far(story):
            break
    adoption_demo.populate(children)
    plans_demo.populate(rng, children)
    court_demo.populate(rng, children)
    education_demo.populate(children)
    uasc_demo.populate(children)
    leavers_demo.populate(rng)


def _candidates(
    rng: random.Random, children: list[Person], elsewhere: set[int]
) -> list[Person]:
    """Children a history may be told of, shuffled, those held by the
    Children in Care Team first: born a month ago or more, not restricted,
    with an allocated worker who may record care, and not already known to
    another service (an open episode, visit notes, early help)."""
    ids = [c.pk for c in children]
    busy = set(elsewhere)
    busy |= set(
        Restriction.objects.filter(person_id__in=ids).values_list(
            "person_id", flat=True
        )
    )
    busy |= set(
        CinEpisode.objects.filter(
            person_id__in=ids, closed_on__isnull=True
        ).values_list("person_id", flat=True)
    )
    busy |= set(
        CaseNote.objects.filter(person_id__in=ids, kind="visit").values_list(
            "person_id", flat=True
        )
    )
    busy |= set(
        PeriodOfCare.objects.filter(person_id__in=ids).values_list(
            "person_id", flat=True
        )
    )
    month_old = clock.today() - dt.timedelta(days=30)
    first: list[Person] = []
    then: list[Person] = []
    for child in children:
        born = child.date_of_birth
        if child.pk in busy or child.is_unborn or born is None or born > month_old:
            continue
        held = current_allocation(child)
        if held is None or held.worker is None or not may_record_care(held.worker):
            continue
        (first if held.team.name.startswith(CARE_TEAM) else then).append(child)
    return rng.sample(first, len(first)) + rng.sample(then, len(then))


def _tell(story: Story, kind: str) -> None:
    """The history, as far as today, as one step of the journal. A refusal (a
    date rule the story's draws broke) leaves the steps before it."""
    with transaction.atomic(), journal.as_one_step():
        with suppress(Later, DomainError):
            _story(story, kind)
        # Whatever the story reached, a child in care now has their IRO.
        reviews_demo.tell(story.child, story.period, story.worker)


def _story(story: Story, kind: str) -> None:
    if kind == "short_break":
        _short_breaks(story)
        return
    _in_care(story, leaving=kind == "left")
    story.close_case()
    if _placed_far(story) and _home_postcode(story):
        story.showcase.discard("far")
    if "missing" in story.showcase and story.period and _teenager(story):
        story.missing_now(story.rng.randint(2, 8))
        story.showcase.discard("missing")


def _teenager(story: Story) -> bool:
    born = story.child.date_of_birth
    return born is not None and age(born, story.today) >= 13


def _started(story: Story, leaving: bool) -> dt.date:
    """When the period of care started: up to a few years ago (a child who has
    left, at least a few months before today)."""
    rng, born = story.rng, story.child.date_of_birth
    assert born is not None
    days = rng.choice(
        (rng.randint(20, 180), rng.randint(180, 540), rng.randint(540, 1800))
    )
    if leaving:
        days += rng.randint(90, 400)
    return max(story.today - dt.timedelta(days=days), born + dt.timedelta(days=3))


def _in_care(story: Story, *, leaving: bool) -> None:
    rng = story.rng
    start = _started(story, leaving)
    born = story.child.date_of_birth
    assert born is not None
    years = age(born, start)
    need = rng.choices(list(NEEDS), weights=list(NEEDS.values()))[0]
    status, route = _entry(rng, years)
    story.start(
        start, need=need, status=status, placement=_first_place(story, years, start)
    )
    story.first_visit(start)
    ordered = _legal_route(story, start, status, route)
    if route == "adoption":
        _adopted(story, ordered, leaving)
        return
    day = max(ordered, _moves(story, start, years))
    ends = _leaving_day(story, day) if leaving else None
    _missing_episodes(story, years, until=ends or story.today)
    if ends is None:
        _recent_visits(story)
        health_demo.tell(story.child, story.period, story.worker, story.today)
    else:
        _leaves(story, day, ends, years)


def _entry(rng: random.Random, years: int) -> tuple[str, str]:
    """The first legal status and where the legal route goes."""
    if years < 3 and rng.random() < 0.4:
        return "C1", "adoption"
    return rng.choices(
        [("C1", "care_order"), ("V2", "accommodated"), ("L1", "police"), ("L2", "epo")],
        weights=[55, 32, 5, 8],
    )[0]


def _first_place(story: Story, years: int, day: dt.date) -> PlacementDetails:
    rng = story.rng
    if years >= 16 and rng.random() < 0.5:
        return story.in_home(_supported(day), "supported")
    if years >= 12 and rng.random() < 0.35:
        return story.in_home("K2", rng.choice(("own_home", "near_home")))
    if rng.random() < 0.12:
        return story.with_relative("U3", day)
    service = rng.choices(["fostering", "agency", "charity"], weights=[60, 30, 10])[0]
    return story.with_carer("U6", service, day)


def _supported(day: dt.date) -> str:
    """Supported accommodation: K3 from 2024-25, H5 before (the 2024-25 list
    replaced it)."""
    return "K3" if codelists.is_valid(PLACEMENT, "K3", year=year_of(day)) else "H5"


def _legal_route(story: Story, start: dt.date, status: str, route: str) -> dt.date:
    """The orders that follow: police protection ends within 72 hours (rule
    361), an emergency protection order within 21 days (362), an interim care
    order becomes a full one at the end of proceedings (about 26 weeks)."""
    rng, day = story.rng, start
    if route == "police":
        day = start + dt.timedelta(days=rng.randint(1, 3))
        story.legal_status(day, "V2")
        return day
    if route == "epo":
        day = start + dt.timedelta(days=rng.randint(7, 20))
        story.legal_status(day, "C1")
    if route in ("epo", "care_order", "adoption") and rng.random() < 0.9:
        final = day + dt.timedelta(weeks=rng.randint(24, 40))
        try:
            if route == "adoption":
                # The agency's decision first (SSDA903 rule 553).
                story.decided_for_adoption(final - dt.timedelta(weeks=4))
            story.legal_status(final, "E1" if route == "adoption" else "C2")
            day = final
        except Later:
            pass
    return day


def _adopted(story: Story, ordered: dt.date, leaving: bool) -> None:
    """Placed with adopters some months after the placement order; adopted
    (REC E11 or E12) after some months more, for a child who has left care."""
    rng = story.rng
    if story.period is None or ordered == story.period.started_on:
        _recent_visits(story)
        return
    placed = ordered + dt.timedelta(weeks=rng.randint(8, 30))
    try:
        story.move(placed, story.with_adopters("A6"), "CARPL")
        story.first_visit(placed)
        if leaving:
            story.end(
                placed + dt.timedelta(weeks=rng.randint(16, 40)),
                rng.choice(("E11", "E12")),
            )
            return
    except Later:
        pass
    _recent_visits(story)


def _moves(story: Story, start: dt.date, years: int) -> dt.date:
    """None, one or two moves, each with its first visit; the day of the last."""
    rng, day = story.rng, start
    for _ in range(rng.choices([0, 1, 2], weights=[60, 30, 10])[0]):
        moved = day + dt.timedelta(days=rng.randint(40, 400))
        if moved > story.today - WEEK:
            break
        placement = story.placement
        assert placement is not None
        if placement.place in LONG_TERM and (
            "long_term" in story.showcase or rng.random() < 0.4
        ):
            details = story.with_same_carer(LONG_TERM[placement.place])
            reason = "PLACE"
        else:
            details = _next_place(story, years, moved)
            reason = rng.choices(
                list(MOVE_REASONS), weights=list(MOVE_REASONS.values())
            )[0]
        if _same(details, placement):
            continue
        story.move(moved, details, reason)
        if reason == "PLACE":
            story.showcase.discard("long_term")
        story.first_visit(moved)
        day = moved
    return day


def _same(details: PlacementDetails, placement: Placement) -> bool:
    return (details.place, details.provider_id, details.carer_id) == (
        placement.place,
        placement.provider_id,
        placement.carer_id,
    )


def _next_place(story: Story, years: int, day: dt.date) -> PlacementDetails:
    rng = story.rng
    if years >= 11 and rng.random() < 0.5:
        home = rng.choices(
            ["own_home", "near_home", "far_home", "farther_home"], weights=[4, 3, 2, 1]
        )[0]
        return story.in_home("K2", home)
    service = rng.choices(["fostering", "agency", "charity"], weights=[55, 35, 10])[0]
    return story.with_carer("U6", service, day)


def _placed_far(story: Story) -> bool:
    if story.period is None or story.placement is None:
        return False
    far = {story.places.home(key).pk for key in FAR_HOMES}
    return story.placement.provider_id in far


def _moved_far(story: Story) -> bool:
    """A teenager in care now, settled where they are for a month or more and
    with a home postcode to measure from, moved to a children's home far out
    of area a fortnight ago (the board's distances have one to show whatever
    the day). Whether they were."""
    moved = story.today - FAR_MOVE_AGO
    placement = story.placement
    if (
        story.period is None
        or placement is None
        or not _teenager(story)
        or placement.started_on > moved - FAR_MOVE_AGO
        or not _home_postcode(story)
    ):
        return False
    try:
        with transaction.atomic(), journal.as_one_step():
            story.move(moved, story.in_home("K2", FAR_HOMES[0]), "CHILD")
            story.first_visit(moved)
    except (Later, DomainError):
        return False
    return True


def _home_postcode(story: Story) -> str:
    """HOME_POST for the period of care: the address the distance is from."""
    assert story.period is not None
    lived = Address.objects.filter(person=story.child)
    rows = lived.values_list("started_on", "ended_on", "postcode")
    return home_on(list(rows), story.period.started_on)


def _missing_episodes(story: Story, years: int, *, until: dt.date) -> None:
    """Older children go missing now and then, within the year before `until`."""
    rng = story.rng
    placement = story.placement
    if years < 11 or placement is None or rng.random() > 0.45:
        return
    since = max(placement.started_on, until - dt.timedelta(days=365))
    for _ in range(rng.randint(1, 2)):
        gap = (until - since).days - 4
        if gap < 2:
            return
        day = since + dt.timedelta(days=rng.randint(1, gap))
        went = clock.start_of(day) + dt.timedelta(hours=rng.randint(16, 22))
        story.missing(went, rng.randint(3, 30))
        since = day + dt.timedelta(days=3)


def _leaving_day(story: Story, day: dt.date) -> dt.date | None:
    """When a child who has left care left: some months after the last change,
    some days ago at the latest; None if there is no room for it."""
    rng = story.rng
    ends = day + dt.timedelta(days=rng.randint(60, 300))
    ends = min(ends, story.today - dt.timedelta(days=rng.randint(5, 60)))
    return ends if ends > day else None


def _leaves(story: Story, day: dt.date, ends: dt.date, years: int) -> None:
    """Leaves care: home to parents, special guardianship, or otherwise."""
    rng = story.rng
    placement = story.placement
    assert placement is not None
    if placement.place in ("U1", "U3"):
        story.end(ends, "E45")
    elif years < 16 and rng.random() < 0.3:
        home = ends - dt.timedelta(days=rng.randint(40, 120))
        # Home to parents while still looked after needs an order: a child
        # accommodated under section 20 cannot be (SSDA903 rule 378).
        if home > day and not _accommodated(story):
            story.move(home, story.at_home(), "CARPL")
            story.first_visit(home)
        story.end(ends, "E4A")
    else:
        story.end(ends, rng.choice(("E4A", "E4B", "E13", "E8")))


def _accommodated(story: Story) -> bool:
    """Whether the child's latest legal status is section 20 (V2)."""
    latest = LegalStatus.objects.filter(period=story.period).order_by("-started_on")
    return latest.values_list("code", flat=True).first() == "V2"


def _recent_visits(story: Story) -> None:
    """The placement's latest visits at the regime's interval, the last a few
    weeks ago, so none is overdue (older ones are left out to keep the large
    authority quick to build; the child's visits show the first and these)."""
    placement = story.placement
    if placement is None:
        return
    rng = story.rng
    first = placement.started_on + dt.timedelta(days=FIRST_VISIT_DAYS[1])
    long_term = (
        placement.place in ("U1", "U4")
        and (story.today - placement.started_on).days > 365
    )
    interval = (70, 84) if long_term else (30, 40)
    day = story.today - dt.timedelta(days=rng.randint(2, 25))
    visits: list[dt.date] = []
    while day > first and len(visits) < RECENT_VISITS:
        visits.append(day)
        day -= dt.timedelta(days=rng.randint(*interval))
    for visit in reversed(visits):
        story.visit(visit)


def _short_breaks(story: Story) -> None:
    """A disabled child's agreed series of short breaks at the authority's own
    short-break home: recorded as agreements (V4, one period) or as each break
    (V3, a period each, a few days long)."""
    rng = story.rng
    place = story.in_home("K2", "short_breaks")
    if rng.random() < 0.5:
        agreed = story.today - dt.timedelta(days=rng.randint(60, 300))
        story.start(agreed, need="N2", status="V4", placement=place)
        return
    day = story.today - dt.timedelta(days=rng.randint(100, 200))
    while day < story.today - dt.timedelta(days=10):
        story.start(day, need="N2", status="V3", placement=place)
        story.end(day + dt.timedelta(days=rng.randint(2, 4)), "E4A")
        day += dt.timedelta(days=rng.randint(28, 45))
