"""SSDA903 episodes, and where a child was on a day, as pure functions of a
period of care's two histories. Nothing here is stored: a correction to either
history changes every answer at once.

A new episode starts whenever the legal status or the placement changes
(returns.md 2.1, 2.4): RNE says which (S the first; L legal status only; P a new
placement with new carers; U a new placement with the same carers; T both, new
carers; B both, same carers). Every episode but the last ends with REC X1 on
the day the next starts; the last ends with the period's reason, or is open.
REASON_PLACE_CHANGE is given where the next episode changes placement (rule
225). Short breaks (V3, V4) are episodes like any other, but the child is not
counted as looked after on their days (returns.md 2.7).

HOME_POST is the child's home postcode at the start of the episode, read from
their address history in the register (haven.care.distance.home_on: the
address they lived at before the episode began), and the distance from it to
PL_POST is the SSDA903's, in miles (haven.care.distance.miles)."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from haven.care import codes
from haven.care.distance import home_on, miles
from haven.care.history import CareHistory, Status, Stay

# (started_on, ended_on, postcode) of each address the child had.
Lived = Sequence[tuple[dt.date, dt.date | None, str]]


@dataclass(frozen=True)
class Episode:
    """One row of the SSDA903 Episodes table, with the rows it came from."""

    decom: dt.date
    dec: dt.date | None
    rne: str
    ls: str
    cin: str
    place: str
    place_provider: str
    rec: str
    reason_place_change: str
    pl_post: str
    urn: str
    status: Status
    stay: Stay
    home_post: str = ""
    pl_distance: float | None = None  # miles from HOME_POST to PL_POST

    def holds_on(self, day: dt.date) -> bool:
        return self.decom <= day and (self.dec is None or day < self.dec)


def _holding(rows: Sequence[Status | Stay], day: dt.date) -> int | None:
    for index, row in enumerate(rows):
        if row.start <= day and (row.end is None or day < row.end):
            return index
    return None


def status_on(history: CareHistory, day: dt.date) -> Status | None:
    """The legal status on a day, or None outside the period."""
    found = _holding(history.statuses, day)
    return None if found is None else history.statuses[found]


def placement_on(history: CareHistory, day: dt.date) -> Stay | None:
    """Where the child was placed on a day, from the placement history alone."""
    found = _holding(history.stays, day)
    return None if found is None else history.stays[found]


def in_care_on(history: CareHistory, day: dt.date) -> bool:
    return history.start <= day and (history.end is None or day < history.end)


def looked_after_on(history: CareHistory, day: dt.date) -> bool:
    """Whether the child counts as looked after on a day: in care, and not on a
    short break (the DfE leaves V3 and V4 out of the children looked after on a
    date, such as 31 March, and out of the continuously looked after)."""
    if not in_care_on(history, day):
        return False
    status = status_on(history, day)
    return status is not None and status.code not in codes.SHORT_BREAKS


def _reason_new(before: "Episode | None", status: Status, stay: Stay) -> str:
    if before is None:
        return "S"
    new_status = status is not before.status
    if stay is before.stay:
        return "L"
    same_carers = bool(stay.lives_with) and stay.lives_with == before.stay.lives_with
    if new_status:
        return "B" if same_carers else "T"
    return "U" if same_carers else "P"


def episodes(history: CareHistory, lived: Lived = ()) -> list[Episode]:
    """The period's SSDA903 episodes, first to last, each with the child's home
    postcode from `lived` (none given, none known). The history is assumed to
    keep the rules (haven.care.history.check): each day in care holds exactly
    one legal status and one placement."""
    rows: list[Status | Stay] = [*history.statuses, *history.stays]
    starts = sorted({history.start} | {row.start for row in rows})
    starts = [day for day in starts if in_care_on(history, day)]
    found: list[Episode] = []
    for index, decom in enumerate(starts):
        status, stay = status_on(history, decom), placement_on(history, decom)
        if status is None or stay is None:
            continue  # a broken history: check() names the fault
        last = index == len(starts) - 1
        dec = history.end if last else starts[index + 1]
        home = home_on(list(lived), decom) if lived else ""
        found.append(
            Episode(
                decom=decom,
                dec=dec,
                rne=_reason_new(found[-1] if found else None, status, stay),
                ls=status.code,
                cin=history.need,
                place=stay.place,
                place_provider=stay.place_provider,
                rec=(history.reason_ended if history.end else "") if last else "X1",
                reason_place_change="",
                pl_post=stay.postcode,
                urn=stay.urn,
                status=status,
                stay=stay,
                home_post=home,
                pl_distance=miles(home, stay.postcode)
                if home and stay.postcode
                else None,
            )
        )
    return _with_place_change_reasons(found)


def _with_place_change_reasons(found: list[Episode]) -> list[Episode]:
    """An episode ended by a change of placement carries its reason."""
    for index, (episode, after) in enumerate(zip(found, found[1:], strict=False)):
        if after.stay is not episode.stay:
            found[index] = replace(
                episode, reason_place_change=episode.stay.change_reason
            )
    return found


def episode_on(found: list[Episode], day: dt.date) -> Episode | None:
    """The episode holding on a day, if any."""
    return next((e for e in found if e.holds_on(day)), None)
