"""What child protection work means to a child's CIN episode (registered with
haven.cin, which cannot import this app, from plugin.py): what closing the
episode must respect, and when a child in need plan may not start."""

import datetime as dt

from django.db.models import Q

from haven.cin.codes import AFTER_ASSESSMENT
from haven.cin.episode_work import EpisodeWork
from haven.cin.models import CinEpisode
from haven.core.errors import DomainError
from haven.people.selectors import records_of
from haven.protection.codes import EnquiryOutcome
from haven.protection.models import PLAN_PERIOD, ChildProtectionPlan


def recorded(episode: CinEpisode) -> bool:
    """Any child protection work: the referral did not end in no further action."""
    return (
        episode.strategy_discussions.exists()
        or episode.section_47_enquiries.exists()
        or episode.cp_conferences.exists()
    )


def dates(episode: CinEpisode) -> list[tuple[dt.date, str]]:
    """The episode cannot close before any child protection work on it."""
    found = [
        (d.held_on, "the strategy discussion")
        for d in episode.strategy_discussions.all()
    ]
    for enquiry in episode.section_47_enquiries.all():
        found.append((enquiry.started_on, "the section 47 enquiry started"))
        if enquiry.completed_on:
            found.append((enquiry.completed_on, "the section 47 enquiry's outcome"))
    found += [(c.held_on, "the conference") for c in episode.cp_conferences.all()]
    for plan in episode.cp_plans.all():
        found.append((plan.started_on, "the child protection plan started"))
        if plan.ended_on:
            found.append((plan.ended_on, "the child protection plan ended"))
        found += [(g.held_on, "the core group") for g in plan.core_groups.all()]
    return found


def _refuse_after_assessment(episode: CinEpisode) -> None:
    # Census rule 2990: closing "after assessment" (RC8, RC9) means the
    # assessment was all: no section 47 enquiry, conference or plan.
    if (
        episode.section_47_enquiries.exists()
        or episode.cp_conferences.exists()
        or episode.cp_plans.exists()
    ):
        raise DomainError(
            "protection_on_episode",
            "The episode held a section 47 enquiry, a child protection conference "
            "or plan, so it did not close after assessment: choose another reason",
            field="reason",
        )


def _refuse_unfinished(episode: CinEpisode) -> None:
    if episode.cp_plans.filter(ended_on__isnull=True).exists():
        raise DomainError(
            "cp_plan_open",
            "The child is subject of a child protection plan: end it (at a "
            "review conference, or for the reason it ended) before closing",
        )
    # Census rule 8868: a closed episode's enquiries are all completed, by an
    # initial conference or as needing none.
    unfinished = episode.section_47_enquiries.filter(
        Q(outcome="")
        | Q(outcome=EnquiryOutcome.SIGNIFICANT_HARM, initial_conference__isnull=True)
    )
    if unfinished.exists():
        raise DomainError(
            "enquiry_unfinished",
            "A section 47 enquiry is not finished: record its outcome, and hold "
            "the initial conference it called, before closing",
        )


def check_closure(episode: CinEpisode, reason: str, history: bool) -> None:
    # Both are DfE rules, so they hold when recording history too.
    if reason in AFTER_ASSESSMENT:
        _refuse_after_assessment(episode)
    _refuse_unfinished(episode)


def check_plan_start(episode: CinEpisode, started_on: dt.date) -> None:
    """Census rules 4001, 4016, 4017: no child in need plan runs beside a child
    protection plan. A child in need plan may start on the day one ended (a
    step down)."""
    held = ChildProtectionPlan.objects.filter(person_id__in=records_of(episode.person))
    clash = held.filter(PLAN_PERIOD.overlapping(started_on, None)).first()
    if clash is None:
        return
    raise DomainError(
        "cp_plan_running",
        "A child in need plan cannot run beside a child protection plan (the "
        f"child protection plan {PLAN_PERIOD.words(clash)}). Start it on or after "
        "the day the child protection plan ends",
        field="started_on",
    )


WORK = EpisodeWork(
    name="child_protection",
    recorded=recorded,
    dates=dates,
    check_closure=check_closure,
    proposed_closure=lambda episode: "",
    check_plan_start=check_plan_start,
)
