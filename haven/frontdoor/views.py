"""Front door pages: the queue, a new contact, a contact, the decision, a child's
contacts."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from haven.core import clock
from haven.core.errors import AccessDenied, DomainError
from haven.core.forms import show_errors, show_refusal
from haven.core.http import AuthenticatedRequest
from haven.core.once import already_submitted, submit_once
from haven.core.route_policy import Policy, policy
from haven.core.templatetags.govuk import error_summary
from haven.frontdoor import intake, referrer, routing, selectors, services
from haven.frontdoor import permissions as rules
from haven.frontdoor.forms import (
    AcknowledgementForm,
    AdultRows,
    ChildRowForm,
    ChildRows,
    ContactForm,
    DecisionForm,
    FeedbackForm,
)
from haven.frontdoor.models import Contact, ContactChild
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.views import open_person
from haven.timescales.catalogue import STATUS_WORDS, rule

RULE_ID = "REF-DECISION"


def _guidance() -> dict[str, str]:
    found = rule(RULE_ID)
    return {
        "description": found.description,
        "source": found.source,
        "status": STATUS_WORDS[found.status],
    }


def _errors(*forms_: forms.BaseForm) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = error_summary(*forms_)["errors"]
    return errors


# Front door staff, and the managers of the teams they work in.
@policy(Policy.ROLE, permission="core.record_contacts or core.manage_team_cases")
def queue(request: AuthenticatedRequest) -> HttpResponse:
    if not selectors.works_at_front_door(request.user):
        raise PermissionDenied("The front door queue is for front door staff")
    rows = selectors.awaiting_decision(request.user)
    # Oldest first, a page at a time: a queue of hundreds stays quick to
    # read and to draw; the counts above it are of the whole queue.
    context = {
        "page": Paginator(rows, QUEUE_PAGE).get_page(request.GET.get("page")),
        "waiting": len(rows),
        "overdue": sum(1 for row in rows if row.overdue),
        "may_decide": rules.may_decide_contacts(request.user),
        "today": clock.today(),
        "guidance": _guidance(),
    }
    return render(request, "frontdoor/queue.html", context)


QUEUE_PAGE = 50


# --- new contact -------------------------------------------------------------


@policy(Policy.ROLE, permission="core.record_contacts")
def new_contact(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.may_record_contacts(request.user):
        raise PermissionDenied("Your role does not include recording contacts")
    if request.method != "POST":
        form = ContactForm(initial={"received_on": clock.today()})
        rows = ChildRows(prefix="child")
        adults = AdultRows(prefix="adult")
        return _contact_page(request, form, rows, adults)
    earlier = already_submitted(request)
    if earlier is not None:
        messages.success(request, "This contact was already recorded.")
        return redirect(earlier)
    form = ContactForm(request.POST)
    rows = ChildRows(request.POST, prefix="child")
    adults = AdultRows(request.POST, prefix="adult")
    valid = form.is_valid() & rows.is_valid() & adults.is_valid()
    if not any(row.has_content() for row in rows):
        rows[0].add_error("given_name", "Name at least one child")
        valid = False
    filled = [row for row in rows if row.is_valid() and row.has_content()]
    chosen = _match_rows(filled)
    named = _match_rows(
        [row for row in adults if row.is_valid() and row.has_content()],
        children_only=False,
    )
    if not valid or chosen is None or named is None:
        show_refusal(form, services.check_contact, form.details())
        return _contact_page(request, form, rows, adults)
    try:
        url, first = submit_once(request, lambda: _record(request, form, chosen, named))
    except DomainError as refused:
        show_errors(
            refused,
            form,
            children=[row for row, _person in chosen],
            adults=[row for row, _person in named],
        )
        return _contact_page(request, form, rows, adults)
    messages.success(
        request,
        "Contact recorded. It is now waiting for a decision."
        if first
        else "This contact was already recorded.",
    )
    return redirect(url)


def _record(
    request: AuthenticatedRequest,
    form: ContactForm,
    chosen: list[tuple[ChildRowForm, Person | None]],
    named: list[tuple[ChildRowForm, Person | None]],
) -> str:
    """Record the contact, with a new record for each new child and adult; its
    page."""
    contact = intake.record_contact_with_new_people(
        form.details(),
        [person or _new_child(row) for row, person in chosen],
        adults=[
            (person or _new_adult(row), row.cleaned_data["role"])
            for row, person in named
        ],
        by=request.user,
    )
    return reverse("frontdoor:contact", args=[contact.pk])


def _match_rows(
    filled: list[ChildRowForm], *, children_only: bool = True
) -> list[tuple[ChildRowForm, Person | None]] | None:
    """Each typed child with the existing record chosen (None: a new record).

    A row that looks like a child already on the register asks the worker to
    choose; until every such row is answered the page is shown again (None).
    """
    chosen: list[tuple[ChildRowForm, Person | None]] = []
    complete = True
    for row in filled:
        data = row.cleaned_data
        found = selectors.suggestions(
            data["given_name"],
            data["family_name"],
            data.get("date_of_birth"),
            children_only=children_only,
        )
        row.suggestions = found  # type: ignore[attr-defined]
        answer = data.get("match", "")
        by_id = {str(person.pk): person for person in found}
        if answer == "new" or (not found and not answer):
            chosen.append((row, None))
        elif answer in by_id:
            chosen.append((row, by_id[answer]))
        else:
            who = "a child" if children_only else "a person"
            row.add_error(
                "match",
                f"Say whether {data['given_name']} {data['family_name']} is {who} "
                "already on the register",
            )
            complete = False
    return chosen if complete else None


def _new_child(row: ChildRowForm) -> dict[str, Any]:
    data = row.cleaned_data
    return {
        "given_name": data["given_name"].strip(),
        "family_name": data["family_name"].strip(),
        "date_of_birth": data.get("date_of_birth"),
    }


def _new_adult(row: ChildRowForm) -> dict[str, Any]:
    data = row.cleaned_data
    return {
        "given_name": data["given_name"].strip(),
        "family_name": data["family_name"].strip(),
        "date_of_birth": data.get("date_of_birth"),
    }


def _contact_page(
    request: AuthenticatedRequest, form: ContactForm, rows: Any, adults: Any
) -> HttpResponse:
    context = {
        "form": form,
        "rows": rows,
        "adults": adults,
        "errors": _errors(form, *rows, *adults),
        "guidance": _guidance(),
    }
    return render(request, "frontdoor/new_contact.html", context)


# --- a contact ---------------------------------------------------------------


def open_contact(
    request: AuthenticatedRequest, pk: int, what: str
) -> tuple[Contact, list[ContactChild]]:
    """The contact and the children in it the user may open, each read logged:
    404 as for an unknown id if every child is hidden from them, else 403."""
    try:
        return selectors.contact_for(request.user, pk, what=what, route=request.path)
    except AccessDenied as denied:
        raise PermissionDenied(denied.message) from None
    except Contact.DoesNotExist:
        raise Http404 from None


@policy(Policy.OBJECT, of="frontdoor.Contact")
def contact_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contact, children = open_contact(request, pk, "Front door contact")
    due = selectors.decision_due_on(contact)
    context = {
        "contact": contact,
        "children": children,
        "due_on": due,
        "overdue": bool(due and due < clock.today()),
        "undecided": any(not named.decision for named in children),
        "may_decide": rules.may_decide_contacts(request.user),
        "may_feed_back": any(named.decision for named in children),
        "checks": contact.checks.select_related("requested_by"),
        "adults": contact.adults.select_related("person"),
        "guidance": _guidance(),
    }
    return render(request, "frontdoor/contact_detail.html", context)


@policy(Policy.OBJECT, of="frontdoor.Contact")
def decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contact, children = open_contact(request, pk, "Front door decision")
    if not rules.may_decide_contacts(request.user):
        if request.method == "POST":
            raise PermissionDenied("Only a manager can decide what happens next")
        # Links to the decision reach workers too (their due items): show them the
        # contact, with who decides, rather than a refusal.
        messages.info(request, "A manager records the decision on this contact.")
        return redirect("frontdoor:contact", pk=contact.pk)
    waiting = [named for named in children if not named.decision]
    if not waiting:
        messages.success(request, "Every child in this contact has a decision.")
        return redirect("frontdoor:contact", pk=contact.pk)
    data = request.POST if request.method == "POST" else None
    decisions = [
        (named, DecisionForm(data, prefix=f"child-{named.pk}")) for named in waiting
    ]
    # Asked until recorded: the decision waits for it (referrer.py).
    ack = (
        None
        if contact.acknowledgement_recorded
        else AcknowledgementForm(data, prefix="ack", initial={"on": clock.today()})
    )
    if data is not None and _decide_all(request, contact, ack, decisions):
        messages.success(request, "Decision recorded.")
        # A decision whose work starts on another page (a strategy discussion)
        # leads there: routing.continue_at, declared by the app it belongs to.
        decided = ContactChild.objects.filter(pk__in=[n.pk for n, _f in decisions])
        after = routing.where_next(list(decided.order_by("pk")), request.user)
        return redirect(after or reverse("frontdoor:contact", args=[contact.pk]))
    due = selectors.decision_due_on(contact)
    context = {
        "contact": contact,
        "decisions": _decision_rows(contact, decisions),
        "decided": [named for named in children if named.decision],
        "ack": ack,
        # Shown, never waited for: the decision is due within one working day.
        "outstanding": contact.checks.filter(returned_on=None),
        "errors": _errors(*([ack] if ack else []), *(f for _named, f in decisions)),
        "form": decisions[0][1],
        "due_on": due,
        "overdue": bool(due and due < clock.today()),
        "guidance": _guidance(),
    }
    return render(request, "frontdoor/decide.html", context)


def _decide_all(
    request: AuthenticatedRequest,
    contact: Contact,
    ack: AcknowledgementForm | None,
    decisions: list[tuple[ContactChild, DecisionForm]],
) -> bool:
    """Record the acknowledgement (if asked) and every decision made on the
    page, all or none."""
    valid = all([form.is_valid() for _named, form in decisions])
    valid = (ack is None or ack.is_valid()) and valid
    answered = [(n, f) for n, f in decisions if f.is_valid() and f.answered()]
    if valid and not answered:
        decisions[0][1].add_error(
            "decision", f"Choose what happens next for {decisions[0][0].person}"
        )
        return False
    if not valid:
        return False
    try:
        intake.decide_on_one_page(
            contact,
            acknowledgement=None if ack is None else _acknowledgement(ack),
            decisions=[(named, _decision(form)) for named, form in answered],
            by=request.user,
        )
    except intake.RefusedAt as refused:
        at = (
            ack if refused.step == intake.ACKNOWLEDGEMENT else answered[refused.step][1]
        )
        assert at is not None
        show_errors(refused.refused, at)
        return False
    return True


def _acknowledgement(form: AcknowledgementForm) -> dict[str, Any]:
    fields = ("on", "how", "not_possible")
    return {name: form.cleaned_data[name] for name in fields}


def _decision(form: DecisionForm) -> dict[str, Any]:
    fields = ("decision", "reasoning", "threshold", "urgency", "specialist_service")
    return {name: form.cleaned_data[name] for name in fields}


def _decision_rows(
    contact: Contact, decisions: list[tuple[ContactChild, DecisionForm]]
) -> list[dict[str, Any]]:
    """Each child's form with their social care history: a referral within 12
    months before the contact was received (a referral now would be a
    re-referral; counted from the day received, as the episode's stored flag
    is, not from today) and whether an episode is open."""
    rows = []
    for named, form in decisions:
        work = routing.work_of(named.person, services.received_on(contact))
        rows.append(
            {
                "named": named,
                "form": form,
                "previous": work.previous_referral,
                "open_episode": work.open_episode,
            }
        )
    return rows


# --- feedback to the referrer -------------------------------------------------


@policy(Policy.OBJECT, of="frontdoor.Contact")
def feedback(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contact, _ = open_contact(request, pk, "Front door feedback to the referrer")
    form = FeedbackForm(
        request.POST if request.method == "POST" else None,
        initial={"on": clock.today()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            referrer.give_feedback(
                contact,
                on=form.cleaned_data["on"],
                how=form.cleaned_data["how"],
                by=request.user,
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, "Feedback to the referrer recorded.")
            return redirect("frontdoor:contact", pk=contact.pk)
    context = {"contact": contact, "form": form, "errors": _errors(form)}
    return render(request, "frontdoor/feedback.html", context)


# --- a child's contacts ------------------------------------------------------


@policy(Policy.PERSON)
def person_contacts(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Front door contacts")
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "frontdoor",
        "contacts": selectors.contacts_about(person),
    }
    return render(request, "frontdoor/person.html", context)
