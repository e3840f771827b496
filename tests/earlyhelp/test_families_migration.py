"""Requests made before families keep their child: the migration names the
request's one child among its children."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from haven.core import clock
from haven.earlyhelp.models import EarlyHelpRequest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_migration_moves_each_requests_child_into_its_children(child, alice):
    before = [("earlyhelp", "0003_closure_outcome_universal_services")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model(
        "earlyhelp", "EarlyHelpRequest"
    )
    made = old.objects.create(
        person_id=child.pk,
        requested_on=clock.today(),
        reason="Routines",
        source="direct",
        created_at=clock.now(),
        created_by_id=alice.pk,
    )

    executor = MigrationExecutor(connection)
    # Every app forward again: apps that depend on early help were unapplied too.
    executor.migrate(executor.loader.graph.leaf_nodes())
    request = EarlyHelpRequest.objects.get(pk=made.pk)
    assert list(request.children.all()) == [child]
