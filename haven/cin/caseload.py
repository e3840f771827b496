"""What a worker's caseload shows of children in need (declared in plugin.py
through haven.casework.caseload_facts): on a child in need plan, or in an open
episode (being assessed). Two queries for any number of children."""

import datetime as dt

from haven.casework.caseload_facts import Facts, Legal
from haven.cin.models import CinEpisode, Plan

ON_A_PLAN = 20
IN_AN_EPISODE = 60


def in_need_facts(person_ids: set[int], today: dt.date) -> Facts:
    facts = Facts()
    plans = Plan.objects.filter(
        episode__person_id__in=person_ids, ended_on__isnull=True
    ).values_list("episode__person_id", "started_on")
    for person_id, started_on in plans:
        facts.legal[person_id] = [Legal("Child in need plan", ON_A_PLAN, started_on)]
    episodes = CinEpisode.objects.filter(
        person_id__in=person_ids, closed_on__isnull=True
    ).values_list("person_id", "referral_date")
    for person_id, referred_on in episodes:
        if person_id not in facts.legal:
            words = "Child in need (open episode)"
            context = Legal(words, IN_AN_EPISODE, referred_on, background=True)
            facts.legal[person_id] = [context]
    return facts
