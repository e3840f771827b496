"""The public validators' own virtual environment, made on first use.

The DfE's rules are re-implemented by councils' analysts in two PyPI packages
(requirements.txt beside this file) that pin pandas < 2 and numpy 1.24. They
live in a virtual environment of their own under HAVEN_VALIDATORS_DIR, made
with the interpreter Haven runs on, and runner.py is run there as a
subprocess, so Haven's own libraries stay modern.

Two processes may ask at once (CI runs the SQLite and PostgreSQL suites side
by side): making the environment holds an exclusive lock on a file beside it,
and a marker holding the requirements' digest is written only once pip has
finished. An environment without the marker (a run cut short) or with another
digest (the pins changed) is removed and made again.

`python -m haven.returns.validators.env` (make validators) makes it ahead.
"""

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

REQUIREMENTS = Path(__file__).with_name("requirements.txt")
MARKER = "haven-complete"


class EnvironmentFailed(RuntimeError):
    """The validators' environment could not be made (pip's words follow)."""


def directory() -> Path:
    return Path(settings.HAVEN_VALIDATORS_DIR)


def python(root: Path | None = None) -> Path:
    """The validators' interpreter, the environment made first if need be."""
    root = root or directory()
    ensure(root)
    return root / "env" / "bin" / "python"


def digest() -> str:
    return hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()


def is_ready(root: Path, wanted: str | None = None) -> bool:
    marker = root / "env" / MARKER
    wanted = wanted or digest()
    return marker.is_file() and marker.read_text().strip() == wanted


def ensure(root: Path) -> bool:
    """Make the environment under root unless it is complete; True if made."""
    return made_once(root, digest(), _make)


def made_once(root: Path, wanted: str, make: Callable[[Path], None]) -> bool:
    """Run make(root/"env") unless a complete one for `wanted` is there.

    Whoever holds the lock makes it; the others wait, then find it made. The
    marker is written last, so an environment cut short is made again."""
    if is_ready(root, wanted):
        return False
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if is_ready(root, wanted):
                return False
            env = root / "env"
            shutil.rmtree(env, ignore_errors=True)  # half made, or old pins
            make(env)
            (env / MARKER).write_text(wanted + "\n")
            return True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _make(env: Path) -> None:
    _run([base_interpreter(), "-m", "venv", str(env)])
    pip = [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    # Every package is pinned, its dependencies too, so no others come in.
    _run([*pip, "--no-deps", "-r", str(REQUIREMENTS)])


def base_interpreter() -> str:
    """The interpreter Haven's own virtual environment was made from."""
    base = getattr(sys, "_base_executable", "") or sys.executable
    return base if Path(base).exists() else sys.executable


def _run(command: list[str]) -> None:
    quiet = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    quiet.pop("PYTHONPATH", None)
    quiet.pop("VIRTUAL_ENV", None)
    done = subprocess.run(command, capture_output=True, text=True, env=quiet)
    if done.returncode != 0:
        raise EnvironmentFailed(
            f"Could not make the validators' environment ({' '.join(command)}): "
            f"{done.stderr.strip() or done.stdout.strip()}"
        )


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    django.setup()
    made = ensure(directory())
    print(f"{'Made' if made else 'Already made'}: {directory() / 'env'}")
