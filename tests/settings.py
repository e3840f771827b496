"""The production settings, served over plain HTTP by the test servers."""

import os
import tempfile
from pathlib import Path

from haven.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Hashing is slow on purpose; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A fixed journal key, so a test run does not depend on a developer's var/journal_key.
HAVEN_JOURNAL_KEY = "test-journal-key-not-secret"
# Checkpoints a developer wrote to var/ must not be checked against test databases.
HAVEN_JOURNAL_CHECKPOINT_DIR = Path(tempfile.mkdtemp(prefix="haven-checkpoints-"))
# Most tests sign in with force_login and no authenticator app; the MFA tests
# switch this on with the settings fixture.
HAVEN_REQUIRE_MFA = False
# Every reuse of shared access rules is checked against a fresh build; the
# benchmarks, which use these settings too, turn it off to time what serves.
HAVEN_CHECK_SHARED_ACCESS_RULES = (
    os.environ.get("HAVEN_CHECK_SHARED_ACCESS_RULES", "true") == "true"
)
# Each test process keeps the dashboard's panels in its own memory, never in a
# developer's var/cache/ (whose panels were worked out from another database).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
