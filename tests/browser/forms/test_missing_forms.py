"""Missing from care in a browser, through the forms' real widgets: a
looked-after child is reported missing, returns, is offered a return home
interview; the police report is put right; a strategy meeting is recorded;
and each form's refusals appear in the error summary."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import Page, expect

from haven.care.missing import forms, recording
from haven.care.models import MissingEpisode, PeriodOfCare, StrategyMeeting
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.core import clock
from haven.people.models import Person
from haven.timescales.models import Obligation
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import expect_errors, expect_success, fill_date, press


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _in_care(child: Person) -> PeriodOfCare:
    """Looked after for three months, placed with parents (no carer needed)."""
    scenes.in_need(child, _day(90))
    return start_period_of_care(
        child,
        on=_day(90),
        need="N1",
        legal_status="C1",
        placement=PlacementDetails(
            "P1", address_line_1="1 Home Street", postcode="LS6 1AA"
        ),
        by=scenes.staff("social-worker"),
    )


@covers(forms.ReportMissingForm, forms.ReturnForm, forms.InterviewForm)
def test_a_child_goes_missing_returns_and_is_offered_an_interview(
    page: Page, live_server, demo
):
    child = scenes.child()
    _in_care(child)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    expect(page.locator("#missing-now")).to_have_text("Not missing now.")
    page.get_by_role("link", name="Report missing").click()

    page.locator("input[name='kind'][value='M']").check()
    fill_date(page, "started_on", _day(2))
    page.fill("#id_started_time", "21:30")
    page.check("#id_reported_to_police")
    page.fill("#id_police_reference", "WY-2026-77")
    press(page, "Report missing")
    expect_success(page, "Reported missing")
    episode = MissingEpisode.objects.get(period__person=child)
    assert timezone.localtime(episode.started_at).date() == _day(2)
    assert episode.police_reference == "WY-2026-77"
    expect(page.locator("#missing-now")).to_contain_text("Missing since")
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Record their return").click()
    fill_date(page, "returned_on", _day(1))
    page.fill("#id_returned_time", "9:15")
    press(page, "Record the return")
    expect_success(page, "Return recorded")
    episode.refresh_from_db()
    assert timezone.localtime(episode.ended_at).date() == _day(1)
    expect(page.locator("#missing-episodes")).to_contain_text(
        f"Due by {_day(1) + dt.timedelta(days=3):%-d %b %Y}"
    )

    page.get_by_role("link", name="Record the interview").click()
    fill_date(page, "offered_on", _day(0))
    page.fill("#id_interviewed_by", "Open Door Independent Service")
    press(page, "Save the interview")
    expect_success(page, "Return home interview saved")
    obligation = Obligation.objects.get(person=child, rule_id="LAC-MISSING-RHI")
    assert obligation.status == "met_on_time"
    expect(page.locator("#missing-episodes")).to_contain_text("Offered")


def _missing(child: Person, period: PeriodOfCare) -> MissingEpisode:
    started = timezone.make_aware(dt.datetime.combine(_day(3), dt.time(20, 0)))
    return recording.report_missing(
        period, kind="A", started_at=started, by=scenes.staff("social-worker")
    )


@covers(forms.ReportMissingForm, forms.ReturnForm, forms.PoliceForm)
def test_reports_returns_and_police_refused_in_the_summary(
    page: Page, live_server, demo
):
    child = scenes.child()
    period = _in_care(child)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/looked-after/periods/{period.pk}/missing/")
    fill_date(page, "started_on", _day(200))
    page.fill("#id_started_time", "20:00")
    page.fill("#id_police_reference", "WY-1")
    press(page, "Report missing")
    expect_errors(
        page,
        "Say whether the child is missing or away",
        "A police reference means the police were told",
        "a missing episode before that is not part of their care",
    )
    assert not MissingEpisode.objects.filter(period=period).exists()

    episode = _missing(child, period)
    page.goto(f"{base}/looked-after/missing/{episode.pk}/return/")
    fill_date(page, "returned_on", _day(4))
    page.fill("#id_returned_time", "8:00")
    press(page, "Record the return")
    expect_errors(page, "they must have returned after that")

    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Police report").first.click()
    press(page, "Save the police report")
    expect_errors(page, "This is what is recorded already")
    page.check("#id_reported_to_police")
    page.fill("#id_police_reference", "WY-2026-12")
    press(page, "Save the police report")
    expect_success(page, "Police report saved")
    episode.refresh_from_db()
    assert (episode.reported_to_police, episode.police_reference) == (
        True,
        "WY-2026-12",
    )


@covers(forms.InterviewForm, forms.StrategyMeetingForm)
def test_an_interview_and_a_meeting_refused_then_recorded(
    page: Page, live_server, demo
):
    child = scenes.child()
    period = _in_care(child)
    episode = _missing(child, period)
    recording.record_return(
        episode,
        returned_at=timezone.make_aware(dt.datetime.combine(_day(2), dt.time(7, 0))),
        by=scenes.staff("social-worker"),
    )
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/looked-after/missing/{episode.pk}/interview/")
    fill_date(page, "offered_on", _day(3))
    fill_date(page, "held_on", _day(1))
    page.check("#id_declined")
    press(page, "Save the interview")
    expect_errors(
        page,
        "the interview is offered after that",
        "An interview the child declined was not held",
    )
    page.uncheck("#id_declined")
    fill_date(page, "offered_on", _day(2))
    press(page, "Save the interview")
    expect_success(page, "Return home interview saved")
    episode.refresh_from_db()
    assert episode.interview_held_on == _day(1)

    page.goto(f"{base}/looked-after/people/{child.pk}/strategy-meeting/")
    fill_date(page, "held_on", clock.today() + dt.timedelta(days=1))
    press(page, "Record the meeting")
    expect_errors(page, "must be today or earlier", "Say what the meeting decided")
    fill_date(page, "held_on", _day(1))
    page.fill("#id_decisions", "Safety plan agreed with the police and school")
    press(page, "Record the meeting")
    expect_success(page, "Strategy meeting recorded")
    assert StrategyMeeting.objects.get(person=child).held_on == _day(1)
