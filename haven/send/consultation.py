"""Consulting schools and settings about naming them in the child's EHC plan,
at the draft plan stage (CAFA 2014 s39(2) and s40(2); SENDR 2014 reg 9 and
13): the SEND officer records each one asked, the date asked, and the date and
gist of its reply (it can, or cannot, meet the child's needs).

Journal events:
  send.setting_consulted    {"consultation", "urn", "asked_on"}
  send.consultation_answered {"consultation", "urn", "answer", "replied_on"}"""

import datetime as dt

from django.db import transaction

from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import User
from haven.send.codes import CanMeet
from haven.send.details import find_establishment
from haven.send.models import Consultation, Decision, EhcPlan, EhcRequest
from haven.send.rules import check_date, locked, may_manage, record_event


def consult_setting(
    request: EhcRequest, *, school: str, asked_on: dt.date | None, by: User
) -> Consultation:
    """Record that a school or setting (by URN or name) was asked whether it
    can meet the child's needs."""
    may_manage(by, request)
    with transaction.atomic():
        request = locked(request)
        failures = Failures()
        if request.issue != Decision.YES:
            failures.add(
                "not_to_issue",
                "Settings are consulted once the council has decided to issue a plan",
            )
        elif EhcPlan.objects.filter(request=request, issued_on__isnull=False).exists():
            failures.add("plan_final", "The plan is final: its settings are named")
        found = find_establishment(school, failures, field="school")
        if found is None and not school.strip():
            failures.add("school_required", "Enter the school's URN or name", "school")
        check_date(
            failures,
            asked_on,
            field="asked_on",
            what="the setting was asked",
            not_before=request.issue_decided_on,
            not_before_words="the decision to issue a plan",
        )
        if (
            found is not None
            and request.consultations.filter(
                establishment=found, replied_on__isnull=True
            ).exists()
        ):
            failures.add(
                "awaiting_reply",
                f"{found.name} has been asked already and has not replied",
                "school",
            )
        failures.raise_any()
        assert found is not None and asked_on is not None
        consultation = Consultation.objects.create(
            request=request,
            establishment=found,
            asked_on=asked_on,
            created_by=by,
            created_at=clock.now(),
        )
        payload = {
            "consultation": consultation.pk,
            "urn": found.urn,
            "asked_on": asked_on.isoformat(),
        }
        record_event(request, "setting_consulted", payload, by=by, on=asked_on)
    return consultation


def record_reply(
    consultation: Consultation,
    *,
    replied_on: dt.date | None,
    answer: str,
    reply: str,
    by: User,
) -> Consultation:
    """Record a consulted setting's reply: can it meet the needs, and the gist."""
    may_manage(by, consultation.request)
    with transaction.atomic():
        request = locked(consultation.request)
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        failures = Failures()
        if consultation.replied_on is not None:
            failures.add("already_replied", "The setting's reply is already recorded")
        check_date(
            failures,
            replied_on,
            field="replied_on",
            what="the setting replied",
            not_before=consultation.asked_on,
            not_before_words="the day it was asked",
        )
        if answer not in CanMeet.values:
            failures.add(
                "answer_required",
                "Choose whether the setting can meet the child's needs",
                "answer",
            )
        if not reply.strip():
            failures.add("reply_required", "Give the gist of the reply", "reply")
        failures.raise_any()
        assert replied_on is not None
        consultation.replied_on, consultation.answer = replied_on, answer
        consultation.reply = reply.strip()
        consultation.save(update_fields=["replied_on", "answer", "reply"])
        payload = {
            "consultation": consultation.pk,
            "urn": consultation.establishment.urn,
            "answer": answer,
            "replied_on": replied_on.isoformat(),
        }
        record_event(request, "consultation_answered", payload, by=by, on=replied_on)
    return consultation
