"""Older child protection work finished, for the benchmark's large authority
(bench/ageing.py), as a real authority's would be: before an old episode
closes, its enquiries have their outcome, the conference an enquiry called is
held and the plan is ended at a review conference (closing is refused while a
plan is open, census rule 8868 and Haven's own rule). An episode kept open
keeps its plan, with the review that is due held."""

import random

from django.db import transaction

from haven.cin.models import CinEpisode
from haven.core import clock, journal
from haven.core.models import User
from haven.core.roles import ROLES_BY_KEY
from haven.protection.codes import ConferenceKind, EnquiryOutcome
from haven.protection.demo_story import Story, working_day
from haven.timescales.calendar import add_months


def finish(episode: CinEpisode, by: User, *, ending: bool) -> None:
    """Finish the episode's child protection work today (the last working day),
    as `by`; end its plan if the episode is `ending`. Raises the refusal of a
    step, and then records none of them."""
    chair = User.objects.filter(groups__name=ROLES_BY_KEY["cp_chair"].name).first()
    if chair is None or not _unfinished(episode):
        return
    day = working_day(clock.today())
    # Seeded by the episode, so the ageing's own draws are as they were.
    story = Story(random.Random(episode.pk), episode, by, chair)
    with transaction.atomic(), journal.as_one_step():
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


def _unfinished(episode: CinEpisode) -> bool:
    return (
        episode.cp_plans.filter(ended_on__isnull=True).exists()
        or episode.section_47_enquiries.filter(ended_on__isnull=True).exists()
    )
