"""The Header table: one row per child in the return (returns.md 2.3).

UPN is the child's, or the reason there is none (UN1 to UN5). MOTHER says
whether a young woman in the return is a mother (1) or not (0), from the
family relationships recorded in Haven (her child recorded as her child, or
her recorded as the mother of a child); MC_DOB is the birth date of her first
child. Both are blank for anyone not female, and for a young woman not looked
after in the year, or only on short breaks (rules 399 and 628)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from haven.people.codes import RelationshipKind, Sex
from haven.people.models import Person, Relationship

PARENT_KINDS = (RelationshipKind.MOTHER, RelationshipKind.PARENT)


def first_children(women: Iterable[int]) -> dict[int, dt.date | None]:
    """Each mother among `women` to her first child's birth date (None when
    no child of hers has one recorded); a woman with no child is left out."""
    ids = list(women)
    as_parent = Relationship.objects.filter(
        kind__in=PARENT_KINDS, other_id__in=ids
    ).values_list("other_id", "person__date_of_birth")
    as_child = Relationship.objects.filter(
        kind=RelationshipKind.CHILD, person_id__in=ids
    ).values_list("person_id", "other__date_of_birth")
    born: dict[int, list[dt.date]] = defaultdict(list)
    for woman, child_born in [*as_parent, *as_child]:
        born[woman].extend([child_born] if child_born else [])
    return {woman: min(days) if days else None for woman, days in born.items()}


def header_rows(
    people: list[Person], looked_after: Collection[int]
) -> list[dict[str, Any]]:
    """`looked_after`: the Haven IDs of those looked after in the year."""
    women = [p.pk for p in people if p.sex == Sex.FEMALE and p.pk in looked_after]
    mothers = first_children(women)
    rows = []
    for person in people:
        female = person.pk in women
        rows.append(
            {
                "CHILD": person.la_child_id,
                "SEX": person.sex,
                "DOB": person.date_of_birth,
                "ETHNIC": person.ethnicity,
                "UPN": person.upn or person.upn_unknown,
                "MOTHER": int(person.pk in mothers) if female else None,
                "MC_DOB": mothers.get(person.pk) if female else None,
                "_person": person.pk,
            }
        )
    return rows
