"""The child a legacy file's rows are about: matched across files and years by
the authority's child ID (LAchildID / CHILD, Haven's local person ID; "H" and a
number is Haven's own ID, as Haven exports it: haven/people/census.py), with
the date of birth and sex checked to agree. A disagreement is reported, never
guessed: the child is left out until someone puts it right.

The returns carry no names, so a new person is registered as "Unknown" with
the family name "child <ID>" (the UI shows "Unknown child C1001", and a search
for the ID finds them); a worker records the real name later."""

import datetime as dt
from dataclasses import replace

from haven.core import codelists
from haven.people.census import HAVEN_ID
from haven.people.keys import name_folds, name_keys
from haven.people.models import FormerUpn, Person
from haven.returns.legacy.rows import Child, Identity
from haven.returns.legacy.writing import Refused, Writer

GIVEN_NAME = "Unknown"
YEAR_OF_CODES = 2025  # person codes are checked against the 2024-25 lists


def agreed(child: Child) -> Identity:
    """One identity from every file's, the latest file's values first. Refused
    (naming the files) when two files give different dates of birth or sexes."""
    ordered = sorted(child.identities, key=lambda i: (i.origin.year, i.origin.file))
    if not ordered:
        raise Refused(
            None, "no Header row or CIN census child gives the child's details"
        )
    for one in ordered:
        for other in ordered:
            _compare(one, other)
    merged = ordered[0]
    for later in ordered[1:]:
        merged = replace(
            merged,
            born=later.born or merged.born,
            expected=later.expected or merged.expected,
            died=later.died or merged.died,
            sex=later.sex if later.sex not in ("", "U") else merged.sex,
            ethnicity=later.ethnicity or merged.ethnicity,
            upn=later.upn or merged.upn,
            upn_unknown=""
            if (later.upn or merged.upn)
            else later.upn_unknown or merged.upn_unknown,
            former_upns=tuple(dict.fromkeys(merged.former_upns + later.former_upns)),
            disabilities=later.disabilities or merged.disabilities,
        )
    return merged


def _compare(one: Identity, other: Identity) -> None:
    if one.born and other.born and one.born != other.born:
        raise Refused(
            other.origin,
            f"the date of birth {other.born:%d/%m/%Y} disagrees with "
            f"{one.born:%d/%m/%Y} in {one.origin}: the child is not loaded",
        )
    if one.sex not in ("", "U") and other.sex not in ("", "U") and one.sex != other.sex:
        raise Refused(
            other.origin,
            f"the sex {other.sex} disagrees with {one.sex} in {one.origin}: "
            "the child is not loaded",
        )


def check(identity: Identity) -> None:
    origin = identity.origin
    faults = []
    if not codelists.is_valid("sex", identity.sex, year=YEAR_OF_CODES):
        faults.append(f"SEX '{identity.sex}' is not M, F or U")
    if identity.ethnicity and not codelists.is_valid(
        "ethnicity", identity.ethnicity, year=YEAR_OF_CODES
    ):
        faults.append(f"ETHNIC '{identity.ethnicity}' is not a DfE ethnicity code")
    for code in identity.disabilities:
        if not codelists.is_valid("disabilities", code, year=YEAR_OF_CODES):
            faults.append(f"Disability '{code}' is not a DfE disability code")
    if identity.born is None and identity.expected is None:
        faults.append("neither the date of birth nor the expected date is given")
    if faults:
        raise Refused(origin, "; ".join(faults) + ": the child is not loaded")


def existing(child: str) -> Person | None:
    if HAVEN_ID.fullmatch(child):
        return Person.objects.filter(pk=int(child[1:])).first()
    return Person.objects.filter(local_id=child).first()


def held_agrees(person: Person, identity: Identity) -> None:
    """A child Haven holds already must be the same child."""
    born = person.date_of_birth
    if born and identity.born and born != identity.born:
        raise Refused(
            identity.origin,
            f"Haven holds child {identity.child} born {born:%d/%m/%Y}, the file "
            f"says {identity.born:%d/%m/%Y}: the child is not loaded",
        )
    if (
        person.sex != "U"
        and identity.sex not in ("U", "")
        and person.sex != identity.sex
    ):
        raise Refused(
            identity.origin,
            f"Haven holds child {identity.child} as sex {person.sex}, the file "
            f"says {identity.sex}: the child is not loaded",
        )


def fields(identity: Identity) -> dict[str, object]:
    return {
        "date_of_birth": identity.born,
        "expected_date_of_birth": None if identity.born else identity.expected,
        "date_of_death": identity.died,
        "sex": identity.sex or "U",
        "ethnicity": identity.ethnicity or "NOBT",
        "disabilities": list(identity.disabilities),
        "upn": identity.upn or None,
        "upn_unknown": "" if identity.upn else identity.upn_unknown,
    }


def new_person(identity: Identity) -> Person:
    """An unsaved person for the child, named as the module says."""
    upn = identity.upn
    if upn and Person.objects.filter(upn=upn).exists():
        raise Refused(
            identity.origin,
            f"the UPN {upn} is Haven's for another person: the child is not loaded",
        )
    person = Person(
        given_name=GIVEN_NAME,
        family_name=f"child {identity.child}",
        local_id=identity.child,
        **fields(identity),
    )
    names = (person.given_name, person.family_name)
    person.given_key, person.family_key = name_keys(*names)
    person.family_fold, person.name_fold = name_folds(*names)
    person.save()
    return person


def complete(writer: Writer, identity: Identity, created: bool) -> None:
    """Journal the new person, or fill what Haven did not know of one held."""
    person = writer.person
    on = identity.born or identity.expected or dt.date.today()
    if created:
        writer.journal(
            "person", "created", person, identity.origin, on, fields(identity)
        )
        writer.tally.add(writer.tally.created, "person")
    else:
        blanks = {
            k: v
            for k, v in fields(identity).items()
            if v not in (None, "", [], "NOBT", "U")
            and getattr(person, k) in (None, "", [], "NOBT", "U")
        }
        if blanks:
            for name, value in blanks.items():
                setattr(person, name, value)
            person.save(update_fields=list(blanks))
            writer.journal("person", "completed", person, identity.origin, on, blanks)
            writer.tally.add(writer.tally.completed, "person")
    for upn in identity.former_upns:
        if upn and not FormerUpn.objects.filter(person=person, upn=upn).exists():
            FormerUpn.objects.create(person=person, upn=upn)
