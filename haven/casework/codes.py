"""Code lists for case recording.

There is no DfE code list for the kinds of case note: the CIN census and the
SSDA903 return record none of them. These are the kinds Haven's users asked for in
the case recording issue, kept short so a chronology reads consistently.
"""

from django.db import models


class NoteKind(models.TextChoices):
    """What sort of contact or work a case note records (local list)."""

    VISIT = "visit", "Visit"
    PHONE_CALL = "phone_call", "Phone call"
    MEETING = "meeting", "Meeting"
    MEETING_NO_CHILD = "meeting_no_child", "Meeting without the child"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    OBSERVATION = "observation", "Observation"
    DIRECT_WORK = "direct_work", "Direct work"


# The kinds of contact in which the worker can see the child. A call, an email,
# a letter or a meeting without the child cannot record the child as seen.
FACE_TO_FACE = frozenset(
    {NoteKind.VISIT, NoteKind.MEETING, NoteKind.OBSERVATION, NoteKind.DIRECT_WORK}
)


class OversightCategory(models.TextChoices):
    """Which oversight period applies to a child."""

    CP_OR_LOOKED_AFTER = (
        "cp_or_looked_after",
        "Children subject to a child protection plan or looked after",
    )
    OTHER = "other", "Other children with an allocated case"
