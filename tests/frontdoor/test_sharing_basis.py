"""Issue 11 item 9: consent recorded as the information-sharing basis, with
"shared without consent, with the reason" (UK GDPR / DPA 2018)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from haven.core.errors import DomainError
from haven.frontdoor import services
from haven.frontdoor.chronology import WORDS
from haven.frontdoor.codes import ConsentStatus
from haven.frontdoor.models import Contact
from tests.frontdoor.conftest import details

pytestmark = pytest.mark.django_db


def test_the_bases_are_consent_risk_and_without_consent():
    assert ConsentStatus.values == ["given", "not_sought_risk", "without_consent"]
    assert "UK GDPR" in ConsentStatus.WITHOUT_CONSENT.label


def test_shared_without_consent_needs_its_reason(wednesday, fred, child):
    with pytest.raises(DomainError) as refused:
        services.record_contact(
            details(consent=ConsentStatus.WITHOUT_CONSENT, consent_reason=" "),
            [child],
            by=fred,
        )
    assert refused.value.field == "consent_reason"
    contact = services.record_contact(
        details(
            consent=ConsentStatus.WITHOUT_CONSENT,
            consent_reason="Serious harm likely if we wait for the parents",
        ),
        [child],
        by=fred,
    )
    assert contact.get_consent_display().startswith("Shared without consent")


def test_old_journal_entries_are_worded_with_the_new_basis():
    words = WORDS["frontdoor.contact_received"](
        {"source": "2A", "consent": "not_sought"}
    )
    assert "shared without consent" in words


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_old_consent_codes_keeping_reasons(fred, child):
    executor = MigrationExecutor(connection)
    executor.migrate([("frontdoor", "0003_decision_threshold_urgency_specialist")])
    old = executor.loader.project_state(
        [("frontdoor", "0003_decision_threshold_urgency_specialist")]
    ).apps.get_model("frontdoor", "Contact")
    made = {}
    for code in ("given", "not_needed_risk", "not_sought"):
        made[code] = old.objects.create(
            received_at=details()["received_at"],
            source="2A",
            concerns="Concerns",
            consent=code,
            consent_reason="" if code == "given" else f"Reason for {code}",
            recorded_by_id=fred.pk,
            recorded_at=details()["received_at"],
        ).pk
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # every app forward again
    after = {
        pk: (c, r)
        for pk, c, r in Contact.objects.values_list("pk", "consent", "consent_reason")
    }
    assert after[made["given"]] == ("given", "")
    assert after[made["not_needed_risk"]] == (
        "not_sought_risk",
        "Reason for not_needed_risk",
    )
    assert after[made["not_sought"]] == ("without_consent", "Reason for not_sought")
