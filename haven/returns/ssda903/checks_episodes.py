"""Haven's checks of the SSDA903 episode rules (returns.md 2.4 and 2.6):
code lists of the year, the chain of episodes, DEC with REC, the time limits
of the short legal statuses, the youngest age for some placements, and the
provider, URN and reason for a placement change each placement type needs."""

import datetime as dt
from collections.abc import Iterator

from haven.care import codes
from haven.care.episodes import Episode
from haven.care.history import Status, age
from haven.care.inputs import words
from haven.core import codelists
from haven.returns.registry import Fault
from haven.returns.ssda903 import links
from haven.returns.ssda903.loading import Child, Year

# Each episode field, its code list and the rule that checks it.
FIELDS = (
    ("rne", codes.REASON_NEW_EPISODE, "143", "reason for the new episode"),
    ("ls", codes.LEGAL_STATUS, "144", "legal status"),
    ("place", codes.PLACEMENT, "146", "placement type"),
    ("place_provider", codes.PLACE_PROVIDER, "178", "placement provider"),
    ("rec", codes.REASON_CEASED, "149", "reason the episode ended"),
    ("reason_place_change", codes.PLACE_CHANGE, "1009", "reason for the move"),
)
# The longest a child may be held under these legal statuses, in days.
LIMITS = {"L1": (3, "361"), "L2": (21, "362"), "L3": (7, "363"), "J2": (21, "364")}
LONGEST_BREAK, BREAK_DAYS_IN_YEAR = 17, 75  # rules 365 and 367
AGE_RULES = {"K3": "371", "R5": "372", "S1": "373", "P3": "374"}
FOR_ADOPTION_WITH_CARERS = frozenset({"A3", "A5"})  # rule 217
PROVIDER_PAIRS = (  # (provider, placement types it cannot go with, rule)
    ("PR1", {"P1", "R2", "R5"}, "527"),
    ("PR2", {"P1", "R2", "R5"}, "528"),
    ("PR3", {"P1", "K1", "K2"} | codes.FOR_ADOPTION | codes.FOSTERING, "529"),
    ("PR4", {"P1"}, "530"),
    ("PR5", {"P1"}, "531"),
)


def faults(loaded: Year) -> list[Fault]:
    found: list[Fault] = []
    for child in loaded.children.values():
        episodes = loaded.episodes_in_year(child)
        found += [
            *_codes(loaded, child, episodes),
            *_chain(child, episodes),
            *_limits(loaded, child),
            *_breaks(loaded, child, episodes),
            *_ages(child, episodes),
            *_placements(loaded, child, episodes),
        ]
    return found


def _fault(child: Child, words_: str, rule: str, link: str = "") -> Fault:
    pk = child.person.pk
    return Fault(words_, person_id=pk, rule=rule, link=link or links.person(pk))


def _at(episode: Episode) -> str:
    return f"the episode that started on {words(episode.decom)}"


def _codes(loaded: Year, child: Child, episodes: list[Episode]) -> Iterator[Fault]:
    for episode in episodes:
        for name, listed, rule, what in FIELDS:
            code = getattr(episode, name)
            if code and not codelists.is_valid(listed, code, year=loaded.year):
                yield _fault(
                    child,
                    f"The {what} {code} of {_at(episode)} is not in the DfE's "
                    f"list for {loaded.year - 1} to {loaded.year}",
                    rule,
                    links.placement(episode.stay, child.person.pk),
                )
        if episode.cin not in codes.NEEDS_903:
            yield _fault(
                child,
                f"The category of need of the period of care holding {_at(episode)} "
                "must be one of N1 to N8",
                "145",
                links.period(child.cares[-1].period.pk, child.person.pk),
            )


def _chain(child: Child, episodes: list[Episode]) -> Iterator[Fault]:
    every = [e for care in child.cares for e in care.episodes]
    if every and every[0].rne != "S":
        yield _fault(child, "The first episode of care must start care (RNE S)", "357")
    born = child.person.date_of_birth
    for episode in episodes:
        if (episode.dec is None) != (not episode.rec):
            yield _fault(
                child,
                f"{_at(episode).capitalize()} needs both an end date and a reason "
                "it ended, or neither",
                "148",
            )
        if episode.dec is not None and episode.dec <= episode.decom:
            yield _fault(child, f"{_at(episode).capitalize()} lasts no days", "355")
        if born and episode.decom < born:
            yield _fault(
                child, f"{_at(episode).capitalize()} is before the child's birth", "302"
            )
        if born and episode.rne == "S" and age(born, episode.decom) >= 18:
            yield _fault(
                child, "Care cannot start on or after the child's 18th birthday", "352"
            )
    for before, after in zip(episodes, episodes[1:], strict=False):
        if before.dec is None or after.decom < before.dec:
            yield _fault(
                child,
                f"{_at(before).capitalize()} overlaps the next episode, which "
                f"starts on {words(after.decom)}",
                "501",
            )
        elif after.rne != "S" and after.decom != before.dec:
            yield _fault(
                child,
                f"{_at(after).capitalize()} continues the last one, so must start "
                f"the day it ended ({words(before.dec)})",
                "433",
            )


def _days(status: Status, last: dt.date) -> int:
    return ((status.end or last) - status.start).days


def _limits(loaded: Year, child: Child) -> Iterator[Fault]:
    """Police protection, emergency protection and child assessment orders,
    and PACE transfers, run for a few days at most (rules 361 to 364)."""
    for care in child.cares:
        for status in care.history.statuses:
            limit = LIMITS.get(status.code)
            if limit is None or (status.end and status.end < loaded.first):
                continue
            days, rule = limit
            if status.start <= loaded.last and _days(status, loaded.last) > days:
                yield _fault(
                    child,
                    f"The legal status {status.code} from {words(status.start)} "
                    f"lasts {_days(status, loaded.last)} days; it can last at most "
                    f"{days}",
                    rule,
                    links.legal_status(status, child.person.pk),
                )


def _breaks(loaded: Year, child: Child, episodes: list[Episode]) -> Iterator[Fault]:
    """Short breaks recorded as episodes (V3): 17 days each, no move during
    one, 75 days in a year (rules 365 to 367)."""
    breaks = [e for e in episodes if e.ls in codes.ONE_EPISODE_BREAKS]
    total = 0
    for episode in breaks:
        end = episode.dec or loaded.last
        total += (min(end, loaded.last) - max(episode.decom, loaded.first)).days
        if (end - episode.decom).days > LONGEST_BREAK:
            yield _fault(
                child,
                f"The short break that started on {words(episode.decom)} is longer "
                f"than {LONGEST_BREAK} days",
                "365",
            )
        if episode.rne in {"P", "U", "T", "B"} and episode.status.code == "V3":
            yield _fault(
                child,
                f"The child moved during a short break ({_at(episode)})",
                "366",
            )
    if total > BREAK_DAYS_IN_YEAR:
        yield _fault(
            child,
            f"Short breaks add up to {total} days in the year; at most "
            f"{BREAK_DAYS_IN_YEAR} may be recorded as episodes (V3)",
            "367",
        )


def _ages(child: Child, episodes: list[Episode]) -> Iterator[Fault]:
    born = child.person.date_of_birth
    for episode in episodes:
        youngest = codes.MINIMUM_AGE.get(episode.place)
        if born and youngest is not None and age(born, episode.decom) < youngest:
            yield _fault(
                child,
                f"Placement type {episode.place} is for children aged {youngest} or "
                f"over; the child was {age(born, episode.decom)} when "
                f"{_at(episode)}",
                AGE_RULES[episode.place],
                links.placement(episode.stay, child.person.pk),
            )


def _placements(loaded: Year, child: Child, episodes: list[Episode]) -> Iterator[Fault]:
    for index, episode in enumerate(episodes):
        after = episodes[index + 1] if index + 1 < len(episodes) else None
        yield from _provider(loaded, child, episode)
        yield from _urn(child, episode)
        yield from _move_reason(child, episode, after)
        if episode.place in FOR_ADOPTION_WITH_CARERS and episode.rne not in {
            "S",
            "T",
            "U",
        }:
            yield _fault(
                child,
                f"A child placed for adoption with their foster carers "
                f"({episode.place}) starts the episode with a new placement "
                f"(RNE S, T or U), not {episode.rne}",
                "217",
            )


def _provider(loaded: Year, child: Child, episode: Episode) -> Iterator[Fault]:
    link = links.placement(episode.stay, child.person.pk)
    blank = codes.provider_left_blank(episode.place, loaded.year)
    given = episode.place_provider
    if blank and given:
        yield _fault(
            child,
            f"Placement type {episode.place} takes no placement provider "
            f"({_at(episode)})",
            "178",
            link,
        )
    elif not blank and not given:
        yield _fault(
            child,
            f"The placement provider is missing for {_at(episode)}: record the "
            "provider of the placement",
            "526",
            link,
        )
    if given == "PR0" and episode.place != "P1":
        yield _fault(
            child, "Only a placement with parents (P1) has provider PR0", "550", link
        )
    for provider, places, rule in PROVIDER_PAIRS:
        if given == provider and episode.place in places:
            yield _fault(
                child,
                f"A placement of type {episode.place} cannot have provider "
                f"{provider} ({_at(episode)})",
                rule,
                link,
            )


def _urn(child: Child, episode: Episode) -> Iterator[Fault]:
    link = links.placement(episode.stay, child.person.pk)
    if episode.place in codes.NO_URN and episode.urn:
        yield _fault(
            child,
            f"Placement type {episode.place} has no Ofsted URN, but {_at(episode)} "
            f"gives {episode.urn}",
            "222",
            link,
        )
    elif episode.place not in codes.NO_URN and not episode.urn:
        yield _fault(
            child,
            f"The Ofsted URN of the provider is missing for {_at(episode)} "
            f"(placement type {episode.place}): record it on the provider",
            "218",
            link,
        )


def _move_reason(
    child: Child, episode: Episode, after: Episode | None
) -> Iterator[Fault]:
    link = links.placement(episode.stay, child.person.pk)
    moved = after is not None and after.stay is not episode.stay
    temporary = episode.place in codes.TEMPORARY or (
        after is not None and after.place in codes.TEMPORARY
    )
    if episode.dec is None and episode.reason_place_change:
        yield _fault(
            child,
            f"{_at(episode).capitalize()} is still open, so has no reason for a move",
            "233",
            link,
        )
    elif moved and not temporary and not episode.reason_place_change:
        yield _fault(
            child,
            f"The reason the child moved is missing for {_at(episode)}: record it "
            "on the placement",
            "225",
            link,
        )
    elif temporary and episode.reason_place_change:
        yield _fault(
            child,
            f"A move to or from a temporary placement needs no reason for the "
            f"move ({_at(episode)})",
            "226",
            link,
        )
