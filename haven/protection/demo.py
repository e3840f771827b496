"""Child protection histories for the demo authority, made through the services.

Run after the front door's demo and before the CIN demo (seed_demo and
bench/history.py), so the CIN and assessments demos go on to assess these
episodes as they do every other; a child in need plan they would start beside a
child protection plan is refused, as census rule 4001 says.

How many, and which stories (DfE, Characteristics of children in need,
England, year to 31 March 2024, rounded, with Haven's own estimates where the
DfE publishes nothing):

- about one episode in four has a strategy discussion: one child in SHARE,
  since the CIN demo gives a third of the children an episode. The front
  door's strategy decisions come first, then children referred here;
- one discussion in ten decides on no section 47 enquiry (not published:
  an estimate);
- of section 47 enquiries, about two in five lead to an initial conference
  (DfE: about 204,000 enquiries, 83,000 initial conferences); the rest are
  split between concerns not substantiated and substantiated but with no
  continuing risk (not published: an estimate of 3 to 2);
- of initial conferences, about four in five start a plan (DfE: 67,000 plans);
- plans: categories in the DfE's proportions (demo_words.CATEGORY_WEIGHTS);
  some end at the first review, most run on with reviews every six months;
  a child whose plan ended has a second; one pre-birth conference for an
  unborn child; one initial conference and one first review overdue (their
  due date passed, not held);
- children on a plan are visited at the council's CP-VISIT frequency, a few
  of them not lately (demo_visits.py).

The referred-here stories follow CYCLE, carried on from the histories the
database already holds, so a small demo has each kind and the large authority,
built a slice at a time, has them in these proportions. The front door's
strategy decisions draw from FRONT_DOOR (they cannot be placed in time: the
contact's day is set).
"""

import datetime as dt
import random

from django.db import transaction
from django.utils.timezone import localdate

from haven.cin import selectors as cin_selectors
from haven.core import clock, journal
from haven.core.errors import DomainError
from haven.core.models import Restriction, User
from haven.core.roles import ROLES_BY_KEY
from haven.core.selectors import current_allocation
from haven.frontdoor.codes import STRATEGY_DECISIONS
from haven.frontdoor.models import ContactChild
from haven.people.models import Person
from haven.protection import demo_kinds as kinds
from haven.protection.demo_story import Later, Story
from haven.protection.demo_visits import Visits
from haven.protection.models import StrategyDiscussion

SHARE = 12  # one child in SHARE: a quarter of the third with an episode

# Twenty stories: 18 enquiries (8 initial conferences, 7 of them starting a
# plan; the repeat plan's second enquiry and conference besides), every kind
# in the first ten, so that even a small demo has each.
CYCLE = (
    "plan_ended_at_first_review",
    "not_substantiated",
    "repeat_plan",
    "no_section_47",
    "conference_no_plan",
    "pre_birth",
    "no_significant_harm",
    "conference_overdue",
    "review_overdue",
    "plan_runs_on",
    "not_substantiated",
    "no_significant_harm",
    "not_substantiated",
    "no_section_47",
    "not_substantiated",
    "plan_runs_on",
    "no_significant_harm",
    "not_substantiated",
    "no_significant_harm",
    "not_substantiated",
)
FRONT_DOOR = {
    "no_section_47": 10,
    "not_substantiated": 30,
    "no_significant_harm": 20,
    "conference_no_plan": 5,
    "plan_ended_at_first_review": 10,
    "plan_runs_on": 25,
}


def populate(rng: random.Random, children: list[Person]) -> None:
    """Histories for one child in SHARE: those the front door decided needed a
    strategy discussion, then more referred here."""
    # Its own generator, seeded from the shared one's state without drawing
    # from it: the demos after this one draw as they did before it existed.
    rng = random.Random(str(rng.getstate()))
    visits = Visits()  # the council's visiting frequency, read once
    ready = _ready(children)
    decided = _front_door(ready)
    for named in decided:
        kind = rng.choices(list(FRONT_DOOR), weights=list(FRONT_DOOR.values()))[0]
        assert named.decided_at is not None  # a decision was recorded
        _tell(rng, visits, named.person, kind, decided=localdate(named.decided_at))
    done = {named.person_id for named in decided}
    pool = [c for c in ready if c.pk not in done]
    pool = rng.sample(pool, len(pool))
    position = _told()
    for _ in range(max(0, len(children) // SHARE - len(decided))):
        name = CYCLE[position % len(CYCLE)]
        position += 1
        child = _old_enough(pool, kinds.STORIES[name].oldest)
        if child is not None:
            pool.remove(child)
            _tell(rng, visits, child, name)


def _old_enough(pool: list[Person], days: int) -> Person | None:
    """The first child in the pool with no open episode, born before a
    referral `days` ago."""
    born_by = clock.today() - dt.timedelta(days=days)
    for child in pool:
        born = child.date_of_birth
        if born and born < born_by and cin_selectors.open_episode(child) is None:
            return child
    return None


def _ready(children: list[Person]) -> list[Person]:
    """The children a history may be told of: born, not restricted."""
    restricted = set(
        Restriction.objects.filter(person__in=children).values_list(
            "person_id", flat=True
        )
    )
    return [c for c in children if c.pk not in restricted and not c.is_unborn]


def _front_door(children: list[Person]) -> list[ContactChild]:
    """The front door's strategy decisions for these children, whose episode
    is still open."""
    decided = ContactChild.objects.filter(
        person__in=children,
        decision__in=STRATEGY_DECISIONS,
        person__cin_episodes__closed_on__isnull=True,
    )
    return list(decided.select_related("person").distinct().order_by("pk"))


def _told() -> int:
    """How many histories of children referred here (not by the front door)
    the database already holds: the next one's place in CYCLE."""
    told = StrategyDiscussion.objects.filter(episode__contact__isnull=True)
    return told.values("episode_id").distinct().count()


def chair(rng: random.Random) -> User | None:
    chairs = User.objects.filter(groups__name=ROLES_BY_KEY["cp_chair"].name)
    found = list(chairs.order_by("pk"))
    return rng.choice(found) if found else None


def staff_of(person: Person) -> tuple[User, User] | None:
    """The child's allocated social worker and their team's manager."""
    held = current_allocation(person)
    if held is None or held.worker is None:
        return None
    manager = held.team.managers.order_by("pk").first()
    return (held.worker, manager) if manager else None


def _tell(
    rng: random.Random,
    visits: Visits,
    child: Person,
    name: str,
    decided: dt.date | None = None,
) -> None:
    """The history, as far as today, as one step of the journal (the child's
    obligations worked out once, at its end). A refusal ends it where it was."""
    staff, by = staff_of(child), chair(rng)
    if staff is None or by is None:
        return
    kind = kinds.STORIES[name]
    with transaction.atomic(), journal.as_one_step():
        try:
            if decided is None:
                episode, day = kind.refer(rng, child, *staff)
                story = Story(rng, episode, staff[0], by, visits)
                story.concern(day, rng.choice(kinds.CONCERNS))
                day = kinds.next_day(rng, day)
            else:
                found = cin_selectors.open_episode(child)
                if found is None:
                    return
                story, day = (
                    Story(rng, found, staff[0], by, visits),
                    kinds.next_day(rng, decided),
                )
            kind.tell(story, day)
        except (Later, DomainError):
            # Later: the history goes on after today. A refusal (a date rule
            # the story's draws broke) leaves the steps before it.
            pass
