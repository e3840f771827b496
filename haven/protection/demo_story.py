"""The steps of a demo child's child protection history, each recorded through
the services as if on its own day (the clock held there, as the other demos
do). A step whose day is after today raises Later: the history is still going
on, and stops there.

Dates follow Working Together 2023 and the CP-* rules: a strategy discussion
on the day of the concern or the next working day, the initial conference
within 15 working days of it, the first core group within 10 working days of
the conference and then every four weeks, the first review within three
months and then every six. Conferences are on working days (census rule 8875).
"""

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from haven.cin import plans as cin_plans
from haven.cin.demo import clock_at
from haven.cin.models import CinEpisode
from haven.cin.rules import ActionLine
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.protection import concerns, conferences, enquiries, plans, strategy
from haven.protection import demo_words as words
from haven.protection.codes import ConferenceDecision, ConferenceKind, StrategyDecision
from haven.protection.demo_visits import Visits
from haven.protection.models import (
    ChildProtectionPlan,
    Conference,
    Section47Enquiry,
    StrategyDiscussion,
)
from haven.timescales.calendar import add_months, add_working_days, is_working_day


class Later(Exception):
    """The next step falls after today."""


def working_day(day: dt.date) -> dt.date:
    """`day`, or the working day before it."""
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


@dataclass
class Story:
    rng: random.Random
    episode: CinEpisode
    worker: User
    chair: User
    # The plan's visits between its meetings; None: none recorded.
    visits: Visits | None = None

    @contextmanager
    def on(self, day: dt.date, hour: int = 11) -> Iterator[None]:
        if day > clock.today():
            raise Later
        with clock_at(day, hour):
            yield

    def category(self) -> str:
        codes = list(words.CATEGORY_WEIGHTS)
        return self.rng.choices(codes, weights=list(words.CATEGORY_WEIGHTS.values()))[0]

    # --- strategy discussion and enquiry ------------------------------------

    def concern(self, day: dt.date, text: str) -> None:
        with self.on(day, hour=10):
            strategy.suspect_significant_harm(
                self.episode, on=day, concern=text, by=self.worker
            )

    def discuss(
        self, day: dt.date, decision: str = StrategyDecision.SECTION_47
    ) -> StrategyDiscussion:
        worker = self.worker
        participants = [
            {
                "name": worker.get_full_name(),
                "agency": "Children's social care",
                "role": "Social worker",
            },
            *(
                {"name": n, "agency": a, "role": r}
                for n, a, r in self.rng.sample(words.PARTNERS, 2)
            ),
        ]
        no_s47 = decision == StrategyDecision.NO_SECTION_47
        typed = strategy.Discussion(
            held_on=day,
            participants=participants,
            information_shared=self.rng.choice(words.SHARED),
            decision=decision,
            no_section_47_reason=words.NO_S47 if no_s47 else "",
            actions_agreed="" if no_s47 else self.rng.choice(words.ACTIONS),
        )
        with self.on(day, hour=14):
            return strategy.record_strategy_discussion(self.episode, typed, by=worker)

    def enquire(
        self, discussion: StrategyDiscussion, outcome: str, *, after: int
    ) -> Section47Enquiry:
        """The enquiry the discussion decided on, started that day, with its
        outcome `after` working days later."""
        day = discussion.held_on
        with self.on(day, hour=15):
            enquiry = enquiries.start_section_47(
                discussion,
                started_on=day,
                icpc_target=add_working_days(day, 15),
                by=self.worker,
            )
        found = add_working_days(day, after)
        with self.on(found):
            return self.found(enquiry, outcome, found)

    def found(
        self, enquiry: Section47Enquiry, outcome: str, day: dt.date
    ) -> Section47Enquiry:
        return enquiries.record_section_47_outcome(
            enquiry,
            outcome=outcome,
            completed_on=day,
            record="Child seen alone; parents, school and GP spoken to.",
            by=self.worker,
        )

    # --- conferences --------------------------------------------------------

    def _meeting(
        self, day: dt.date, decision: str, category: str
    ) -> conferences.Meeting:
        attendance = [
            {"agency": a, "name": n, "role": r, "attended": at, "report": rep}
            for a, n, r, at, rep in words.ATTENDANCE
        ]
        attendance.insert(
            0,
            {
                "agency": "Children's social care",
                "name": self.worker.get_full_name(),
                "role": "Social worker",
                "attended": True,
                "report": True,
            },
        )
        return conferences.Meeting(
            held_on=day,
            chair=self.chair,
            decision=decision,
            attendance=attendance,
            category=category,
            family_views=words.FAMILY_VIEWS,
            child_views=words.CHILD_VIEWS,
        )

    def initial(
        self,
        enquiry: Section47Enquiry,
        day: dt.date,
        *,
        plan: bool,
        kind: str = ConferenceKind.INITIAL,
    ) -> Conference:
        decision = ConferenceDecision.PLAN if plan else ConferenceDecision.NO_PLAN
        category = self.category() if plan else ""
        with self.on(day, hour=12):
            held = conferences.hold_initial_conference(
                self.episode,
                self._meeting(day, decision, category),
                by=self.worker,
                kind=kind,
                section_47=enquiry,
            )
        self._sign(held)
        if plan:
            self._concerns(held.started_plan)
        return held

    def _concerns(self, plan: ChildProtectionPlan) -> None:
        rows = [
            concerns.Concern(
                concern=c,
                what_must_change=w,
                family_will=f,
                agencies_will=a,
                by_when=add_months(plan.started_on, 3),
                progress_seen=p,
                if_not=n,
            )
            for c, w, f, a, p, n in words.CONCERNS[plan.initial_category]
        ]
        with self.on(plan.started_on, hour=16):
            concerns.set_concerns(plan, rows, by=self.worker)

    def _sign(self, conference: Conference) -> None:
        """The chair signs the minutes within a week or two; the latest may
        still wait. (Refused while a chair may not record on the child: the
        minutes then wait for them.)"""
        signed = add_working_days(conference.held_on, self.rng.randint(3, 10))
        if signed > clock.today():
            return
        try:
            with clock_at(signed, 16):
                conferences.sign_off(conference, by=self.chair)
        except DomainError:
            pass

    def review(
        self, plan: ChildProtectionPlan, day: dt.date, *, ends: bool
    ) -> Conference:
        decision = ConferenceDecision.END_PLAN if ends else ConferenceDecision.CONTINUE
        # Now and then the category changes as more is known.
        category = self.category() if self.rng.random() < 0.1 else plan.latest_category
        with self.on(day, hour=12):
            held = conferences.hold_review_conference(
                plan, self._meeting(day, decision, category), by=self.worker
            )
        self._sign(held)
        return held

    # --- the plan -----------------------------------------------------------

    def run_plan(
        self, plan: ChildProtectionPlan, *, ends_at: int | None, reviews: bool = True
    ) -> dt.date:
        """Core groups every four weeks and reviews at three months, then six;
        the plan ends at review `ends_at` (None: it runs on). Without
        `reviews`, none is held: the first review is overdue. The day the plan
        ended; Later while it runs."""
        group = add_working_days(plan.started_on, self.rng.randint(5, 10))
        review = working_day(add_months(plan.started_on, 3) - self._early())
        number = 1
        while True:
            while group < review or not reviews:
                self.visit(plan, group)
                self.core_group(plan, group)
                group = add_working_days(group, self.rng.choice((18, 19, 20, 20, 23)))
            self.visit(plan, review)
            self.review(plan, review, ends=ends_at == number)
            if ends_at == number:
                return review
            number += 1
            group = add_working_days(review, self.rng.randint(5, 15))
            review = working_day(add_months(review, 6) - self._early())

    def visit(self, plan: ChildProtectionPlan, day: dt.date) -> None:
        """The child's visits up to the plan's next meeting on `day`."""
        if self.visits is not None:
            self.visits.until(plan, day, self.worker)

    def _early(self) -> dt.timedelta:
        return dt.timedelta(days=self.rng.randint(0, 14))

    def core_group(self, plan: ChildProtectionPlan, day: dt.date) -> None:
        attendance = [
            {
                "name": self.worker.get_full_name(),
                "agency": "Children's social care",
                "role": "Social worker",
            },
            {"name": "Mother", "agency": "Family", "role": "Parent"},
            {"name": "Jo Hartside", "agency": "Health", "role": "Health visitor"},
        ]
        with self.on(day, hour=10):
            plans.record_core_group(
                plan,
                held_on=day,
                attendance=attendance,
                progress=self.rng.choice(words.PROGRESS),
                by=self.worker,
            )

    def step_down(self, day: dt.date) -> None:
        """A child in need plan from the day the child protection plan ended."""
        actions = [
            ActionLine(
                what_must_change=what,
                who=who,
                by_when=add_months(day, 3),
                if_not_met=if_not,
            )
            for what, who, if_not in words.STEP_DOWN
        ]
        recorded = CinEpisode.objects.values_list("primary_need", flat=True)
        need = "" if recorded.get(pk=self.episode.pk) else "N1"  # abuse or neglect
        with self.on(day, hour=15):
            cin_plans.start_plan(
                self.episode,
                started_on=day,
                actions=actions,
                primary_need=need,
                by=self.worker,
            )
