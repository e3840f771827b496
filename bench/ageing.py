"""Older work finished, as a real authority's is: the large authority's slices
age as the years pass.

Each slice is built as the demo builds a day's authority: contacts waiting,
assessments with their managers, supervision actions open, every child
allocated. Left like that, five years of slices would leave the benchmark with
every child still allocated and nearly every duty overdue, which no authority
has. So before each slice is built, with the clock at its day:

- contacts still waiting from earlier slices are decided (the front door
  decides within a working day), and children on a child protection plan
  are visited up to the day;
- the people of the slice FIRST_AGE slices back have their work finished:
  assessments authorised, supervision actions done, drafts discarded, early
  help closed, and most children in need episodes closed; CLOSED_AT_FIRST of
  them close (never a looked-after child's, whose case stays open while in
  care; their child protection work finished first: an enquiry's
  outcome, its conference, the plan ended at a review conference, the
  records signed off by their chairs), the rest stay open as long-running
  cases (a plan's due review held);
- of those, the people of the slice LAST_AGE slices back close but
  KEPT_FOR_GOOD of them, the children who stay known for years.

Everything goes through Haven's services, as the rest of the history does.
"""

import random
from collections import Counter
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from haven.assessments import demo as assessments_demo
from haven.assessments.codes import Status
from haven.assessments.models import Assessment
from haven.care.models import PeriodOfCare
from haven.casework import drafts
from haven.casework import services as casework
from haven.casework.models import Draft, SupervisionAction
from haven.cin import selectors as cin_selectors
from haven.cin import services as cin
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.selectors import current_allocation
from haven.core.services import end_allocation
from haven.earlyhelp import closure
from haven.earlyhelp.codes import ClosureOutcome
from haven.earlyhelp.models import EarlyHelpRequest
from haven.frontdoor import demo as frontdoor_demo
from haven.frontdoor import services as frontdoor
from haven.frontdoor.codes import Decision
from haven.frontdoor.models import ContactChild
from haven.people.models import Person
from haven.protection import demo_ageing as protection_ageing

FIRST_AGE = 6  # slices (months): most work done within half a year
LAST_AGE = 18
CLOSED_AT_FIRST = 0.75
KEPT_FOR_GOOD = 0.3


def age(rng: random.Random, slices: list[list[int]], number: int) -> Counter[str]:
    """Finish the work that slice `number`'s day would find long finished; what
    the rules that kept some children's work open said, with how often."""
    decide_waiting_contacts()
    refused: Counter[str] = Counter()
    # Children on a plan are visited in every month, not only their first.
    if unvisited := protection_ageing.visit_open_plans():
        refused["no worker to visit the child on a plan"] += unvisited
    if number >= FIRST_AGE:
        refused += finish(rng, slices[number - FIRST_AGE], closing=CLOSED_AT_FIRST)
    if number >= LAST_AGE:
        refused += finish(rng, slices[number - LAST_AGE], closing=1 - KEPT_FOR_GOOD)
    return refused


def decide_waiting_contacts() -> None:
    manager = User.objects.get(username="team-manager")  # the front door's
    waiting = ContactChild.objects.filter(decision="").order_by("pk")
    acknowledged: set[int] = set()
    for named in waiting.select_related("contact", "person"):
        contact = named.contact
        if not contact.acknowledgement_recorded and contact.pk not in acknowledged:
            frontdoor_demo.acknowledge(contact, manager)
        acknowledged.add(contact.pk)
        frontdoor.decide_contact(
            named,
            decision=Decision.INFORMATION_AND_ADVICE,
            reasoning="Information and advice given to the referrer.",
            by=manager,
        )


def finish(rng: random.Random, ids: list[int], *, closing: float) -> Counter[str]:
    """Finish the people's work; what each refusal said (that person keeps the
    work the refusal left open)."""
    refused: Counter[str] = Counter()
    for person in _with_work(ids):
        try:
            _finish_child(rng, person, closing=closing)
        except DomainError as refusal:
            refused[str(refusal)] += 1
    return refused


def _with_work(ids: list[int]) -> QuerySet[Person]:
    """Those of the people with anything still open: most have nothing."""
    still_open = (
        Q(allocations__ended_on__isnull=True)
        | Q(early_help_requests__closed_on__isnull=True)
        | Q(supervisions__actions__done_on__isnull=True)
        | Q(pk__in=Draft.objects.values("person_id"))
    )
    return (
        Person.objects.filter(pk__in=ids).filter(still_open).distinct().order_by("pk")
    )


def _finish_child(rng: random.Random, child: Person, *, closing: float) -> None:
    _finish_supervision_actions(child)
    _discard_drafts(child)
    _close_early_help(child)
    staff = _staff(child)
    if staff is None:
        return  # nobody holds the case
    worker, manager = staff
    episode = cin_selectors.open_episode(child)
    if episode is not None:
        _finish_assessments(rng, episode.assessments.all(), worker, manager)
        # A looked-after child stays a child in need while in care.
        ending = rng.random() < closing and not _in_care(child)
        protection_ageing.finish(episode, worker, ending=ending)
        if ending:
            cin.close_episode(
                episode,
                closed_on=clock.today(),
                reason="RC7",
                summary="Services ceased: the plan's aims were met.",
                by=worker,
            )
    # Records of an episode closed before today still waiting for their chair.
    protection_ageing.sign_waiting(child)
    if cin_selectors.open_episode(child) is None and not _in_care(child):
        end_allocation(child, on=clock.today(), reason="Work ended", by=manager)


def _in_care(child: Person) -> bool:
    return PeriodOfCare.objects.filter(person=child, ended_on=None).exists()


def _staff(child: Person) -> tuple[User, User] | None:
    """Who works the child's case (its social worker, or the team's manager
    while no worker is allocated) and the team's manager."""
    held = current_allocation(child)
    manager = held.team.managers.first() if held else None
    if held is None or manager is None:
        return None
    return held.worker or manager, manager


def _finish_supervision_actions(child: Person) -> None:
    open_actions = SupervisionAction.objects.filter(
        supervision__person=child, done_on__isnull=True
    ).select_related("supervision__person", "owner")
    held = current_allocation(child)
    for action in open_actions:
        # A case that moved on (to early help, say) is no longer its owner's
        # to open: the manager of the team now holding it marks it done.
        moved = held is not None and held.team_id != action.owner.team_id
        manager = held.team.managers.first() if held and moved else None
        casework.complete_action(action, by=manager or action.owner)


def _discard_drafts(child: Person) -> None:
    for draft in Draft.objects.filter(person=child).select_related("author"):
        drafts.discard_draft(draft, by=draft.author)


def _close_early_help(child: Person) -> None:
    requests = EarlyHelpRequest.objects.filter(
        person=child, closed_on__isnull=True
    ).select_related("team", "allocated_worker")
    for request in requests:
        manager = request.team.managers.first() if request.team else None
        by = request.allocated_worker or manager
        if by is None:
            continue
        outcome = ClosureOutcome.NEEDS_MET
        if request.allocated_worker is None:
            outcome = ClosureOutcome.FAMILY_DECLINED
        closure.close_episode(request, closed_on=clock.today(), outcome=outcome, by=by)


def _finish_assessments(
    rng: random.Random, assessments: Iterable[Assessment], worker: User, manager: User
) -> None:
    for assessment in assessments:
        if assessment.status != Status.AUTHORISED:
            assessments_demo.finish(rng, assessment, worker, manager)
