"""The person's census fields: LAchildID, UPN unknown reasons, an unborn child's
sex, and the authority's LA code."""

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from haven.core import clock
from haven.core.config import env_la_code
from haven.core.errors import DomainError
from haven.core.services import allocate_case
from haven.people import services
from haven.people.census import LA_CHILD_ID, is_school_age_on, la_child_id
from haven.people.identifiers import validate_local_id
from tests.factories import ChildFactory

PKS = st.integers(min_value=1, max_value=2**63 - 1)


def _accepted(text: str) -> bool:
    try:
        validate_local_id(text)
    except ValidationError:
        return False
    return True


VALID_LOCAL_IDS = st.from_regex(r"[A-Za-z0-9]{1,20}", fullmatch=True).filter(_accepted)


@given(local_id=st.one_of(st.none(), st.text(max_size=25), VALID_LOCAL_IDS), pk=PKS)
def test_the_la_child_id_always_meets_the_census_format(local_id, pk):
    assert LA_CHILD_ID.fullmatch(la_child_id(local_id, pk))


@given(local_id=VALID_LOCAL_IDS, pk=PKS, other_pk=PKS)
def test_a_local_id_never_collides_with_a_haven_id(local_id, pk, other_pk):
    assert la_child_id(local_id, pk) == local_id
    assert la_child_id(local_id, pk) != la_child_id(None, other_pk)


@pytest.mark.parametrize("text", ["QB-1001", "QB 1001", "A" * 21, "H123", "h9"])
def test_a_local_id_the_census_would_refuse_is_refused(text):
    with pytest.raises(ValidationError):
        validate_local_id(text)


def test_school_age_is_read_from_the_school_year():
    assert not is_school_age_on(dt.date(2022, 1, 1), dt.date(2026, 12, 4))  # 4
    assert is_school_age_on(dt.date(2021, 8, 31), dt.date(2026, 12, 4))  # 5 on 1 Sep
    assert not is_school_age_on(dt.date(2021, 9, 2), dt.date(2026, 12, 4))
    assert is_school_age_on(dt.date(2011, 1, 1), dt.date(2026, 12, 4))  # 15 on 1 Sep
    assert not is_school_age_on(None, dt.date(2026, 12, 4))


def _codes(refused):
    return {e.code for e in getattr(refused.value, "failures", [refused.value])}


def _details(**extra):
    return {"given_name": "Ruby", "family_name": "Sowerby", **extra}


@pytest.mark.django_db
def test_an_unborn_child_is_sex_unknown(alice):
    due = clock.today() + dt.timedelta(days=60)
    with pytest.raises(DomainError) as refused:
        services.register_person(
            _details(expected_date_of_birth=due, sex="F"), by=alice
        )
    assert _codes(refused) == {"unborn_sex"}
    unborn = services.register_person(
        _details(expected_date_of_birth=due, sex="U", upn_unknown="UN6"), by=alice
    )
    assert (unborn.sex, unborn.upn_unknown) == ("U", "UN6")


@pytest.mark.django_db
def test_upn_unknown_reasons_follow_the_census_rules(alice):
    eight = dt.date(2018, 3, 1)
    with pytest.raises(DomainError) as refused:
        services.register_person(
            _details(date_of_birth=eight, upn_unknown="UN1"), by=alice
        )
    assert _codes(refused) == {"un1_school_age"}
    with pytest.raises(DomainError) as refused:
        services.register_person(
            _details(date_of_birth=eight, upn_unknown="UN6"), by=alice
        )
    assert _codes(refused) == {"un6_not_unborn"}
    with pytest.raises(DomainError) as refused:
        services.register_person(
            _details(date_of_birth=eight, upn="A999000000001", upn_unknown="UN4"),
            by=alice,
        )
    assert "upn_and_reason" in _codes(refused)
    toddler = services.register_person(
        _details(date_of_birth=dt.date(2024, 1, 1), upn_unknown="UN1"), by=alice
    )
    assert toddler.upn_unknown == "UN1"


@pytest.mark.django_db
def test_the_person_page_shows_the_census_id_and_why_there_is_no_upn(
    client, alice, mona, team
):
    child = ChildFactory(local_id=None, upn_unknown="UN4")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    client.force_login(alice)
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert f"H{child.pk}" in page
    assert "Not known: UN4: UPN not yet obtained" in page


def test_the_la_code_is_three_digits(monkeypatch):
    monkeypatch.setenv("HAVEN_LA_CODE", "873")
    assert env_la_code("HAVEN_LA_CODE") == "873"
    monkeypatch.delenv("HAVEN_LA_CODE")
    assert env_la_code("HAVEN_LA_CODE") == ""
    for wrong in ("87", "8731", "ABC"):
        monkeypatch.setenv("HAVEN_LA_CODE", wrong)
        with pytest.raises(ImproperlyConfigured):
            env_la_code("HAVEN_LA_CODE")


@pytest.mark.django_db
def test_the_admin_home_page_shows_the_la_code_and_its_source(client, settings, adam):
    settings.HAVEN_LA_CODE = "873"
    client.force_login(adam)
    page = client.get("/admin/").content.decode()
    assert "873" in page
    assert "HAVEN_LA_CODE" in page
