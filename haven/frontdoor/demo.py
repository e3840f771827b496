"""Demo contacts: about a third of the children came through the front door.

Most contacts were decided on the day; a few are waiting for a decision today.
Each past contact is recorded with the clock set to when it happened, so the
chronology and the decision deadline read as they would have at the time.
"""

import datetime as dt
import random

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import Restriction, User
from haven.frontdoor import referrer, services
from haven.frontdoor.codes import ConsentStatus, Decision, ReferralSource
from haven.frontdoor.models import Contact, ContactChild
from haven.frontdoor.thresholds import threshold_levels
from haven.people.models import Person, Relationship
from haven.timescales import calendar

SHARE = 3  # one child in SHARE has a contact
AWAITING = 4  # at most this many contacts still wait for a decision today

CONCERNS: dict[str, tuple[str, str, str]] = {
    # source: (referrer role, organisation, concerns)
    ReferralSource.SCHOOLS: (
        "Designated safeguarding lead",
        "Havenford Primary School",
        "Child arrived hungry and in the same clothes all week; attendance has "
        "fallen to 78% this term.",
    ),
    ReferralSource.POLICE: (
        "Police constable",
        "Havenford Police",
        "Police attended a domestic incident at the home last night; the children "
        "were present.",
    ),
    ReferralSource.HEALTH_VISITOR: (
        "Health visitor",
        "Havenford Community Health",
        "Baby missed two development checks; mother appears low in mood and isolated.",
    ),
    ReferralSource.A_AND_E: (
        "Paediatric nurse",
        "Havenford General Hospital",
        "Child seen in A&E with a burn to the hand; the explanation given was "
        "inconsistent.",
    ),
    ReferralSource.FAMILY: (
        "Grandmother",
        "",
        "Worried that her daughter is drinking heavily and the children are left "
        "alone in the evenings.",
    ),
    ReferralSource.HOUSING: (
        "Housing officer",
        "Havenford Homes",
        "Family facing eviction; the flat is overcrowded and has damp affecting "
        "the children's health.",
    ),
    ReferralSource.ANONYMOUS: (
        "",
        "",
        "A neighbour reports shouting most nights and a young child crying for "
        "long periods.",
    ),
}
DECISIONS: tuple[tuple[str, int, str], ...] = (
    (Decision.NO_FURTHER_ACTION, 25, "Concerns explained; family has support."),
    (Decision.INFORMATION_AND_ADVICE, 25, "Advice given to the referrer and family."),
    (Decision.EARLY_HELP, 20, "Needs met by family support; parents agree."),
    (Decision.REFERRAL, 25, "Needs an assessment of the child's needs (section 17)."),
    (
        Decision.STRATEGY_DISCUSSION,
        5,
        "Reasonable cause to suspect significant harm: strategy discussion today.",
    ),
)


def _families(rng: random.Random, children: list[Person]) -> list[list[Person]]:
    """The chosen children, siblings (same mother) usually named together."""
    restricted = set(
        Restriction.objects.filter(person__in=children).values_list(
            "person_id", flat=True
        )
    )
    chosen = [c for c in children if c.pk not in restricted and not c.is_unborn]
    chosen = rng.sample(chosen, len(chosen) // SHARE)
    mothers = dict(
        Relationship.objects.filter(person__in=chosen, kind="mother").values_list(
            "person_id", "other_id"
        )
    )
    groups: dict[object, list[Person]] = {}
    for child in chosen:
        together = mothers.get(child.pk) if rng.random() < 0.6 else None
        groups.setdefault(together or ("alone", child.pk), []).append(child)
    return list(groups.values())


def _received_at(rng: random.Random, children: list[Person]) -> dt.datetime:
    youngest = max(c.date_of_birth or clock.today() for c in children)
    days_back = rng.randint(3, max(4, min(700, (clock.today() - youngest).days)))
    day = calendar.add_working_days(clock.today() - dt.timedelta(days=days_back), 0)
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return clock.start_of(day) + dt.timedelta(hours=rng.randint(8, 15))


def _details(rng: random.Random, received_at: dt.datetime) -> dict[str, object]:
    source = rng.choice(list(CONCERNS))
    role, organisation, concerns = CONCERNS[source]
    consent = rng.choices(
        [
            ConsentStatus.GIVEN,
            ConsentStatus.NOT_SOUGHT_RISK,
            ConsentStatus.WITHOUT_CONSENT,
        ],
        weights=[70, 20, 10],
    )[0]
    reason = {
        ConsentStatus.GIVEN: "",
        ConsentStatus.NOT_SOUGHT_RISK: "Asking could put the child at greater risk",
        ConsentStatus.WITHOUT_CONSENT: "Referrer could not reach the parents today "
        "and the concerns could not wait",
    }[consent]
    return {
        "received_at": received_at,
        "source": source,
        "referrer_name": "" if source == ReferralSource.ANONYMOUS else "A. Referrer",
        "referrer_role": role,
        "referrer_organisation": organisation,
        "referrer_phone": "" if source == ReferralSource.ANONYMOUS else "01632 960123",
        "concerns": concerns,
        "consent": consent,
        "consent_reason": reason,
    }


# A decision's usual place on the continuum of need (an index into the
# council's levels, lowest first) and its urgency.
GRADES = {
    Decision.NO_FURTHER_ACTION: (0, "green"),
    Decision.INFORMATION_AND_ADVICE: (0, "green"),
    Decision.EARLY_HELP: (1, "green"),
    Decision.REFERRAL: (-1, "amber"),
    Decision.STRATEGY_DISCUSSION: (-1, "red"),
}


def _grade(code: str) -> dict[str, str]:
    levels = threshold_levels()
    index, urgency = GRADES.get(Decision(code), (-1, "amber"))
    return {"threshold": levels[index] if levels else "", "urgency": urgency}


def acknowledge(contact: Contact, manager: User) -> None:
    if contact.source == ReferralSource.ANONYMOUS:
        referrer.acknowledge(
            contact, on=None, how="", not_possible="Anonymous contact", by=manager
        )
    else:
        referrer.acknowledge(contact, on=clock.today(), how="phone", by=manager)


def _decide(rng: random.Random, named: ContactChild, manager: User) -> None:
    """A decision; if the next step is refused (an episode already open, say),
    the manager gives information and advice instead."""
    code, _weight, reason = rng.choices(DECISIONS, weights=[d[1] for d in DECISIONS])[0]
    try:
        services.decide_contact(
            named, decision=code, reasoning=reason, by=manager, **_grade(code)
        )
    except DomainError:
        services.decide_contact(
            named,
            decision=Decision.INFORMATION_AND_ADVICE,
            reasoning="Already known to a team: referrer given the allocated worker.",
            by=manager,
            **_grade(Decision.INFORMATION_AND_ADVICE),
        )


def populate(rng: random.Random, children: list[Person]) -> None:
    workers = list(User.objects.filter(username__startswith="front-door-worker"))
    manager = User.objects.get(username="team-manager")  # the front door's manager
    families = _families(rng, children)
    awaiting = max(1, min(AWAITING, len(families) // 10))
    waiting, past = families[:awaiting], families[awaiting:]
    for family in sorted(past, key=lambda f: f[0].pk):
        received = _received_at(rng, family)
        with clock.held_at(received + dt.timedelta(minutes=20)):
            contact = services.record_contact(
                _details(rng, received), family, by=rng.choice(workers)
            )
        late = rng.random() < 0.1
        decided = received + dt.timedelta(
            hours=rng.randint(1, 4), days=2 if late else 0
        )
        with clock.held_at(decided):
            acknowledge(contact, manager)
            for named in contact.children.select_related("person"):
                _decide(rng, named, manager)
    now = clock.now()
    for family in waiting:
        received = now - dt.timedelta(minutes=rng.randint(20, 300))
        services.record_contact(_details(rng, received), family, by=rng.choice(workers))
