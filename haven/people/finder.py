"""Search of the register: records the user may open that match a name (by
sound and as typed), a date of birth, an identifier or a postcode."""

import datetime as dt
import sys

from django.db import connections, router
from django.db.models import Q
from django.db.models.functions import Lower

from haven.core import among, compiled
from haven.core.models import User
from haven.people.keys import FOLD_LENGTH, fold, name_keys, postcode_key
from haven.people.models import Person, PersonName
from haven.people.selectors import people_visible_to


def search(
    user: User,
    *,
    name: str = "",
    date_of_birth: dt.date | None = None,
    identifier: str = "",
    postcode: str = "",
    limit: int = 50,
) -> list[Person]:
    """Records the user may open that match, best first; names matched by sound.

    Candidates come from indexed keys (phonetic name keys, the names folded as
    people type them, date of birth, exact identifiers, postcode); rapidfuzz
    then ranks the few candidates.
    """
    from haven.people.matching import name_similarity

    if not (name or identifier or date_of_birth or postcode):
        return list(people_visible_to(user)[:limit])
    candidates = Person.objects.filter(merged_into__isnull=True)
    if identifier:
        compact = "".join(identifier.split()).upper()
        candidates = candidates.filter(
            Q(nhs_number=compact) | Q(upn=compact) | Q(local_id=identifier.strip())
        )
    if date_of_birth:
        candidates = candidates.filter(date_of_birth=date_of_birth)
    if postcode:
        candidates = candidates.filter(addresses__postcode_key=postcode_key(postcode))
    given, family = _split(name)
    folded = fold(name)[:FOLD_LENGTH]
    if name:
        typed = _typed_as(folded)
        candidates = candidates.filter(
            _name_filter(given, family) | typed,
            pk__in=_name_candidates(given, family) | _ids(typed),
        )
    # Access asked of the matches' ids at once, by the compiled check: the
    # same rules as people_visible_to, whose filter PostgreSQL planned afresh
    # (2 ms) for every search.
    matched = set(candidates.values_list("pk", flat=True))
    openable = among.openable_among(user, matched).openable
    database = router.db_for_read(Person)
    mine = compiled.ids_subquery(database, openable)
    found = list(Person.objects.using(database).filter(pk__in=mine)[: limit * 4])
    if name:
        found.sort(
            key=lambda p: -name_similarity(given, family, p.given_name, p.family_name)
        )
    return found[:limit]


def _typed_as(folded: str) -> Q:
    """The family name, or the whole name, starting with the name as typed,
    folded ("o kafor" finds O'Kafor, "zoe ngu" Zoë Nguyễn): a prefix found
    through an index on either database, with the same answer on both."""
    if not folded:
        return Q(pk__in=[])
    database = router.db_for_read(Person)
    if connections[database].vendor == "postgresql":
        # LIKE 'prefix%' through the varchar_pattern_ops index.
        return Q(family_fold__startswith=folded) | Q(name_fold__startswith=folded)
    # SQLite's LIKE ignores a plain index; a range of the same rows uses it.
    # The fold has no capitals, so comparing its bytes is comparing letters.
    after = folded[:-1] + _successor(folded[-1])
    return Q(family_fold__gte=folded, family_fold__lt=after) | Q(
        name_fold__gte=folded, name_fold__lt=after
    )


def _ids(where: Q) -> set[int]:
    # Each half of an OR on its own, so the database reads each index.
    ids: set[int] = set()
    for part in where.children if where.connector == Q.OR else [where]:
        rows = Person.objects.filter(part if isinstance(part, Q) else Q(part))
        ids.update(rows.values_list("pk", flat=True))
    return ids


def _successor(letter: str) -> str:
    """The next code point that UTF-8 can hold (surrogates are skipped)."""
    after = min(ord(letter) + 1, sys.maxunicode)
    return chr(0xE000 if 0xD800 <= after <= 0xDFFF else after)


def _split(name: str) -> tuple[str, str]:
    parts = name.split()
    if not parts:
        return "", ""
    if len(parts) == 1:
        return "", parts[0]
    return " ".join(parts[:-1]), parts[-1]


def _name_candidates(given: str, family: str) -> set[int]:
    """Everyone the name could mean, from indexes only (a superset of
    `_name_filter`), so that access is then checked for a few people, not all."""
    given_key, family_key = name_keys(given, family)
    prefix = family.lower()
    ids = set(Person.objects.filter(family_key=family_key).values_list("pk", flat=True))
    starting = Person.objects.alias(lowered=Lower("family_name")).filter(
        lowered__gte=prefix
    )
    if ord(prefix[-1]) < sys.maxunicode:  # the last code point has no successor
        starting = starting.filter(lowered__lt=prefix[:-1] + chr(ord(prefix[-1]) + 1))
    ids.update(starting.values_list("pk", flat=True))
    as_given = name_keys(family, "")[0] if not given else family_key
    ids.update(
        PersonName.objects.filter(
            Q(family_key=family_key) | Q(given_key=given_key or as_given)
        ).values_list("person_id", flat=True)
    )
    # A one-word search may be a first name; two words may be given the wrong
    # way round.
    ids.update(Person.objects.filter(given_key=as_given).values_list("pk", flat=True))
    return ids


def _name_filter(given: str, family: str) -> Q:
    given_key, family_key = name_keys(given, family)
    by_family = Q(family_key=family_key) | Q(family_name__istartswith=family)
    by_other_name = Q(names__family_key=family_key)
    if not given:
        # One word: it may be either name, their own or one they are known by.
        as_given, _ = name_keys(family, "")
        return (
            by_family
            | by_other_name
            | Q(given_key=as_given)
            | Q(names__given_key=as_given)
        )
    swapped = Q(given_key=family_key, family_key=given_key)
    # A known-as name may give a first name only ("Jazz"), or both.
    known_as = Q(names__given_key=given_key) & (by_family | by_other_name)
    return (
        ((by_family | by_other_name) & Q(given_key=given_key))
        | known_as
        | swapped
        | (by_family & Q(given_name__istartswith=given[:1]))
    )
