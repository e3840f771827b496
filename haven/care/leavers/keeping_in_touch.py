"""Recording what the authority found around a care leaver's birthday, from
the 17th to the 21st: whether it was in touch, the young person's main
activity and their accommodation with whether it suits them (the SSDA903 OC3
fields). A social worker or personal adviser with lasting access to the young
person records it; every fault is named at once; the record and its journal
event are written in one transaction.

Journal event:
  care.birthday_contact_recorded  {"birthday_contact", "age", "in_touch",
                                   "activity", "accommodation", "contacted_on"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from haven.care import inputs, recording
from haven.care.leavers.rules import FORMER_RELEVANT, RELEVANT, birthday
from haven.care.leavers.status import leaver_status
from haven.care.models import BirthdayContact
from haven.core import clock, codelists, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of

RECORDED = "care.birthday_contact_recorded"
AGES = range(17, 22)
IN_TOUCH, ACTIVITY, ACCOMMODATION = (
    "ssda903_in_touch",
    "ssda903_activity",
    "ssda903_accommodation",
)
# The OC3 table covers care leavers: relevant and former relevant young people.
IN_OC3 = (RELEVANT, FORMER_RELEVANT)


@dataclass(frozen=True)
class Contact:
    """What the form gives: the birthday and the three OC3 answers."""

    age: int | None
    in_touch: str
    activity: str
    accommodation: str
    contacted_on: dt.date | None


def _birthday(person: Person, age: int | None, failures: Failures) -> dt.date | None:
    """The birthday's date, if the young person has had it as a care leaver."""
    if age is None or age not in AGES:
        failures.add("age_required", "Choose the birthday, from 17 to 21", "age")
        return None
    if person.date_of_birth is None:
        failures.add("no_date_of_birth", "Record their date of birth first", "age")
        return None
    day = birthday(person.date_of_birth, age)
    if day > clock.today():
        failures.add(
            "birthday_to_come",
            f"Their {age}th birthday is not until {inputs.words(day)}",
            "age",
        )
        return None
    status = leaver_status(person, day)
    if status is None or status.kind not in IN_OC3:
        failures.add(
            "not_a_care_leaver",
            f"They were not a relevant or former relevant child on their {age}th "
            f"birthday, {inputs.words(day)}",
            "age",
        )
    if BirthdayContact.objects.filter(
        person_id__in=records_of(person), age=age
    ).exists():
        failures.add(
            "already_recorded", f"Keeping in touch at {age} is already recorded", "age"
        )
    return day


def _codes(contact: Contact, day: dt.date | None, failures: Failures) -> None:
    """Each answer from its code list for the birthday's collection year, and
    the two places the return refuses for the young person's age."""
    year = codelists.year_of(day)
    for field, name, words in (
        ("in_touch", IN_TOUCH, "Choose whether you were in touch"),
        ("activity", ACTIVITY, "Choose their main activity"),
        ("accommodation", ACCOMMODATION, "Choose their accommodation"),
    ):
        if not codelists.is_valid(name, getattr(contact, field), year=year):
            failures.add(f"{field}_required", words, field)
    place = contact.accommodation[:1]
    if contact.age == 17 and place == "Z":
        failures.add(
            "former_foster_carers_at_17",
            "At 17 a young person is still a child: living with former foster "
            "carers is only from 18 (SSDA903 rule 3001)",
            "accommodation",
        )
    if contact.age == 17 and place == "T":
        failures.add(
            "foyer_under_18",
            "A young person under 18 is not recorded as living in a foyer "
            "(SSDA903 rule 347)",
            "accommodation",
        )


def record_birthday_contact(
    person: Person, contact: Contact, *, by: User
) -> BirthdayContact:
    """Keep the OC3 answers for one of the care leaver's birthdays."""
    recording.may_record(by, person)
    failures = Failures()
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        day = _birthday(person, contact.age, failures)
        _codes(contact, day, failures)
        inputs.past_date(
            contact.contacted_on,
            field="contacted_on",
            what="you were in touch, or last tried to be",
            failures=failures,
        )
        failures.raise_any()
        assert contact.age is not None and contact.contacted_on is not None
        made = BirthdayContact.objects.create(
            person=person,
            age=contact.age,
            in_touch=contact.in_touch,
            activity=contact.activity,
            accommodation=contact.accommodation,
            contacted_on=contact.contacted_on,
            recorded_by=by,
        )
        journal.append(
            person,
            RECORDED,
            {
                "birthday_contact": made.pk,
                "age": made.age,
                "in_touch": made.in_touch,
                "activity": made.activity,
                "accommodation": made.accommodation,
                "contacted_on": made.contacted_on,
            },
            by=by,
            occurred_at=recording.occurred(made.contacted_on),
        )
    return made
