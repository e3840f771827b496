"""The server's workers freeze what start-up made out of the collector's scans
(haven/core/collector.py): the WSGI module does it once loaded."""

import gc
import importlib
import sys

from django.core.signals import request_finished
from django.db import close_old_connections

from haven.core import collector


def test_loading_the_wsgi_application_freezes_start_up():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    sys.modules.pop("haven.wsgi", None)
    try:
        importlib.import_module("haven.wsgi")
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        request_finished.disconnect(dispatch_uid=collector.UID)


def test_what_the_first_requests_leave_alive_is_frozen_once():
    gc.unfreeze()
    # As Django's test client does: a request's end without the database's
    # own receiver, which would open a connection this test may not use.
    request_finished.disconnect(close_old_connections)
    try:
        collector.settle()
        frozen = gc.get_freeze_count()
        kept = [[n] for n in range(1000)]  # a cache the first requests filled
        for _ in range(collector.SETTLE_AGAIN_AFTER - 1):
            request_finished.send(sender=None)
        assert gc.get_freeze_count() == frozen
        request_finished.send(sender=None)
        assert gc.get_freeze_count() >= frozen + len(kept)
        more = [[n] for n in range(1000)]
        request_finished.send(sender=None)  # once only: no longer listening
        assert gc.get_freeze_count() < frozen + len(kept) + len(more)
    finally:
        gc.unfreeze()
        request_finished.disconnect(dispatch_uid=collector.UID)
        request_finished.connect(close_old_connections)
