"""The canary: the adopters' names and address, planted for a child placed for
adoption and adopted, appear nowhere but to an adoption worker. Signed in as
every other role (each in the child's team, so each holds every relationship a
role can), the test opens every page reachable from the child's page and the
menus, the whereabouts board's CSV and spreadsheet, the subject access export,
the API, the chronology, searches and a refused page; and as a worker who
broke glass, and an adoption worker from another team who broke glass.
The same names and address are planted as prospective adopters in approval
(their own record, sealed for the Adoption worker role), and crawled the same
way from their record's pages; break-glass on it is refused.
Then it checks an adoption worker with lasting access does see them, so the
test can fail. A page that fails with a server error fails the test: an error
page is a place a leak could hide."""

import io
import re
import zipfile
from collections import deque
from html import unescape
from urllib.parse import urljoin

import pytest
from django.test import Client

from haven.care.adoption import approval
from haven.core.errors import DomainError
from haven.core.roles import ROLES
from haven.core.services import break_glass
from tests.care.adoption_helpers import (
    CANARY_NAMES,
    CANARY_POSTCODE,
    CANARY_STREET,
    adopted,
    placed,
    under_placement_order,
)
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules_unchecked")]

CANARIES = (CANARY_NAMES, CANARY_STREET, CANARY_POSTCODE, "Verbrugge", "Zephyrine")
# The prospective adopters in approval: their own, so that an adoption worker
# of another team (who may read them: the seal is the role's) is told apart.
APPLICANT_STREET = "9 Wrenwhistle Garth"
APPLICANT_POSTCODE = "ZE3 7WW"
APPLICANT_CANARIES = ("Quenby-Ormerod", "Wrenwhistle", APPLICANT_POSTCODE)
LINK = re.compile(r'href="([^"#]*)')
SKIP = ("/assets/", "/static/", "/admin/", "/sign-out")
# Two links from the child's page reach every page about them.
DEPTH = 2
OTHERS = [role.key for role in ROLES if role.key != "adoption_worker"]


@pytest.fixture
def children(child, carer, fostering, alice, mona, team, today):
    """Jasmine, adopted; Nell, placed for adoption: the same adopters planted."""
    from haven.core.services import allocate_case

    ada = make_user("ada", "adoption_worker", team)
    adopted(
        under_placement_order(child, carer, by=alice), fostering, worker=alice, by=ada
    )
    nell = ChildFactory(given_name="Nell", family_name="Ashdown")
    allocate_case(nell, team=team, worker=alice, on=child.created_at.date(), by=mona)
    placed(
        under_placement_order(nell, carer, by=alice), fostering, worker=alice, by=ada
    )
    return [child, nell]


@pytest.fixture
def applicant(team, today):
    """The same adopters in approval: their own sealed record."""
    ada = make_user("ada-approval", "adoption_worker", team)
    applicants = approval.Applicants(
        given_name="Thaddeus",
        family_name="Quenby-Ormerod",
        joint_applicant="Perpetua Quenby-Ormerod",
        address_line_1=APPLICANT_STREET,
        town="Shetland",
        postcode=APPLICANT_POSTCODE,
    )
    registered = approval.register_interest(
        applicants, received_on=today.replace(month=1, day=5), by=ada
    )
    return registered.applicant


def _text(response) -> str:
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if body[:2] == b"PK":  # a spreadsheet: the text is in its zipped XML
        with zipfile.ZipFile(io.BytesIO(body)) as book:
            return " ".join(book.read(name).decode() for name in book.namelist())
    return body.decode(errors="replace")


def _links(html: str, base: str) -> list[str]:
    found = []
    for href in LINK.findall(html):
        url = urljoin(base, unescape(href)) if href else ""
        if url.startswith("/") and not url.startswith(SKIP):
            found.append(url)
    return found


def _everything(client: Client, children) -> dict[str, str]:
    """Each page within DEPTH links of the child's pages and the home page,
    and the exports, API and searches: url -> text."""
    starts = ["/"] + [f"/people/{c.pk}/" for c in children]
    extra = [
        "/looked-after/whereabouts/?format=csv",
        "/looked-after/whereabouts/?format=xlsx",
    ]
    for c in children:
        extra += [
            f"/people/{c.pk}/chronology/",
            f"/people/{c.pk}/subject-access.csv",
            f"/api/people/{c.pk}/",
            f"/api/people/{c.pk}/chronology/",
            f"/looked-after/people/{c.pk}/adoption/match/",  # refused to them
            f"/looked-after/people/{c.pk}/adopter-approval/stage-one/",
        ]
    extra.append("/looked-after/adopters/")
    seen: dict[str, str] = {}
    # The menus (the home page's links) are opened, not followed further:
    # what they list is reached from the children's pages.
    queue = deque([("/", DEPTH - 1)] + [(url, 0) for url in starts[1:] + extra])
    while queue:
        url, depth = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = _text(response)
        html = "text/html" in response.get("Content-Type", "")
        if response.status_code == 200 and html and depth < DEPTH:
            queue.extend((link, depth + 1) for link in _links(seen[url], url))
    return seen


SEARCHES = (
    "/people/?name=Verbrugge",
    "/people/?name=Quenby-Ormerod",
    f"/people/?postcode={APPLICANT_POSTCODE}",
    "/api/people/?name=Quenby-Ormerod",
    f"/people/?postcode={CANARY_POSTCODE}",
    "/api/people/?name=Verbrugge",
)


def _found_by_the_adopters(client: Client, children) -> list[str]:
    """Searches by the adopters' name or postcode that hint at the children
    (the search page echoes what was typed, so the canary itself is not the
    test here: the children must not be found)."""
    hints = [f"/people/{c.pk}/" for c in children] + [f'"id": {c.pk}' for c in children]
    return [
        url
        for url in SEARCHES
        for hint in hints
        if hint in _text(client.get(url)).replace('"id":', '"id": ')
    ]


def _leaks(
    pages: dict[str, str], canaries: tuple[str, ...] = CANARIES + APPLICANT_CANARIES
) -> dict[str, str]:
    return {
        url: canary
        for url, text in pages.items()
        for canary in canaries
        if canary in text
    }


@pytest.mark.parametrize("role", OTHERS)
def test_no_other_role_meets_the_adopters(children, applicant, team, role):
    client = Client()
    client.force_login(make_user(f"someone-{role}", role, team))
    pages = _everything(client, [*children, applicant])
    assert len(pages) > 10
    if role == "social_worker":  # the crawl reads the adoption, in words
        chronology = pages[f"/people/{children[0].pk}/chronology/"]
        assert "Adoption order made" in chronology
    assert _leaks(pages) == {}
    assert _found_by_the_adopters(client, [*children, applicant]) == []


def test_break_glass_never_shows_the_adopters(children, applicant, other_team):
    for role in ("social_worker", "adoption_worker"):
        stranger = make_user(f"glass-{role}", role, other_team)
        with pytest.raises(DomainError):
            break_glass(applicant, reason="Out of hours call", by=stranger)
        for child in children:
            break_glass(child, reason="Out of hours call from the police", by=stranger)
        client = Client()
        client.force_login(stranger)
        # Any adoption worker may read the prospective adopters (the seal is
        # the role's), so theirs are looked for only as the social worker.
        role_may_read = role == "adoption_worker"
        canaries = CANARIES if role_may_read else CANARIES + APPLICANT_CANARIES
        assert _leaks(_everything(client, children), canaries) == {}


def test_an_adoption_worker_reads_the_adopters(children, applicant, team):
    client = Client()
    client.force_login(make_user("adam-adoption", "adoption_worker", team))
    page = client.get(f"/people/{children[0].pk}/").content.decode()
    assert CANARY_NAMES in page and CANARY_STREET in page and CANARY_POSTCODE in page
    page = client.get(f"/people/{applicant.pk}/").content.decode()
    assert "Perpetua Quenby-Ormerod" in page and APPLICANT_STREET in page
    listed = client.get("/looked-after/adopters/").content.decode()
    assert "Thaddeus Quenby-Ormerod" in listed
