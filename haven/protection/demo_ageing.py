"""Older child protection work finished, for the benchmark's large authority
(bench/ageing.py), as a real authority's would be: before an old episode
closes, its enquiries have their outcome, the conference an enquiry called is
held and the plan is ended at a review conference (closing is refused while a
plan is open, census rule 8868 and Haven's own rule). An episode kept open
keeps its plan, with the review that is due held, and children on a plan are
visited as the slices' days pass (visit_open_plans). Records still waiting
for their chair are signed off, so the chair's and the administrator's case
roles end with the work, as in life."""

import datetime as dt
import random

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils.timezone import localdate

from haven.casework.codes import NoteKind
from haven.casework.models import CaseNote
from haven.cin.models import CinEpisode
from haven.core import clock, journal
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.roles import ROLES_BY_KEY
from haven.core.selectors import current_allocation
from haven.people.models import Person
from haven.protection import conferences
from haven.protection.codes import ConferenceKind, EnquiryOutcome
from haven.protection.demo_story import Story, working_day
from haven.protection.demo_visits import Visits
from haven.protection.models import ChildProtectionPlan, Conference
from haven.timescales.calendar import add_months


def finish(episode: CinEpisode, by: User, *, ending: bool) -> None:
    """Finish the episode's child protection work today (the last working day),
    as `by`; end its plan if the episode is `ending`. The records waiting
    for their chair are signed off, so the chair's and the administrator's
    roles end once no plan runs (as they would have, months ago). Raises the
    refusal of a step, and then records none of them."""
    person = episode.person
    held = current_allocation(person, CaseRole.CP_CHAIR)
    # The child's chair, if they have one: another would take the role over.
    chair = held.worker if held and held.worker else _any_chair()
    if chair is None or not (_unfinished(episode) or _unsigned(person).exists()):
        return
    day = working_day(clock.today())
    # Seeded by the episode, so the ageing's own draws are as they were.
    story = Story(random.Random(episode.pk), episode, by, chair)
    with transaction.atomic(), journal.as_one_step():
        sign_waiting(person)
        _finish_work(story, day, ending=ending)
        sign_waiting(person)  # the conferences just held


def _finish_work(story: Story, day: dt.date, *, ending: bool) -> None:
    episode = story.episode
    for enquiry in episode.section_47_enquiries.filter(outcome=""):
        with story.on(day):
            story.found(enquiry, EnquiryOutcome.NOT_SUBSTANTIATED, day)
    called = episode.section_47_enquiries.filter(
        outcome=EnquiryOutcome.SIGNIFICANT_HARM, initial_conference__isnull=True
    )
    unborn = episode.person.is_unborn
    kind = ConferenceKind.PRE_BIRTH if unborn else ConferenceKind.INITIAL
    for enquiry in called:
        story.initial(enquiry, day, plan=False, kind=kind)
    plan = episode.cp_plans.filter(ended_on__isnull=True).first()
    if plan is None:
        return
    last = plan.reviews.order_by("-held_on").first()
    due = add_months(last.held_on, 6) if last else add_months(plan.started_on, 3)
    if ending or due <= day:
        story.review(plan, day, ends=ending)


def _any_chair() -> User | None:
    chairs = User.objects.filter(groups__name=ROLES_BY_KEY["cp_chair"].name)
    return chairs.order_by("pk").first()


def _unsigned(person: Person) -> QuerySet[Conference]:
    return Conference.objects.filter(
        episode__person=person, signed_off_at=None
    ).select_related("chair", "episode__person")


def sign_waiting(person: Person) -> None:
    """Each of the child's records still waiting for its chair, signed off by
    them today (one whose chair may no longer open the record waits on)."""
    for conference in _unsigned(person).order_by("held_on", "pk"):
        try:
            conferences.sign_off(conference, by=conference.chair)
        except DomainError:
            continue


def _unfinished(episode: CinEpisode) -> bool:
    return (
        episode.cp_plans.filter(ended_on__isnull=True).exists()
        or episode.section_47_enquiries.filter(ended_on__isnull=True).exists()
    )


def visit_open_plans() -> int:
    """Every child on a plan visited, by the worker holding their case, from
    their last visit to today (a few plans' visits lapsed, as demo_visits
    says); how many plans had none to record."""
    plans = ChildProtectionPlan.objects.filter(ended_on=None).select_related("person")
    seen = CaseNote.objects.filter(
        person__in=plans.values("person_id"), kind=NoteKind.VISIT, child_seen=True
    )
    last = dict(
        seen.values("person_id")
        .annotate(last=Max("occurred_at"))
        .values_list("person_id", "last")
    )
    visits, skipped = Visits(), 0
    for plan in plans.order_by("pk"):
        held = current_allocation(plan.person)
        if held is None or held.worker is None:
            skipped += 1
            continue
        visited = last.get(plan.person_id)
        visits.last[plan.pk] = max(
            plan.started_on, localdate(visited) if visited else plan.started_on
        )
        try:
            # After today: the visits stop short of it where they lapsed.
            visits.until(plan, clock.today() + dt.timedelta(days=1), held.worker)
        except DomainError:
            skipped += 1
    return skipped
