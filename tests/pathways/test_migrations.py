"""The links between the front door, children in need and early help were bare
integers; the migrations make them foreign keys and carry every link over (issue
11 item 19). A link to a record that no longer exists is dropped, not kept as a
broken key."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from haven.cin.models import CinEpisode
from haven.core import clock
from haven.earlyhelp.models import EarlyHelpRequest
from haven.frontdoor.models import ContactChild
from haven.pathways.models import DecisionOutcome
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("frontdoor", "0008_referral_source_dfe_wording"),
    ("cin", "0006_primary_need_from_dfe_code_list"),
    ("earlyhelp", "0007_date_periods"),
    ("pathways", None),
]
MISSING = 987654


def _old_contact(apps, user):
    return apps.get_model("frontdoor", "Contact").objects.create(
        received_at=clock.now(),
        source="5D",
        concerns="Worries at school",
        consent="given",
        recorded_by_id=user.pk,
        recorded_at=clock.now(),
    )


def _old_records(apps, user, child, sister):
    """As the integers held them: a referral and a request from one contact,
    a step up from a request, and a second decision passed to the episode."""
    contact, step_up = _old_contact(apps, user), _old_contact(apps, user)
    episode = apps.get_model("cin", "CinEpisode").objects.create(
        person_id=child.pk,
        referral_date=clock.today(),
        source="5D",
        contact_id=contact.pk,
    )
    gone = apps.get_model("cin", "CinEpisode").objects.create(
        person_id=sister.pk,
        referral_date=clock.today() - dt.timedelta(days=90),
        closed_on=clock.today() - dt.timedelta(days=60),
        source="2A",
        contact_id=MISSING,
    )
    request = apps.get_model("earlyhelp", "EarlyHelpRequest").objects.create(
        person_id=sister.pk,
        requested_on=clock.today(),
        reason="Routines",
        source="contact",
        contact_id=contact.pk,
        stepped_up_contact_id=step_up.pk,
        cin_episode_id=episode.pk,
        created_at=clock.now(),
        created_by_id=user.pk,
    )
    named = apps.get_model("frontdoor", "ContactChild")
    named.objects.create(contact=contact, person_id=child.pk, episode_id=episode.pk)
    named.objects.create(
        contact=contact, person_id=sister.pk, early_help_request_id=request.pk
    )
    named.objects.create(
        contact=step_up, person_id=child.pk, episode_id=episode.pk, passed_to_open=True
    )
    named.objects.create(contact=step_up, person_id=sister.pk, episode_id=MISSING)
    return contact, step_up, episode, gone, request


def test_the_links_become_keys_and_keep_every_link():
    user = get_user_model().objects.create_user(username="migrator")
    child, sister = ChildFactory(), ChildFactory()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(
        [target for target in BEFORE if target[1] is not None]
    ).apps
    contact, step_up, episode, gone, request = _old_records(old, user, child, sister)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert CinEpisode.objects.get(pk=episode.pk).contact_id == contact.pk
    assert CinEpisode.objects.get(pk=gone.pk).contact_id is None
    migrated = EarlyHelpRequest.objects.get(pk=request.pk)
    assert (migrated.contact_id, migrated.stepped_up_contact_id) == (
        contact.pk,
        step_up.pk,
    )
    assert migrated.cin_episode_id == episode.pk
    outcomes = {
        (o.decision.contact_id, o.decision.person_id): (
            o.episode_id,
            o.early_help_request_id,
        )
        for o in DecisionOutcome.objects.select_related("decision")
    }
    assert outcomes == {
        (contact.pk, child.pk): (episode.pk, None),
        (contact.pk, sister.pk): (None, request.pk),
        (step_up.pk, child.pk): (episode.pk, None),
    }
    assert ContactChild.objects.get(contact_id=step_up.pk, person=child).passed_to_open
