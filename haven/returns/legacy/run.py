"""The import: read every file, then load each child in one transaction of
their own (a child refused leaves nothing behind, and the others go on), and
say what was loaded and what was not."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction

from haven.core.models import User
from haven.returns.legacy import care, care_events, episodes, in_need, person
from haven.returns.legacy.read_903 import read_folder
from haven.returns.legacy.read_cin import read_file
from haven.returns.legacy.rows import Child, Problem
from haven.returns.legacy.writing import Refused, Tally, Writer, each, import_user


@dataclass
class Outcome:
    """What an import did: the children loaded, the records written, and every
    row left out with the reason."""

    children: int = 0
    tally: Tally = field(default_factory=Tally)
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> list[str]:
        lines = [f"Children loaded: {self.children}"]
        for title, counts in (
            ("Created", self.tally.created),
            ("Completed", self.tally.completed),
        ):
            for what, count in sorted(counts.items()):
                lines.append(f"{title}: {count} {what}")
        lines.append(f"Already held, unchanged: {self.tally.unchanged}")
        lines.append(f"Rows not loaded: {len(self.problems)}")
        return lines


def import_returns(cin_files: list[Path], ssda903_folders: list[Path]) -> Outcome:
    outcome = Outcome()
    children: dict[str, Child] = {}
    for path in cin_files:
        read_file(path, children, outcome.problems)
    for folder in ssda903_folders:
        read_folder(folder, children, outcome.problems)
    by = import_user()
    for key in sorted(children):
        try:
            with transaction.atomic():
                _load(children[key], by, outcome)
            outcome.children += 1
        except Refused as refused:
            outcome.problems.append(Problem(refused.origin, key, refused.words))
    return outcome


def _load(child: Child, by: User, outcome: Outcome) -> None:
    identity = person.agreed(child)
    person.check(identity)
    held = person.existing(child.child)
    if held is not None:
        person.held_agrees(held, identity)
    who = held or person.new_person(identity)
    writer = Writer(by, who, outcome.tally, outcome.problems, child.child)
    person.complete(writer, identity, created=held is None)
    each(
        in_need.merged(child.referrals),
        lambda r: in_need.write_referral(writer, r),
        writer,
        _origin,
    )
    _care(writer, child)


def _origin(item: object) -> object:
    return getattr(item, "origin", None)


def _care(writer: Writer, child: Child) -> None:
    good = []
    for episode in episodes.merged(child.episodes):
        try:
            episodes.check_episode(episode)
            good.append(episode)
        except Refused as refused:
            writer.refuse(refused.origin, refused.words)
    try:
        runs = episodes.runs(good)
    except Refused as refused:
        writer.refuse(refused.origin, refused.words)
        return
    each(
        runs,
        lambda run: care.write_run(writer, run),
        writer,
        lambda r: r.episodes[0].origin,
    )
    try:
        with transaction.atomic():
            care.homes(writer, runs)
    except (Refused, IntegrityError) as failed:
        writer.refuse(None, f"the home postcodes were not loaded ({failed})")
    each(
        sorted(child.reviews, key=lambda r: r.held_on),
        lambda r: care_events.write_review(writer, r),
        writer,
        _origin,
    )
    each(
        sorted(child.missing, key=lambda m: m.start),
        lambda m: care_events.write_missing(writer, m),
        writer,
        _origin,
    )
