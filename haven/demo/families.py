"""Synthetic families for the demo authority, recorded through Haven's services,
so every demo child has a journal like a real record would."""

import datetime as dt
import random

from haven.care.demo_places import LA_CODE
from haven.core import clock
from haven.core.models import Team, User
from haven.core.services import allocate_case, grant_access, restrict_record
from haven.demo.names import FAMILY_NAMES, GIVEN_NAMES_F, GIVEN_NAMES_M
from haven.people import responsibility, services
from haven.people.census import is_school_age_on
from haven.people.codes import Ethnicity, ResponsibilityBasis, Sex, UpnUnknown
from haven.people.identifiers import generate_nhs_number, generate_upn
from haven.people.models import Person

# Invented streets in an invented town, at real postcodes in Kirklees (the
# demo authority's area, haven/care/demo_places.py): a child's home postcode
# is what the distance to their placement is measured from, so it must be in
# the ONS directory. No street here is real, so no address is anyone's.
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
    details = {
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
    # The returns need a reason for a child's missing UPN (SSDA903 rule 168):
    # too young for school, or never at a state school in England.
    if child and not details["upn"]:
        details["upn_unknown"] = _no_upn(born)
    return details


def _no_upn(born: dt.date) -> str:
    return UpnUnknown.UN2 if is_school_age_on(born, clock.today()) else UpnUnknown.UN1


KNOWN_FOR_DAYS = 7 * 365


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
        # The family's move, no longer used: drawn so a seed builds the same
        # authority as before.
        rng.randint(30, 4 * 365)
        street, postcode = _street(rng), HOME_POSTCODES[rng.randint(1, 9) - 1]
        for _ in range(min(rng.randint(1, 4), children - len(made))):
            born = today - dt.timedelta(days=rng.randint(30, 17 * 365))
            # Registered, allocated and at home since the family became known
            # (up to seven years ago), before any care the demo tells of: the
            # SSDA903 needs a social worker for the whole year of a child in
            # care on 31 March, and a home postcode from before care started.
            known_since = max(born, today - dt.timedelta(days=KNOWN_FOR_DAYS))
            details = _details(rng, family_name, born, child=True)
            with clock.held_at(clock.start_of(known_since) + dt.timedelta(hours=9)):
                child = services.register_person(details, by=manager)
                allocate_case(
                    child,
                    team=team,
                    worker=rng.choice(workers),
                    reason="Allocated after referral",
                    change_reason="FCONTA",
                    by=manager,
                )
                services.record_move(
                    child,
                    line_1=street,
                    town="Havenford",
                    postcode=postcode,
                    on=known_since,
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
