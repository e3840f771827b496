"""Typed readers for Haven's environment variables.

Configuration comes from the environment only; each reader refuses a value it cannot
understand rather than guessing, so a typo in production fails at start-up.
"""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = minimum - 1
    if value < minimum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of at least {minimum}, not {raw!r}"
        )
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_str(name: str, default: str) -> str:
    raw = os.environ.get(name, "").strip()
    return raw or default


def env_choice(name: str, choices: tuple[str, ...]) -> str:
    """One of `choices` (the first is the default), refusing any other word."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return choices[0]
    if raw not in choices:
        raise ImproperlyConfigured(
            f"{name} must be one of {', '.join(choices)}, not {raw!r}"
        )
    return raw


def env_la_code(name: str) -> str:
    """A DfE local authority number: 3 digits (the CIN census header's LEA, and
    the first three digits of a UPN the authority issues), or empty if unset."""
    raw = os.environ.get(name, "").strip()
    if raw and not (len(raw) == 3 and raw.isdigit()):
        raise ImproperlyConfigured(
            f"{name} must be the authority's 3-digit DfE local authority number, "
            f"not {raw!r}"
        )
    return raw


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name, "").strip()
    return Path(raw) if raw else default


def secret_key(var_dir: Path) -> str:
    """The key from HAVEN_SECRET_KEY, or else a random one kept under var/.

    Never a fixed default: a key published in the source would let anyone forge
    sessions. Servers behind one load balancer must share HAVEN_SECRET_KEY.
    """
    return _kept_secret("HAVEN_SECRET_KEY", var_dir / "secret_key")


def journal_key(var_dir: Path) -> str:
    """The key that seals the journal's chain, from HAVEN_JOURNAL_KEY or var/.

    Kept outside the database so that someone who can write the journal table
    cannot recompute a valid chain after editing it. Every server, and wherever
    `verify_journal` runs, must share it; losing it means old links cannot be
    checked.
    """
    return _kept_secret("HAVEN_JOURNAL_KEY", var_dir / "journal_key")


def _kept_secret(name: str, key_file: Path) -> str:
    key = os.environ.get(name, "").strip()
    if key:
        return key
    if key_file.exists():
        return key_file.read_text().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key
