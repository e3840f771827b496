"""What a child in need plan (and each date on the episode) must have, and what
an episode must have before it closes, checked before anything is written."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from haven.cin import episode_work
from haven.cin.codes import NEED
from haven.cin.models import CinEpisode, Plan
from haven.core import clock, codelists
from haven.core.errors import DomainError, Failures


@dataclass(frozen=True)
class ActionLine:
    """One action typed into a child in need plan."""

    what_must_change: str
    who: str
    by_when: dt.date | None
    if_not_met: str


def check_date(
    day: dt.date | None, *, field: str, what: str, not_before: dt.date, since: str
) -> dt.date:
    if day is None:
        raise DomainError("date_required", f"Enter the date {what}", field=field)
    if day > clock.today():
        raise DomainError(
            "date_in_future", f"The date {what} must be today or earlier", field=field
        )
    if day < not_before:
        raise DomainError(
            "date_too_early",
            f"The date {what} must be on or after {since} ({not_before:%-d %B %Y})",
            field=field,
        )
    return day


def _blank(line: ActionLine) -> bool:
    return not (
        line.what_must_change.strip()
        or line.who.strip()
        or line.by_when
        or line.if_not_met.strip()
    )


def _check_actions(
    actions: Sequence[ActionLine], started_on: dt.date | None, failures: Failures
) -> list[ActionLine]:
    """The actions typed, each checked; every missing part is named with its action.

    Numbered by row, blank rows counted, so "Action 3" is the third row the user
    sees on the form even when they left the second one empty.
    """
    rows = [(n, line) for n, line in enumerate(actions) if not _blank(line)]
    if not rows:
        failures.add(
            "actions_required",
            "Add at least one action: what must change, who does it, by when, and "
            "what happens if it does not",
            field="actions",
        )
    for index, line in rows:
        for name, value, words in (
            ("what_must_change", line.what_must_change.strip(), "what must change"),
            ("who", line.who.strip(), "who will do it"),
            ("by_when", line.by_when, "the date it must be done by"),
            (
                "if_not_met",
                line.if_not_met.strip(),
                "what happens if it does not change",
            ),
        ):
            if not value:
                failures.add(
                    "action_incomplete",
                    f"Action {index + 1}: enter {words}",
                    field=f"actions.{index}.{name}",
                )
        if line.by_when and started_on and line.by_when < started_on:
            failures.add(
                "action_date_before_plan",
                f"Action {index + 1}: the date it must be done by must be on or "
                "after the plan starts",
                field=f"actions.{index}.by_when",
            )
    return [line for _index, line in rows]


def check_plan(
    episode: CinEpisode,
    *,
    started_on: dt.date | None,
    actions: Sequence[ActionLine],
    primary_need: str = "",
) -> list[ActionLine]:
    """Refuse a plan that leaves out any required fact, naming each with its
    action; otherwise the actions typed (blank rows left out)."""
    failures = Failures()
    with failures.gather():
        check_date(
            started_on,
            field="started_on",
            what="the plan started",
            not_before=episode.referral_date,
            since="the referral",
        )
    lines = _check_actions(actions, started_on, failures)
    # Read afresh: the assessment may have set the need on another copy of it.
    recorded = CinEpisode.objects.values_list("primary_need", flat=True).get(
        pk=episode.pk
    )
    if not (primary_need or recorded):
        failures.add(
            "need_required",
            "Choose the child's primary need before starting a plan",
            field="primary_need",
        )
    failures.raise_any()
    return lines


# --- closure ----------------------------------------------------------------


def check_primary_need(need: str, *, on: dt.date, history: bool = False) -> None:
    """The need must be in the DfE list for the collection year of `on` (the
    referral); N0 ("Not stated"), which the list keeps for history, only when
    recording history: the census asks for the need (rule 8610)."""
    year = codelists.collection_year(on)
    if not codelists.is_valid(NEED, need, year=year):
        raise DomainError(
            "need_required", "Choose the child's primary need", field="primary_need"
        )
    if need in codelists.code_list(NEED).history_only and not history:
        raise DomainError(
            "need_not_stated",
            f"{need} ('Not stated') is only for records of past referrals: choose "
            "the child's primary need",
            field="primary_need",
        )


def check_closing_date(
    episode: CinEpisode, plan: Plan | None, closed_on: dt.date
) -> None:
    """The episode cannot close before the last thing recorded on it."""
    bounds = [(episode.referral_date, "the referral")]
    if plan is not None:
        bounds.append((plan.started_on, "the plan started"))
        review = plan.reviews.order_by("-held_on", "-pk").first()
        if review is not None:
            bounds.append((review.held_on, "the last plan review"))
    bounds.extend(episode_work.dates_on(episode))
    not_before, since = max(bounds, key=lambda bound: bound[0])
    check_date(
        closed_on,
        field="closed_on",
        what="of closure",
        not_before=not_before,
        since=since,
    )
