"""Form tests start from the demo authority with the reference data that data
migrations write (the default oversight policy) put back: the flush after each
transactional test deletes it, and the oversight report needs it."""

import importlib

import pytest
from django.apps import apps

from haven.casework.models import OversightPolicy

DEFAULT_POLICY = importlib.import_module(
    "haven.casework.migrations.0002_default_oversight_policy"
)


@pytest.fixture(autouse=True)
def migrated_reference_data(
    transactional_db: None, request: pytest.FixtureRequest
) -> None:
    # The demo is copied over the whole database (tests/snapshots.py): first.
    if "demo" in request.fixturenames:
        request.getfixturevalue("demo")
    if not OversightPolicy.objects.exists():
        DEFAULT_POLICY.add_defaults(apps, None)
