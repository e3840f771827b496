"""Lists 1 to 5: contacts, early help assessments, referrals, assessments,
and section 47 enquiries with their initial conferences."""

import datetime as dt
from collections import defaultdict

from django.utils import timezone

from haven.assessments.codes import CLOSING_OUTCOMES
from haven.assessments.models import Assessment
from haven.casework.models import CaseNote
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.earlyhelp.models import EarlyHelpAssessment
from haven.frontdoor.models import ContactChild
from haven.protection.codes import ConferenceDecision, ConferenceKind
from haven.protection.models import Conference, Section47Enquiry
from haven.returns.annex_a.children import yes_no
from haven.returns.annex_a.period import Period
from haven.returns.annex_a.sheet import Sheet, counted, window

SW = CaseRole.SOCIAL_WORKER


def contacts(period: Period) -> Sheet:
    sheet = Sheet(1, "Contacts", ["Date of Contact", "Contact Source"])
    since, until = window(period)
    found = (
        ContactChild.objects.filter(
            contact__received_at__gte=since, contact__received_at__lt=until
        )
        .select_related("contact")
        .order_by("contact__received_at", "pk")
    )
    for row in found:
        received = row.contact.received_at.date()
        sheet.rows.append((row.person_id, [received, row.contact.source]))
    return sheet


def early_help(period: Period) -> Sheet:
    sheet = Sheet(
        2,
        "Early help assessments",
        [
            "Assessment start date",
            "Assessment completion date",
            "Organisation completing assessment",
        ],
    )
    found = (
        EarlyHelpAssessment.objects.filter(
            started_on__lte=period.end, completed_on__gte=period.start
        )
        .select_related("request")
        .order_by("started_on", "pk")
    )
    for assessment in found:
        request = assessment.request
        by = request.lead_organisation or "The local authority"
        sheet.rows.append(
            (
                request.person_id,
                [assessment.started_on, assessment.completed_on, by],
            )
        )
    return sheet


def referrals(period: Period) -> Sheet:
    sheet = Sheet(
        3,
        "Referrals",
        [
            "Date of referral",
            "Referral Source",
            "Referral NFA?",
            "Number of referrals in last 12 months",
        ],
        team_role=SW,
    )
    found = list(
        CinEpisode.objects.filter(
            referral_date__gte=period.year_ago, referral_date__lte=period.end
        ).order_by("referral_date", "pk")
    )
    many = counted(((e.person_id, e.referral_date) for e in found), period)
    for episode in found:
        if period.holds(episode.referral_date):
            sheet.rows.append(
                (
                    episode.person_id,
                    [
                        episode.referral_date,
                        episode.source,
                        yes_no(episode.referral_nfa),
                        many[episode.person_id],
                    ],
                )
            )
    return sheet


def assessments(period: Period) -> Sheet:
    """Every assessment open at some time in the period."""
    sheet = Sheet(
        4,
        "Assessments",
        [
            "Continuous Assessment Start Date",
            "Child Seen During Assessment",
            "Continuous Assessment Date of Authorisation",
            "Assessed as requiring LA CSC support?",
            "Outcome of the assessment",
        ],
        team_role=SW,
    )
    since, until = window(period)
    found = list(
        Assessment.objects.filter(started_on__lte=period.end)
        .exclude(authorised_at__lt=since)
        .order_by("started_on", "pk")
    )
    first = min((a.started_on for a in found), default=period.start)
    seen: dict[int, list[dt.date]] = defaultdict(list)
    for pk, at in CaseNote.objects.filter(
        person_id__in={a.person_id for a in found},
        child_seen=True,
        occurred_at__gte=clock.start_of(first),
        occurred_at__lt=until,
    ).values_list("person_id", "occurred_at"):
        seen[pk].append(timezone.localtime(at).date())
    for a in found:
        done = timezone.localtime(a.authorised_at).date() if a.authorised_at else None
        was_seen = any(
            a.started_on <= day and (done is None or day <= done)
            for day in seen[a.person_id]
        )
        support = None if not a.outcome else a.outcome not in CLOSING_OUTCOMES
        outcome = a.get_outcome_display() if a.outcome else ""
        sheet.rows.append(
            (
                a.person_id,
                [a.started_on, yes_no(was_seen), done, yes_no(support), outcome],
            )
        )
    return sheet


def section_47s(period: Period) -> Sheet:
    sheet = Sheet(
        5,
        "Section 47 enquiries and ICPCs",
        [
            "Date of strategy discussion initiating Section 47 Enquiry",
            "Was an ICPC deemed unnecessary?",
            "Date of Initial Child Protection Conference",
            "Did the ICPC result in a Child Protection Plan?",
            "Number of Section 47 Enquiries and ICPCs in the last 12 months",
        ],
        team_role=SW,
    )
    found = list(
        Section47Enquiry.objects.filter(
            started_on__gte=period.year_ago, started_on__lte=period.end
        )
        .select_related("strategy_discussion", "episode")
        .order_by("started_on", "pk")
    )
    icpcs = {
        c.section_47_id: c
        for c in Conference.objects.filter(
            section_47__in=found,
            kind__in=[ConferenceKind.INITIAL, ConferenceKind.PRE_BIRTH],
        )
    }
    many = counted(((s.episode.person_id, s.started_on) for s in found), period)
    for s47 in found:
        if not period.holds(s47.started_on):
            continue
        icpc = icpcs.get(s47.pk)
        discussed = s47.strategy_discussion.held_on if s47.strategy_discussion else None
        planned = None if icpc is None else icpc.decision == ConferenceDecision.PLAN
        sheet.rows.append(
            (
                s47.episode.person_id,
                [
                    discussed,
                    yes_no(s47.icpc_not_required),
                    icpc.held_on if icpc else None,
                    yes_no(planned),
                    many[s47.episode.person_id],
                ],
            )
        )
    return sheet
