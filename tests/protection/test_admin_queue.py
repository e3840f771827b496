"""The conference administrator's queue (admin_work.py, administration.py):
the invitations to send for each conference they administer, the record
waiting for the chair's sign-off, and the signed record to circulate; on
their My work as a work source; their role on the case ends once it is
circulated."""

import pytest

from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.selectors import current_allocation
from haven.protection import admin_work, administration, arrangements, conferences
from haven.timescales import queue
from tests.protection.conftest import enquiry, meeting
from tests.protection.test_case_roles import _book, _weekday_ahead, administrator

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(reviewing):
    """A conference administrator."""
    return administrator("ada", reviewing)


def _kinds(user) -> list[str]:
    return [task.kind for task in admin_work.tasks([user])]


def test_invitations_then_sign_off_then_circulation(
    child,
    episode,
    alice,
    cath,
    ada,
):
    found = enquiry(episode, alice)
    booked = _book(found, alice, cath, ada)
    assert _kinds(ada) == [admin_work.INVITATIONS]
    assert _kinds(cath) == []
    administration.record_invitations_sent(booked, by=ada)
    assert _kinds(ada) == []
    with pytest.raises(DomainError, match="already sent|were sent"):
        administration.record_invitations_sent(booked, by=ada)

    # Booked for another day: the invitations go again.
    again = arrangements.Booking(_weekday_ahead(6), cath, ada)
    arrangements.arrange_initial(found, again, by=alice)
    assert _kinds(ada) == [admin_work.INVITATIONS]

    held = conferences.hold_initial_conference(
        episode, meeting(cath, decision="no_plan"), by=alice, section_47=found
    )
    assert _kinds(ada) == [admin_work.AWAITING]
    booked.refresh_from_db()
    with pytest.raises(DomainError, match="not signed the record off"):
        administration.record_circulated(booked, by=ada)

    conferences.sign_off(held, by=cath)
    assert _kinds(ada) == [admin_work.CIRCULATE]
    # The chair's part is done; the administrator keeps the record to send it.
    assert current_allocation(child, CaseRole.CP_CHAIR) is None
    assert current_allocation(child, CaseRole.CONFERENCE_ADMIN).worker == ada
    administration.record_circulated(booked, by=ada)
    assert _kinds(ada) == []
    assert current_allocation(child, CaseRole.CONFERENCE_ADMIN) is None


def test_the_administrators_work_is_on_their_my_work(
    episode,
    alice,
    cath,
    ada,
):
    _book(enquiry(episode, alice), alice, cath, ada)
    overdue, upcoming = queue.my_work(ada)
    assert [i.kind for i in overdue + upcoming] == [admin_work.INVITATIONS]
    assert "/child-protection/administration/#arrangement-" in upcoming[0].url


def test_the_page_marks_only_the_administrators_own(
    client,
    episode,
    alice,
    cath,
    ada,
    mona,
):
    booked = _book(enquiry(episode, alice), alice, cath, ada)
    client.force_login(mona)
    assert client.get("/child-protection/administration/").status_code == 403
    client.force_login(cath)
    assert client.get("/child-protection/administration/").status_code == 403
    client.force_login(ada)
    page = client.get("/child-protection/administration/")
    assert b"Send the invitations to the initial" in page.content
    other = {"arrangement": booked.pk + 1000, "sent": "invitations"}
    assert client.post("/child-protection/administration/", other).status_code == 404
    mine = {"arrangement": booked.pk, "sent": "invitations"}
    assert client.post("/child-protection/administration/", mine).status_code == 302
    booked.refresh_from_db()
    assert booked.invitations_sent_on is not None
