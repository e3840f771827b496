import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from haven.core.config import env_bool, env_int, env_list, journal_key, secret_key

ROOT = Path(__file__).resolve().parents[2]


def test_env_bool_reads_words_and_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("HAVEN_X", "yes")
    assert env_bool("HAVEN_X", default=False) is True
    monkeypatch.setenv("HAVEN_X", "off")
    assert env_bool("HAVEN_X", default=True) is False
    monkeypatch.setenv("HAVEN_X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="HAVEN_X must be true or false"):
        env_bool("HAVEN_X", default=False)


def test_env_bool_uses_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("HAVEN_X", raising=False)
    assert env_bool("HAVEN_X", default=True) is True


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HAVEN_HOSTS", " a.example, b.example ,,")
    assert env_list("HAVEN_HOSTS", []) == ["a.example", "b.example"]


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("HAVEN_SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) >= 50
    assert secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_secret_key_from_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_SECRET_KEY", "k" * 60)
    assert secret_key(tmp_path) == "k" * 60


def test_the_journal_key_is_kept_apart_from_the_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("HAVEN_SECRET_KEY", raising=False)
    monkeypatch.delenv("HAVEN_JOURNAL_KEY", raising=False)
    first = journal_key(tmp_path)
    assert journal_key(tmp_path) == first != secret_key(tmp_path)
    assert (tmp_path / "journal_key").stat().st_mode & 0o777 == 0o600
    monkeypatch.setenv("HAVEN_JOURNAL_KEY", "j" * 60)
    assert journal_key(tmp_path) == "j" * 60


def _settings_in_subprocess(env: dict[str, str], expression: str) -> str:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='haven.settings'; "
        f"django.setup(); from django.conf import settings; print({expression})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_sqlite_is_opened_in_wal_mode_with_full_sync_and_foreign_keys(tmp_path):
    database = tmp_path / "haven.sqlite3"
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='haven.settings'; "
        "django.setup(); from django.db import connection; c = connection.cursor(); "
        "print([c.execute(f'PRAGMA {p}').fetchone()[0] for p in "
        "('journal_mode', 'synchronous', 'foreign_keys')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "HAVEN_DATABASE_URL": f"sqlite:///{database}"},
        capture_output=True,
        text=True,
        check=True,
    )
    # synchronous=FULL is 2.
    assert result.stdout.strip() == "['wal', 2, 1]"
    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone() == (
        "wal",
    )


def test_debug_is_off_unless_asked_for():
    assert _settings_in_subprocess({"HAVEN_DEBUG": ""}, "settings.DEBUG") == "False"
    assert _settings_in_subprocess({"HAVEN_DEBUG": "true"}, "settings.DEBUG") == "True"


def test_the_database_url_selects_postgresql():
    engine = _settings_in_subprocess(
        {"HAVEN_DATABASE_URL": "postgres://u:p@db.example/haven"},
        "settings.DATABASES['default']['ENGINE']",
    )
    assert engine == "django.db.backends.postgresql"


def test_deploy_checks_pass_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "HAVEN_DEBUG": "false",
        "HAVEN_SECRET_KEY": "a-long-random-production-key-" + "x7Qp" * 12,
        "HAVEN_ALLOWED_HOSTS": "haven.council.example",
        "HAVEN_DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "haven.settings",
    }
    env.pop("HAVEN_HTTPS", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_env_int_reads_whole_numbers_and_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("HAVEN_X", " 14 ")
    assert env_int("HAVEN_X", 7) == 14
    monkeypatch.setenv("HAVEN_X", "")
    assert env_int("HAVEN_X", 7) == 7
    for bad in ("a week", "-1", "7.5"):
        monkeypatch.setenv("HAVEN_X", bad)
        with pytest.raises(ImproperlyConfigured, match="whole number"):
            env_int("HAVEN_X", 7)


def test_postgresql_connections_never_jit_compile(monkeypatch):
    from haven import settings

    monkeypatch.setenv("HAVEN_DATABASE_URL", "postgres://haven@/haven?host=/tmp/x")
    database = settings._database()
    assert "-c jit=off" in database["OPTIONS"]["options"]
    monkeypatch.setenv("HAVEN_DATABASE_URL", "sqlite:////tmp/haven-x.sqlite3")
    assert "options" not in settings._database()["OPTIONS"]
