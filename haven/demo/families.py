"""Synthetic families for the demo authority, recorded through Haven's services,
so every demo child has a journal like a real record would."""

import datetime as dt
import random

from haven.core import clock
from haven.core.models import Team, User
from haven.core.services import allocate_case, grant_access, restrict_record
from haven.demo.names import FAMILY_NAMES, GIVEN_NAMES_F, GIVEN_NAMES_M
from haven.people import responsibility, services
from haven.people.codes import Ethnicity, ResponsibilityBasis, Sex
from haven.people.identifiers import generate_nhs_number, generate_upn
from haven.people.models import Person

# Invented streets in an invented town, at real postcodes in Kirklees (the
# demo authority's area, haven/care/demo_places.py): a child's home postcode
# is what the distance to their placement is measured from, so it must be in
# the ONS directory. No street here is real, so no address is anyone's.
# Kirklees' DfE local authority number: a UPN's characters 2-4 name the
# authority of the school that gave it (CIN census rule 1530).
LA_CODE = "382"
HOME_POSTCODES = (
    "HD1 5ZA",
    "HD2 2WB",
    "HD3 4SL",
    "HD4 5BP",
    "HD5 9YT",
    "HD9 1YT",
    "WF13 4WU",
    "WF14 8QD",
    "WF16 0DU",
)
STREETS = (
    "Albion Street",
    "Beckside Lane",
    "Chapel Row",
    "Dale View",
    "Elm Grove",
    "Foundry Walk",
    "Garden Terrace",
    "Hollin Road",
    "Ivy Court",
    "Jubilee Way",
    "Kiln Close",
    "Lark Rise",
)
CASE_TEAMS = (
    "Assessment Team",
    "Children in Need and Protection Team",
    "Children in Care Team",
)


def _street(rng: random.Random) -> str:
    return f"{rng.randint(1, 180)} {rng.choice(STREETS)}"


def _given_names(sex: str) -> list[str]:
    if sex == Sex.FEMALE:
        return GIVEN_NAMES_F
    if sex == Sex.MALE:
        return GIVEN_NAMES_M
    return GIVEN_NAMES_F + GIVEN_NAMES_M


def _details(
    rng: random.Random,
    family_name: str,
    born: dt.date,
    child: bool,
    sex: str | None = None,
) -> dict:
    """A person's details. `sex` fixes it (a mother is female); otherwise it is
    drawn. The draw happens either way, so a seed builds the same authority."""
    drawn = rng.choices([Sex.FEMALE, Sex.MALE, Sex.UNKNOWN], weights=[49, 49, 2])[0]
    sex = sex or drawn
    names = _given_names(sex)
    return {
        "given_name": rng.choice(names),
        "family_name": family_name,
        "date_of_birth": born,
        "sex": sex,
        "ethnicity": rng.choice(list(Ethnicity)),
        # The census's disability answer, which authorising an assessment needs
        # (no draw, so a seed builds the same authority as before).
        "disabilities": ["NONE"] if child else [],
        "nhs_number": generate_nhs_number(rng),
        "upn": generate_upn(rng, LA_CODE)
        if child and born.year < clock.today().year - 4
        else "",
    }


def create_families(rng: random.Random, children: int) -> list[Person]:
    """About `children` children in families of one to four, each with a mother,
    an address history, and an allocation to a worker in a case team."""
    today = clock.today()
    teams = [Team.objects.get(name=name) for name in CASE_TEAMS]
    made: list[Person] = []
    while len(made) < children:
        team = rng.choice(teams)
        manager = team.managers.get()
        workers = list(User.objects.filter(team=team, groups__name="Social worker"))
        family_name = rng.choice(FAMILY_NAMES)
        mother_born = today - dt.timedelta(days=rng.randint(22 * 365, 45 * 365))
        mother = services.register_person(
            _details(rng, family_name, mother_born, child=False, sex=Sex.FEMALE),
            by=manager,
        )
        moved_in = today - dt.timedelta(days=rng.randint(30, 4 * 365))
        street, postcode = _street(rng), HOME_POSTCODES[rng.randint(1, 9) - 1]
        for _ in range(min(rng.randint(1, 4), children - len(made))):
            born = today - dt.timedelta(days=rng.randint(30, 17 * 365))
            child = services.register_person(
                _details(rng, family_name, born, child=True), by=manager
            )
            allocate_case(
                child,
                team=team,
                worker=rng.choice(workers),
                reason="Allocated after referral",
                by=manager,
            )
            services.record_move(
                child,
                line_1=street,
                town="Havenford",
                postcode=postcode,
                on=max(moved_in, born),
                by=manager,
            )
            link = services.record_relationship(
                child, other=mother, kind="mother", by=manager
            )
            # A mother has parental responsibility from the birth (CA 1989 s.2).
            responsibility.record_responsibility(
                child,
                holder=responsibility.Holder(mother, link, "mother"),
                basis=ResponsibilityBasis.MOTHER,
                started_on=born,
                by=manager,
            )
            made.append(child)
    return made


def restrict_some(rng: random.Random, children: list[Person], count: int = 2) -> None:
    """A few restricted records, with grants to their allocated workers."""
    for child in rng.sample(children, min(count, len(children))):
        allocation = child.allocations.get(ended_on__isnull=True)
        manager = allocation.team.managers.get()
        restrict_record(
            child,
            kind="restricted",
            reason="A relative of a member of staff",
            by=manager,
        )
        if allocation.worker:
            grant_access(
                child, to=allocation.worker, reason="Allocated worker", by=manager
            )
