"""Factories for records, one per state, used across the suite."""

import datetime as dt
from typing import Any

import factory

from haven.core import clock
from haven.core.models import Allocation, User
from haven.people.codes import Ethnicity, Sex
from haven.people.keys import name_folds, name_keys
from haven.people.models import Person


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    given_name = factory.Sequence(lambda n: f"Child{n}")
    family_name = "Testington"
    date_of_birth = dt.date(2016, 5, 4)
    sex = Sex.FEMALE
    ethnicity = Ethnicity.WBRI
    # The census's disability answer, needed to authorise an assessment.
    disabilities = factory.LazyFunction(lambda: ["NONE"])
    given_key = factory.LazyAttribute(lambda o: name_keys(o.given_name, "")[0])
    family_key = factory.LazyAttribute(lambda o: name_keys("", o.family_name)[1])
    family_fold = factory.LazyAttribute(lambda o: name_folds("", o.family_name)[0])
    name_fold = factory.LazyAttribute(
        lambda o: name_folds(o.given_name, o.family_name)[1]
    )


class AdultFactory(ChildFactory):
    """An adult: a parent, a carer, a relative. Adult by date of birth."""

    date_of_birth = dt.date(1988, 2, 11)


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    person = factory.SubFactory(ChildFactory)
    started_on = dt.date(2026, 1, 5)


def current_allocation(person: Person) -> Allocation | None:
    """Who holds the child's case now, read straight from the table."""
    return Allocation.objects.filter(person=person, ended_on__isnull=True).first()


def objects_about(person: Person, *, worker: User, manager: User) -> dict[str, Any]:
    """One of every object an OBJECT route names, about this child, keyed by
    model label: a contact, an early help request with its plan and action, a
    CIN episode with its assessment and plan, a draft, a supervision action, a
    merge request, and a period of care with its placement and a missing
    episode. Made directly: what matters is whose child they are about."""
    from haven.assessments.models import Assessment
    from haven.care.models import LegalStatus, MissingEpisode, PeriodOfCare, Placement
    from haven.casework.models import (
        Draft,
        PlannedVisit,
        Supervision,
        SupervisionAction,
    )
    from haven.cin.models import CinEpisode, Plan
    from haven.earlyhelp.models import EarlyHelpRequest, FamilyPlan, PlanAction
    from haven.frontdoor.models import Contact, ContactChild
    from haven.people.models import MergeRequest

    now, today = clock.now(), clock.today()
    contact = Contact.objects.create(
        received_at=now,
        source="1A",
        concerns="Concerns",
        consent="given",
        recorded_by=worker,
        recorded_at=now,
    )
    # Decided long ago: an open contact would give the front door a relationship.
    ContactChild.objects.create(
        contact=contact,
        person=person,
        decision="nfa",
        reasoning="No concerns",
        decided_by=manager,
        decided_at=now - dt.timedelta(days=30),
    )
    eh = EarlyHelpRequest.objects.create(
        person=person,
        requested_on=today,
        reason="Routines",
        source="direct",
        team=manager.team,
        allocated_on=today,
        allocated_worker=worker,
        created_at=now,
        created_by=worker,
    )
    eh.children.add(person)
    family_plan = FamilyPlan.objects.create(
        request=eh, started_on=today, created_by=worker
    )
    eh_action = PlanAction.objects.create(
        plan=family_plan, action="Visit", who="Worker", by_when=today, owner=worker
    )
    episode = CinEpisode.objects.create(person=person, referral_date=today, source="1A")
    assessment = Assessment.objects.create(
        episode=episode, person=person, started_on=today
    )
    cin_plan = Plan.objects.create(episode=episode, started_on=today, created_by=worker)
    supervision = Supervision.objects.create(
        person=person,
        manager=manager,
        held_on=today,
        discussion="Discussed",
        recorded_at=now,
    )
    action = SupervisionAction.objects.create(
        supervision=supervision, owner=worker, description="Visit", due_on=today
    )
    twin = ChildFactory(given_name=person.given_name)
    AllocationFactory(person=twin, team=manager.team, worker=worker)
    merge = MergeRequest.objects.create(
        duplicate=twin,
        into=person,
        reason="Same child",
        requested_by=worker,
        requested_at=now,
        holding_team=manager.team,
    )
    period = PeriodOfCare.objects.create(person=person, started_on=today, need="N1")
    status = LegalStatus.objects.create(period=period, code="C1", started_on=today)
    placement = Placement.objects.create(
        period=period,
        place="P1",
        address_line_1="1 Home Street",
        postcode="LS6 1AA",
        started_on=today,
    )
    missing = MissingEpisode.objects.create(period=period, kind="M", started_at=now)
    return {
        "care.PeriodOfCare": period,
        "care.Placement": placement,
        "care.LegalStatus": status,
        "care.MissingEpisode": missing,
        **_reviews_about(period, worker=worker),
        **_court_about(person, worker=worker),
        **_schools_about(person, worker=worker),
        "frontdoor.Contact": contact,
        "earlyhelp.EarlyHelpRequest": eh,
        "earlyhelp.FamilyPlan": family_plan,
        "earlyhelp.PlanAction": eh_action,
        "cin.CinEpisode": episode,
        "assessments.Assessment": assessment,
        "cin.Plan": cin_plan,
        "casework.Draft": Draft.objects.create(
            author=worker, person=person, created_at=now, updated_at=now
        ),
        "casework.SupervisionAction": action,
        "casework.PlannedVisit": PlannedVisit.objects.create(
            person=person,
            planned_for=today,
            visitor=worker,
            planned_by=worker,
            recorded_at=now,
        ),
        "people.MergeRequest": merge,
        **_protection_about(episode, worker=worker, manager=manager),
        **_send_about(person, worker=worker),
    }


def _send_about(person: Person, *, worker: User) -> dict[str, Any]:
    """A request for an EHC needs assessment, and the social care advice asked
    of the child's social worker."""
    from haven.core.models import Establishment
    from haven.send.models import (
        Advice,
        AnnualReview,
        Consultation,
        EhcPlan,
        EhcRequest,
        SendPlacement,
    )

    today = clock.today()
    request = EhcRequest.objects.create(
        person=person,
        received_on=today,
        source="parent",
        created_by=worker,
        created_at=clock.now(),
    )
    advice = Advice.objects.create(
        request=request, kind="social_care", requested_on=today, requested_from=worker
    )
    plan = EhcPlan.objects.create(
        request=request, person=person, draft_served_on=today, issued_on=today
    )
    review = AnnualReview.objects.create(
        plan=plan,
        person=person,
        held_on=today,
        attended="Synthetic",
        views="Synthetic",
        created_by=worker,
        created_at=clock.now(),
    )
    school, _ = Establishment.objects.get_or_create(
        urn=199999, defaults={"name": "Synthetic School"}
    )
    consulted = Consultation.objects.create(
        request=request,
        establishment=school,
        asked_on=today,
        created_by=worker,
        created_at=clock.now(),
    )
    placement = SendPlacement.objects.create(
        plan=plan,
        person=person,
        rank=1,
        establishment=school,
        entered_on=today,
        created_by=worker,
        created_at=clock.now(),
    )
    return {
        "send.EhcRequest": request,
        "send.Advice": advice,
        "send.EhcPlan": plan,
        "send.AnnualReview": review,
        "send.Consultation": consulted,
        "send.SendPlacement": placement,
        **_send_changes_about(plan, worker=worker),
    }


def _send_changes_about(plan: Any, *, worker: User) -> dict[str, Any]:
    """An amendment, a phase transfer and a tribunal appeal on the plan."""
    from haven.send.models import Appeal, PhaseTransfer, PlanAmendment

    today, now = clock.today(), clock.now()
    made = {"created_by": worker, "created_at": now}
    return {
        "send.PlanAmendment": PlanAmendment.objects.create(
            plan=plan, person=plan.person, proposed="Synthetic", sent_on=today, **made
        ),
        "send.PhaseTransfer": PhaseTransfer.objects.create(
            plan=plan,
            person=plan.person,
            phase="primary",
            transfer_year=today.year + 1,
            opened_on=today,
            **made,
        ),
        "send.Appeal": Appeal.objects.create(
            request=plan.request, disputed="content", registered_on=today, **made
        ),
    }


def _court_about(person: Any, *, worker: User) -> dict[str, Any]:
    """Care proceedings, and an order made in them."""
    from haven.care.models import CourtOrder, Proceedings

    today = clock.today()
    case = Proceedings.objects.create(
        person=person, kind="care", issued_on=today, court="Leeds", recorded_by=worker
    )
    return {
        "care.Proceedings": case,
        "care.CourtOrder": CourtOrder.objects.create(
            person=person,
            proceedings=case,
            kind="ico",
            made_on=today,
            recorded_by=worker,
        ),
    }


def _schools_about(person: Person, *, worker: User) -> dict[str, Any]:
    """An enrolment at a school, a term's attendance and an exclusion there,
    and a UASC status."""
    from haven.care.models import Attendance, Enrolment, Exclusion, UascStatus
    from haven.core.models import Establishment

    today = clock.today()
    school, _ = Establishment.objects.get_or_create(urn=990999, name="A School")
    enrolment = Enrolment.objects.create(
        person=person, establishment=school, started_on=today, recorded_by=worker
    )
    return {
        "care.Enrolment": enrolment,
        "care.Attendance": Attendance.objects.create(
            enrolment=enrolment,
            year=today.year,
            term="autumn",
            possible=100,
            attended=90,
            recorded_by=worker,
        ),
        "care.Exclusion": Exclusion.objects.create(
            enrolment=enrolment,
            kind="suspension",
            started_on=today,
            sessions=2,
            reason=Exclusion.Reason.values[0],
            recorded_by=worker,
        ),
        "care.UascStatus": UascStatus.objects.create(
            person=person, started_on=today, recorded_by=worker
        ),
    }


def _reviews_about(period: Any, *, worker: User) -> dict[str, Any]:
    """A review with a recommendation, and an escalation, in the period."""
    from haven.care.models import Escalation, Recommendation, Review

    today = clock.today()
    review = Review.objects.create(
        period=period,
        number=1,
        held_on=today,
        chair=worker,
        participation="PN1",
        attended="All",
        recorded_by=worker,
    )
    return {
        "care.Review": review,
        "care.Recommendation": Recommendation.objects.create(
            review=review, description="Visit", owner=worker, due_on=today
        ),
        "care.Escalation": Escalation.objects.create(
            period=period,
            concern="Drift",
            raised_on=today,
            raised_by=worker,
            stage="informal",
        ),
    }


def _protection_about(episode: Any, *, worker: User, manager: User) -> dict[str, Any]:
    """A strategy discussion, its section 47 enquiry and a plan from its
    initial conference, on the episode: made directly, as objects_about's are."""
    from haven.protection.models import (
        ChildProtectionPlan,
        Conference,
        Section47Enquiry,
        StrategyDiscussion,
    )

    now, today = clock.now(), clock.today()
    discussion = StrategyDiscussion.objects.create(
        episode=episode,
        held_on=today,
        information_shared="Shared",
        decision="section_47",
        recorded_by=worker,
        recorded_at=now,
    )
    enquiry = Section47Enquiry.objects.create(
        episode=episode,
        strategy_discussion=discussion,
        started_on=today,
        outcome="significant_harm",
        completed_on=today,
        started_by=worker,
    )
    conference = Conference.objects.create(
        episode=episode,
        kind="initial",
        held_on=today,
        chair=manager,
        decision="plan",
        category="NEG",
        recorded_by=worker,
        recorded_at=now,
    )
    plan = ChildProtectionPlan.objects.create(
        episode=episode,
        person=episode.person,
        started_on=today,
        starting_conference=conference,
        initial_category="NEG",
        latest_category="NEG",
    )
    return {
        "protection.StrategyDiscussion": discussion,
        "protection.Section47Enquiry": enquiry,
        "protection.ChildProtectionPlan": plan,
        "protection.Conference": conference,
    }


class ContactFactory(factory.django.DjangoModelFactory):
    """A front door contact, received and recorded (no child named yet): what a
    referral or an early help request made from a contact points at."""

    class Meta:
        model = "frontdoor.Contact"

    received_at = factory.LazyFunction(clock.now)
    source = "2A"
    concerns = "Concerns as told by the referrer."
    consent = "given"
    recorded_by = factory.LazyFunction(
        lambda: User.objects.create_user(username=f"recorder{User.objects.count()}")
    )
    recorded_at = factory.LazyFunction(clock.now)
