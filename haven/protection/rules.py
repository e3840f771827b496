"""The checks child protection's services share, made before anything is
written: the CIN census rules on dates (1103-1105, 2889: nothing before the
referral; 8565: nothing after the closure; 8875: no conference at a weekend),
and what a list of participants or attendees must hold."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from haven.cin.models import CinEpisode
from haven.cin.rules import check_date
from haven.core import codelists
from haven.core.errors import DomainError, Failures
from haven.protection.codes import CATEGORY


def check_day(
    episode: CinEpisode,
    day: dt.date | None,
    *,
    field: str,
    what: str,
    not_before: tuple[dt.date, str] | None = None,
) -> dt.date:
    """A date on the episode: given, not in the future, not before the referral
    (or the later bound given), and not after the episode closed."""
    bound, since = not_before or (episode.referral_date, "the referral")
    if bound < episode.referral_date:
        bound, since = episode.referral_date, "the referral"
    day = check_date(day, field=field, what=what, not_before=bound, since=since)
    if episode.closed_on is not None and day > episode.closed_on:
        raise DomainError(
            "after_closure",
            f"The date {what} must be on or before the episode closed "
            f"({episode.closed_on:%-d %B %Y})",
            field=field,
        )
    return day


def check_weekday(day: dt.date | None, *, field: str) -> None:
    """Census rule 8875: a conference is never held on a Saturday or Sunday."""
    if day is not None and day.weekday() >= 5:
        raise DomainError(
            "conference_at_weekend",
            f"A conference cannot be held at a weekend: {day:%A %-d %B %Y} is a "
            f"{day:%A}. Enter the weekday it was held",
            field=field,
        )


def check_category(code: str, *, on: dt.date | None, field: str = "category") -> None:
    """A category of abuse from the census list of the conference's year
    (rules 8905, 8910)."""
    year = codelists.year_of(on)
    if not code or not codelists.is_valid(CATEGORY, code, year=year):
        raise DomainError(
            "category_required",
            "Choose the category of abuse: neglect, physical, sexual or emotional "
            "abuse, or multiple",
            field=field,
        )


def people_rows(
    rows: Sequence[dict[str, Any]], *, field: str, who: str, failures: Failures
) -> list[dict[str, Any]]:
    """The people typed (blank rows left out), each with their name and agency;
    every missing part is named with its row, counted as the user sees them."""
    kept: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        cleaned = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items()}
        if not any(cleaned.get(k) for k in ("name", "agency", "role")):
            continue
        for key, words in (("name", "their name"), ("agency", "their agency")):
            if not cleaned.get(key):
                failures.add(
                    f"{field}_incomplete",
                    f"{who.capitalize()} {index + 1}: enter {words}",
                    field=f"{field}.{index}.{key}",
                )
        kept.append(cleaned)
    if not kept:
        failures.add(
            f"{field}_required",
            f"Add who {'took part' if who == 'participant' else 'attended'}: "
            "their name and agency",
            field=field,
        )
    return kept


def require_text(value: str, *, code: str, message: str, field: str) -> str:
    if not value.strip():
        raise DomainError(code, message, field=field)
    return value.strip()
