"""A front-door decision's next step: early help asks the early help service; a
referral, a strategy discussion or immediate protection opens the child's
children in need episode. A child already in open work has the decision passed
to it: a child may have only one open episode, and one open early help request.
A strategy discussion (or immediate protection, which one follows) also records
on the episode the concern that calls for it, so the discussion is due (child
protection's CP-STRAT); the manager goes on to record it (the page is child
protection's, declared in its plugin.py).

Registered with the front door (haven.frontdoor.routing) in plugin.py, and run
inside decide_contact's transaction, so the decision and what it started commit
or fail together.
"""

import datetime as dt
from typing import Any

from haven.assessments.starting import begin_first_assessment
from haven.cin import selectors as cin
from haven.cin.services import refer_or_join
from haven.core import clock
from haven.core.models import User
from haven.earlyhelp import selectors as earlyhelp
from haven.earlyhelp.services import request_early_help
from haven.frontdoor.codes import STRATEGY_DECISIONS, Decision
from haven.frontdoor.models import ContactChild
from haven.frontdoor.routing import ChildsWork
from haven.frontdoor.services import received_on
from haven.pathways.models import DecisionOutcome
from haven.people.models import Person
from haven.protection.strategy import suspect_significant_harm


def ask_early_help(named: ContactChild, by: User) -> dict[str, Any]:
    """Early help for the child: a new request from the contact, or the open one."""
    request = earlyhelp.open_request(named.person)
    joined = request is not None
    if request is None:
        request = request_early_help(
            named.person,
            requested_on=clock.today(),
            reason=named.reasoning,
            source="contact",
            contact_id=named.contact_id,
            by=by,
        )
    DecisionOutcome.objects.create(decision=named, early_help_request=request)
    return {"early_help_request": request.pk, "passed_to_open_request": joined}


def refer(named: ContactChild, by: User) -> dict[str, Any]:
    """A referral to social care: a new episode from the contact, or the open one."""
    contact = named.contact
    episode, joined = refer_or_join(
        named.person,
        received_on=received_on(contact),
        source=contact.source,
        contact_id=contact.pk,
        by=by,
    )
    # "Referral for assessment" asks for one: it starts on the day of the
    # decision, in the decision's transaction. A strategy discussion decides
    # the next step itself.
    if not joined and named.decision == Decision.REFERRAL:
        begin_first_assessment(episode, started_on=clock.today(), by=by)
    if named.decision in STRATEGY_DECISIONS:
        suspect_significant_harm(
            episode,
            on=clock.today(),
            concern=named.reasoning or named.get_decision_display(),
            by=by,
        )
    DecisionOutcome.objects.create(decision=named, episode=episode)
    return {"episode": episode.pk, "passed_to_open_episode": joined}


def childs_work(person: Person, on: dt.date) -> ChildsWork:
    """For the decision page: a referral within 12 months before `on` (a
    referral now would be a re-referral) and whether an episode is open."""
    previous = cin.previous_referral_within(person, on)
    return ChildsWork(
        previous_referral=previous.referral_date if previous else None,
        open_episode=cin.open_episode(person) is not None,
    )
