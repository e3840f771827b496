"""The server's workers freeze what start-up made out of the collector's scans
(haven/core/collector.py): the WSGI module does it once loaded."""

import gc
import importlib
import sys


def test_loading_the_wsgi_application_freezes_start_up():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    sys.modules.pop("haven.wsgi", None)
    try:
        importlib.import_module("haven.wsgi")
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
