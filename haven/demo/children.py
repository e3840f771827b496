"""Synthetic children for the demo authority, drawn from a seeded generator."""

import datetime as dt
import random

from haven.core import clock
from haven.demo.names import FAMILY_NAMES, GIVEN_NAMES_F, GIVEN_NAMES_M
from haven.people.codes import Ethnicity, Sex
from haven.people.models import Person

# Roughly the shape of England's children in need by ethnicity (not exact: synthetic).
ETHNICITY_WEIGHTS = {
    Ethnicity.WBRI: 60,
    Ethnicity.WOTH: 6,
    Ethnicity.MWBC: 3,
    Ethnicity.MWBA: 2,
    Ethnicity.MWAS: 2,
    Ethnicity.MOTH: 3,
    Ethnicity.AIND: 2,
    Ethnicity.APKN: 4,
    Ethnicity.ABAN: 2,
    Ethnicity.AOTH: 2,
    Ethnicity.BCRB: 2,
    Ethnicity.BAFR: 4,
    Ethnicity.BOTH: 1,
    Ethnicity.CHNE: 1,
    Ethnicity.OOTH: 3,
    Ethnicity.WROM: 1,
    Ethnicity.WIRT: 1,
    Ethnicity.NOBT: 1,
}


def create_children(rng: random.Random, count: int, batch: int = 2000) -> list[Person]:
    """Create `count` children aged 0 to 17 with DfE-coded characteristics."""
    today = clock.today()
    codes = list(ETHNICITY_WEIGHTS)
    weights = list(ETHNICITY_WEIGHTS.values())
    children = []
    for _ in range(count):
        sex = rng.choices([Sex.FEMALE, Sex.MALE, Sex.UNKNOWN], weights=[49, 49, 2])[0]
        names = GIVEN_NAMES_F if sex == Sex.FEMALE else GIVEN_NAMES_M
        children.append(
            Person(
                kind=Person.Kind.CHILD,
                given_name=rng.choice(names),
                family_name=rng.choice(FAMILY_NAMES),
                date_of_birth=today - dt.timedelta(days=rng.randint(30, 17 * 365)),
                sex=sex,
                ethnicity=rng.choices(codes, weights=weights)[0],
            )
        )
    return Person.objects.bulk_create(children, batch_size=batch)
