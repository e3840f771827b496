"""SSDA903 episodes, from every year's files, as periods of care: the same
episode in two years' files (open at one 31 March, ended in the next file) is
one episode, known by its start (DECOM); a period of care runs from an episode
starting to be looked after to the one that ends it (any REC but X1), so last
year's open period continues into this year's as one history.

Within a period a new legal status starts where LS changes, and a new
placement where the episode says the placement changed (RNE P, U, T, B) or
its type, provider or postcode differ."""

import datetime as dt
from dataclasses import dataclass, field

from haven.care import codes
from haven.care.history import year_of
from haven.returns.legacy.rows import Episode, Origin
from haven.returns.legacy.writing import Refused, check_code

NEW_PLACEMENT = frozenset({"P", "T", "U", "B"})


@dataclass
class Span:
    """A legal status or placement as the episodes give it."""

    start: dt.date
    end: dt.date | None
    origin: Origin
    first: Episode
    change_reason: str = ""


@dataclass
class Run:
    """A period of care as the episodes give it."""

    episodes: list[Episode]
    statuses: list[Span] = field(default_factory=list)
    stays: list[Span] = field(default_factory=list)

    @property
    def start(self) -> dt.date:
        return self.episodes[0].decom

    @property
    def end(self) -> dt.date | None:
        last = self.episodes[-1]
        return last.dec if last.rec and last.rec != "X1" else None

    @property
    def reason(self) -> str:
        last = self.episodes[-1]
        return last.rec if last.rec != "X1" else ""


def merged(found: list[Episode]) -> list[Episode]:
    """One episode a DECOM: where two years' files give it, the one that knows
    its end, else the later file's."""
    best: dict[dt.date, Episode] = {}
    for episode in sorted(found, key=lambda e: (e.dec is not None, e.origin.file)):
        best[episode.decom] = episode
    return [best[day] for day in sorted(best)]


def check_episode(e: Episode) -> None:
    """The row's own faults: its codes, and its dates."""
    year = year_of(e.decom)
    if e.dec is not None and e.dec < e.decom:
        raise Refused(
            e.origin, f"DEC {e.dec:%d/%m/%Y} is before DECOM {e.decom:%d/%m/%Y}"
        )
    if bool(e.dec) != bool(e.rec):
        raise Refused(e.origin, "DEC and REC must both be given or both be blank")
    check_code("ssda903_legal_status", e.ls, year=year, column="LS", origin=e.origin)
    check_code("ssda903_placement", e.place, year=year, column="PLACE", origin=e.origin)
    check_code("cin_primary_need", e.cin, year=year, column="CIN", origin=e.origin)
    check_code(
        "ssda903_reason_new_episode", e.rne, year=year, column="RNE", origin=e.origin
    )
    check_code(
        "ssda903_reason_episode_ceased",
        e.rec,
        year=year,
        column="REC",
        origin=e.origin,
        blank=True,
    )
    check_code(
        "ssda903_place_provider",
        e.place_provider,
        year=year,
        column="PLACE_PROVIDER",
        origin=e.origin,
        blank=True,
    )
    check_code(
        "ssda903_reason_place_change",
        e.reason_place_change,
        year=year,
        column="REASON_PLACE_CHANGE",
        origin=e.origin,
        blank=True,
    )
    if e.cin in ("N0", "N9"):
        raise Refused(
            e.origin, f"CIN '{e.cin}' is not a category of need the SSDA903 takes"
        )


def runs(episodes: list[Episode]) -> list[Run]:
    """The periods of care, each a chain of episodes with no gap; a chain
    that breaks is refused (naming the row after the gap)."""
    found: list[Run] = []
    for episode in episodes:
        current = found[-1] if found else None
        if current is None or current.end is not None or episode.rne == "S":
            if current is not None and current.end is None:
                raise Refused(
                    episode.origin,
                    f"a new period of care starts on {episode.decom:%d/%m/%Y} (RNE S) "
                    "while the last one was never ended",
                )
            found.append(Run([episode]))
            continue
        before = current.episodes[-1]
        if before.dec != episode.decom:
            raise Refused(
                episode.origin,
                f"the episode starting {episode.decom:%d/%m/%Y} does not follow the "
                f"last ({before.origin}), which ended "
                f"{before.dec:%d/%m/%Y}"
                if before.dec
                else "which is still open",
            )
        current.episodes.append(episode)
    for run in found:
        _split(run)
    return found


def _split(run: Run) -> None:
    for index, episode in enumerate(run.episodes):
        status = run.statuses[-1] if run.statuses else None
        stay = run.stays[-1] if run.stays else None
        if status is None or episode.ls != status.first.ls:
            if status is not None:
                status.end = episode.decom
            run.statuses.append(Span(episode.decom, None, episode.origin, episode))
        if stay is None or _new_place(stay.first, episode):
            if stay is not None:
                stay.end = episode.decom
                stay.change_reason = run.episodes[index - 1].reason_place_change
            run.stays.append(Span(episode.decom, None, episode.origin, episode))
    for spans in (run.statuses, run.stays):
        spans[-1].end = run.end


def _new_place(placed: Episode, episode: Episode) -> bool:
    return episode.rne in NEW_PLACEMENT or (
        (placed.place, placed.urn, placed.pl_post, placed.place_provider)
        != (episode.place, episode.urn, episode.pl_post, episode.place_provider)
    )


def short_break(run: Run) -> bool:
    return any(e.ls in codes.SHORT_BREAKS for e in run.episodes)
