"""The family at a glance: the network of relationships and the household
(issue 15)."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import restrict_record
from haven.people import households, network, services
from haven.people.codes import RelationshipKind as K

pytestmark = pytest.mark.django_db


def _register(given_name, by, born=dt.date(2015, 3, 9), family_name="Quenby"):
    return services.register_person(
        {"given_name": given_name, "family_name": family_name, "date_of_birth": born},
        by=by,
    )


@pytest.fixture
def family(mona, team):
    """A child, her mother, her brother, a father alleged to have harmed her
    who has since died, a grandmother and a family friend."""
    child = _register("Marnie", mona)
    people = {
        "child": child,
        "mother": _register("Harriet", mona, dt.date(1990, 5, 17)),
        "brother": _register("Tobiah", mona, dt.date(2017, 1, 2)),
        "father": _register("Dorian", mona, dt.date(1988, 8, 8), "Vell"),
        "grandmother": _register("Ada", mona, dt.date(1960, 1, 1)),
        "friend": _register("Iris", mona, dt.date(1975, 4, 4), "Nolan"),
    }
    services.record_relationship(child, other=people["mother"], kind=K.MOTHER, by=mona)
    # Recorded the other way round: Marnie is Tobiah's sibling.
    services.record_relationship(
        people["brother"], other=child, kind=K.SIBLING, by=mona
    )
    services.record_relationship(
        child,
        other=people["father"],
        kind=K.FATHER,
        alleged_perpetrator=True,
        by=mona,
    )
    services.change_details(
        people["father"], {"date_of_death": dt.date(2025, 6, 1)}, by=mona
    )
    services.record_relationship(
        child, other=people["grandmother"], kind=K.GRANDPARENT, by=mona
    )
    services.record_relationship(
        child, other=people["friend"], kind=K.SIGNIFICANT_OTHER, by=mona
    )
    return people


def test_the_network_places_each_relative_by_generation(alice, family):
    drawn = network.family_network(family["child"], alice)
    rows = {label: [r.name for r in people] for label, people in drawn.rows}
    assert rows == {
        "Grandparents": ["Ada Quenby"],
        "Parents and carers": ["Dorian Vell", "Harriet Quenby"],
        "The child, brothers and sisters": ["Tobiah Quenby"],
        "Others in their life": ["Iris Nolan"],
    }
    father = next(r for r in drawn.relatives if r.name == "Dorian Vell")
    assert father.alleged_perpetrator
    assert father.died_on == "died 1 June 2025"
    assert father.label == "Dorian Vell: father; died 1 June 2025; alleged perpetrator"
    grandmother = next(r for r in drawn.relatives if r.name == "Ada Quenby")
    assert grandmother.y < father.y < drawn.child.y
    assert "Grandparents: Ada Quenby: grandparent" in drawn.description


def test_a_relative_the_viewer_may_not_open_is_not_named(alice, mona, family):
    restrict_record(family["father"], kind="restricted", reason="Staff", by=mona)
    drawn = network.family_network(family["child"], alice)
    hidden = [r for r in drawn.relatives if r.person is None]
    assert [(r.name, r.may_open, r.died_on) for r in hidden] == [
        ("A person you cannot open", False, "")
    ]
    assert "Dorian" not in drawn.description


def test_the_family_page_draws_an_accessible_svg_with_the_list(
    client, alice, mona, family
):
    restrict_record(family["friend"], kind="restricted", reason="Staff", by=mona)
    client.force_login(alice)
    response = client.get(reverse("people:family", args=[family["child"].pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<title id="network-title">Family network of Marnie Quenby</title>' in html
    assert 'aria-label="Harriet Quenby: mother"' in html
    assert f'<a href="/people/{family["mother"].pk}/">' in html
    assert "Iris" not in html and "Nolan" not in html
    assert html.count("A person you cannot open") >= 2  # the box and the list
    assert "Alleged perpetrator" in html


def test_a_worker_in_another_team_may_not_see_the_family(client, bob, family):
    client.force_login(bob)
    response = client.get(reverse("people:family", args=[family["child"].pk]))
    assert response.status_code == 403


def test_a_household_is_made_when_its_first_member_joins(alice, mona, family):
    child, mother, brother = family["child"], family["mother"], family["brother"]
    households.add_to_household(child, members=[mother, brother], by=alice)
    assert households.members_of(child) == [mother, brother]
    assert child in households.members_of(mother)
    joined = JournalEvent.objects.filter(
        person=child, type="people.household_member_joined"
    )
    assert sorted(e.payload["name"] for e in joined) == [
        "Harriet Quenby",
        "Tobiah Quenby",
    ]
    assert JournalEvent.objects.filter(
        person=mother, type="people.household_joined", payload__of=child.pk
    ).exists()


def test_adding_names_every_fault_at_once(alice, mona, family):
    child, mother = family["child"], family["mother"]
    households.add_to_household(child, members=[mother], by=alice)
    restrict_record(family["father"], kind="restricted", reason="Staff", by=mona)
    with pytest.raises(DomainError) as refused:
        households.add_to_household(
            child, members=[child, mother, family["father"]], by=alice
        )
    assert sorted(refused.value.codes) == [
        "already_a_member",
        "member_is_the_person",
        "member_not_found",
    ]
    with pytest.raises(DomainError) as empty:
        households.add_to_household(child, members=[], by=alice)
    assert empty.value.code == "member_required"


def test_someone_leaves_with_a_reason(alice, family):
    child, mother = family["child"], family["mother"]
    households.add_to_household(child, members=[mother], by=alice)
    with pytest.raises(DomainError) as refused:
        households.remove_from_household(
            child, members=[family["brother"]], reason=" ", by=alice
        )
    assert sorted(refused.value.codes) == ["not_a_member", "reason_required"]
    households.remove_from_household(
        child, members=[mother], reason="Moved to her sister's", by=alice
    )
    assert households.members_of(child) == []
    left = JournalEvent.objects.get(person=child, type="people.household_member_left")
    assert left.reason == "Moved to her sister's"


def test_a_worker_without_the_child_may_not_change_the_household(bob, family):
    with pytest.raises(AccessDenied):
        households.add_to_household(family["child"], members=[family["mother"]], by=bob)


def test_the_household_page_offers_relatives_and_people_at_the_address(
    client, alice, mona, family
):
    child = family["child"]
    lodger = _register("Fen", mona, dt.date(1999, 9, 9), "Ashby")
    for who in (child, lodger):
        services.record_move(
            who,
            line_1="3 Alder Row",
            town="Brackenfield",
            postcode="zz991ab",
            on=dt.date(2024, 1, 1),
            by=mona,
        )
    client.force_login(alice)
    url = reverse("people:household", args=[child.pk])
    html = client.get(url).content.decode()
    assert "Fen Ashby (born 9 September 1999, recorded at the same address)" in html
    assert "Harriet Quenby (born 17 May 1990)" in html
    response = client.post(url, {"join": "1"})
    assert "Choose who lives with Marnie" in response.content.decode()
    response = client.post(url, {"join": "1", "join-members": [str(lodger.pk)]})
    assert response.status_code == 302
    assert households.members_of(child) == [lodger]
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert f'<a class="govuk-link" href="/people/{lodger.pk}/">Fen Ashby</a>' in page
    response = client.post(url, {"leave": "1", "leave-leaving": [str(lodger.pk)]})
    assert "Say why they no longer live here" in response.content.decode()


def test_an_allegation_is_recorded_later_and_withdrawn(alice, family):
    from haven.people import allegations
    from haven.people.models import Relationship

    link = Relationship.objects.get(person=family["child"], other=family["mother"])
    with pytest.raises(DomainError) as refused:
        allegations.record_allegation(link, alleged=False, reason="", by=alice)
    assert sorted(refused.value.codes) == ["allegation_unchanged", "reason_required"]
    allegations.record_allegation(
        link, alleged=True, reason="Strategy discussion, 3 March", by=alice
    )
    drawn = network.family_network(family["child"], alice)
    mother = next(r for r in drawn.relatives if r.name == "Harriet Quenby")
    assert mother.alleged_perpetrator and mother.link_pk == link.pk
    for stream in (family["child"], family["mother"]):
        event = JournalEvent.objects.get(
            person=stream, type="people.allegation_recorded"
        )
        assert event.payload["words"] == (
            "Harriet Quenby is alleged to have harmed Marnie Quenby"
        )
        assert event.reason == "Strategy discussion, 3 March"
    allegations.record_allegation(
        link, alleged=False, reason="Recorded in error", by=alice
    )
    link.refresh_from_db()
    assert not link.alleged_perpetrator


def test_a_worker_in_another_team_may_not_record_an_allegation(bob, family):
    from haven.people import allegations
    from haven.people.models import Relationship

    link = Relationship.objects.get(person=family["child"], other=family["mother"])
    with pytest.raises(AccessDenied):
        allegations.record_allegation(link, alleged=True, reason="x", by=bob)


def test_the_allegation_page_refuses_a_relationship_of_another_child(
    client, alice, mona, family
):
    other_child = _register("Ottilie", mona)
    link = services.record_relationship(
        other_child, other=family["mother"], kind=K.MOTHER, by=mona
    )
    client.force_login(alice)
    url = reverse("people:allegation", args=[family["child"].pk, link.pk])
    assert client.get(url).status_code == 404
