"""Form tests run against the demo authority with the reference data that
migrations write (the default oversight policy, say) restored for each test:
a transactional test's flush would otherwise delete it for the tests after."""

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/forms/" in str(item.fspath):
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )
