"""The production settings, served over plain HTTP by the test servers."""

from haven.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Hashing is slow on purpose; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A fixed journal key so test runs never create var/journal_key.
HAVEN_JOURNAL_KEY = "test-journal-key-not-secret"
