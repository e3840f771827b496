"""Run a command against a throwaway PostgreSQL cluster, then remove the cluster.

    python -m tests.pgcluster pytest -q

The cluster lives in a temporary directory, listens only on a Unix socket there,
and is stopped and deleted whatever the command's outcome. PostgreSQL refuses to run
as root, so as root the cluster runs as the machine's `postgres` user.
"""

import contextlib
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

USER = "haven"
DATABASE = "haven"


def _bin(name: str) -> str:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    found = candidates[0] if candidates else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install Debian's postgresql package")
    return found


def _as_cluster_owner(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@contextlib.contextmanager
def cluster(durable: bool = False) -> Iterator[str]:
    """Start a cluster; yield its database URL; stop and delete it. A durable
    one flushes every commit to disk, as a real server does."""
    root = Path(tempfile.mkdtemp(prefix="haven-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres")
    data = root / "data"
    quiet = {"stdout": subprocess.DEVNULL}
    try:
        subprocess.run(
            _as_cluster_owner(
                [
                    _bin("initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    USER,
                    "-E",
                    "UTF8",
                ]
            ),
            check=True,
            **quiet,
        )
        # fsync off for the tests: this cluster is thrown away, never a real
        # one. The benchmarks keep it on, so a write pays what it would.
        options = f"-k {root} -c listen_addresses=''" + (
            "" if durable else " -c fsync=off"
        )
        subprocess.run(
            _as_cluster_owner(
                [
                    _bin("pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(root / "log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            **quiet,
        )
        subprocess.run(
            _as_cluster_owner(
                [_bin("createdb"), "-h", str(root), "-U", USER, DATABASE]
            ),
            check=True,
        )
        yield f"postgres://{USER}@/{DATABASE}?host={root}"
    finally:
        subprocess.run(
            _as_cluster_owner(
                [_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
            ),
            check=False,
            **quiet,
        )
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str]) -> int:
    if not argv:
        sys.exit("usage: python -m tests.pgcluster COMMAND [ARGS...]")
    with cluster() as url:
        env = {**os.environ, "HAVEN_DATABASE_URL": url}
        return subprocess.run(argv, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
