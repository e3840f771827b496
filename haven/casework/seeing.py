"""Whether each child a note is about was seen, and seen alone.

A note for siblings seen together records each child's own answer: one may be
seen alone while a baby brother, too young to be, is not. Inspectors read a
child's record for the date they were last seen and whether alone (Ofsted
ILACS Annex A, lists 6 and 7), and why not when they were not.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models

from haven.casework.codes import FACE_TO_FACE, NoteKind
from haven.core.errors import Failures
from haven.people.models import Person


class Alone(models.TextChoices):
    """The answer to "was the child seen alone?"."""

    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_APPLICABLE = "not_applicable", "Not applicable: a baby or a child too young"


@dataclass(frozen=True)
class Seen:
    """One child's answers: seen, seen alone, and if not alone why not."""

    seen: bool = False
    alone: str = ""  # an `Alone` value, or blank when the child was not seen
    reason: str = ""  # why the child was not seen alone

    @property
    def seen_alone(self) -> bool:
        return self.seen and self.alone == Alone.YES

    @property
    def not_applicable(self) -> bool:
        return self.seen and self.alone == Alone.NOT_APPLICABLE

    @property
    def not_alone_reason(self) -> str:
        return self.reason.strip() if self.seen and self.alone == Alone.NO else ""


NOT_SEEN = Seen()


def field(name: str, child: Person) -> str:
    """The form field for one child's answer: seen_12, alone_12, reason_12."""
    return f"{name}_{child.pk}"


def words(payload: dict[str, object]) -> str:
    """The chronology's words for one child's answers in a journal event."""
    if payload.get("seen_alone"):
        return "child seen alone"
    if not payload.get("child_seen"):
        return "child not seen"
    if payload.get("alone_not_applicable"):
        return "child seen, too young to be seen alone"
    reason = str(payload.get("not_alone_reason") or "")
    return f"child seen, not alone: {reason}" if reason else "child seen"


def check_answered(
    children: list[Person],
    unanswered: set[int],
    failures: Failures,
    kind: str = "",
) -> None:
    """In a face-to-face note, each child ticked is said to be seen or not.
    "Seen alone" follows from "seen": while "seen" is unanswered only "seen" is
    asked, so a worker never meets "was X seen alone?" for a child not yet said
    to be seen (a resumed draft may hold the one answer without the other)."""
    if kind not in FACE_TO_FACE:
        return
    for child in children:
        if child.pk in unanswered:
            failures.add(
                "seen_required",
                f"Say whether {child.full_name} was seen",
                field=field("seen", child),
            )


def check(
    children: list[Person],
    seen: Mapping[int, Seen],
    failures: Failures,
    kind: str = "",
) -> None:
    """Each child's answers make sense on their own, and for the kind of note;
    every problem is kept."""
    for child in children:
        answer = seen.get(child.pk, NOT_SEEN)
        name = child.full_name
        if answer.seen and kind in NoteKind.values and kind not in FACE_TO_FACE:
            label = NoteKind(kind).label.lower()
            article = "an" if label[0] in "aeiou" else "a"
            failures.add(
                "seen_not_face_to_face",
                f"{name} cannot be seen in {article} {label}: answer no, or "
                "choose the type of note in which you saw them",
                field=field("seen", child),
            )
            continue
        if not answer.seen:
            if answer.alone == Alone.YES:
                failures.add(
                    "seen_alone_not_seen",
                    f"{name} can only be seen alone if they were seen",
                    field=field("alone", child),
                )
            continue
        if answer.alone not in Alone.values:
            failures.add(
                "alone_required",
                f"Say whether {name} was seen alone",
                field=field("alone", child),
            )
        elif answer.alone == Alone.NO and not answer.reason.strip():
            failures.add(
                "not_alone_reason_required",
                f"Say why {name} was not seen alone",
                field=field("reason", child),
            )
