"""Factories for records, one per state, used across the suite."""

import datetime as dt

import factory

from haven.core.models import Allocation
from haven.people.codes import Ethnicity, Sex
from haven.people.keys import name_keys
from haven.people.models import Person


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    kind = Person.Kind.CHILD
    given_name = factory.Sequence(lambda n: f"Child{n}")
    family_name = "Testington"
    date_of_birth = dt.date(2016, 5, 4)
    sex = Sex.FEMALE
    ethnicity = Ethnicity.WBRI
    given_key = factory.LazyAttribute(lambda o: name_keys(o.given_name, "")[0])
    family_key = factory.LazyAttribute(lambda o: name_keys("", o.family_name)[1])


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    person = factory.SubFactory(ChildFactory)
    started_on = dt.date(2026, 1, 5)


def current_allocation(person: Person) -> Allocation | None:
    """Who holds the child's case now, read straight from the table."""
    return Allocation.objects.filter(person=person, ended_on__isnull=True).first()
