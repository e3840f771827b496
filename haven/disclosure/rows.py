"""One line of the subject access export, as each part of the record gives it."""

import datetime as dt
from dataclasses import dataclass

from haven.core.models import User


@dataclass(frozen=True)
class Row:
    section: str
    when: dt.date | dt.datetime | None
    item: str
    text: str
    by: User | str | None = None
    named: tuple[str, ...] = ()  # the third parties it names, for review
