"""Pages of a long list without counting it first.

Counting every record a user may open means checking access for each of them;
a page needs only its own rows and whether one more exists.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from haven.core.params import page_number


@dataclass
class UncountedPage:
    object_list: list[Any]
    number: int
    has_next: bool

    def __iter__(self) -> Any:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def uncounted_page(rows: QuerySet[Any], number: str | None, size: int) -> UncountedPage:
    page = page_number(number)
    start = (page - 1) * size
    found = list(rows[start : start + size + 1])
    return UncountedPage(found[:size], page, len(found) > size)
