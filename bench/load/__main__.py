"""`make bench-load`: the highest request rate Haven serves on two cores with
p95 under 500 ms and no errors, for a working day's mix of reads and writes.

    python -m bench.load [--children 1000] [--years 5] [--seed 1]
        [--database sqlite|postgres] [--steps 5,10,15,...]
        [--step-seconds 40] [--think 1]

Serves a copy of the cached large authority (built first if missing) with
gunicorn, two workers, as `make run` does; then locust's users
(bench/load/locustfile.py) sign in as the authority's staff and work, in steps
of more users at once. Each step is measured once everyone in it has signed
in, for --step-seconds; the run stops at the first step over the target. The
baseline is the step served at the highest rate within the target; the exit
status is 1 if no step was.

locust runs on the same two cores as the server and takes its share of them
(shown per step), so the figure is conservative: a server with its cores to
itself serves more.
"""

# locust patches the standard library for gevent: before anything else loads.
import locust  # noqa: F401, I001

import argparse
import os
import sys
import time
from pathlib import Path

import gevent
from locust.env import Environment
from locust.runners import STATE_RUNNING, Runner

from bench.authority import parser
from bench.load import server
from bench.load.steps import (
    HEADER,
    P95_LIMIT_MS,
    Page,
    Step,
    baseline,
    pages_table,
    row,
    table,
)
from bench.run import _built

STEPS = "5,10,15,20,25,30,40,50,60,80"


def arguments() -> argparse.Namespace:
    parse = parser()
    parse.description = __doc__.split("\n\n")[0]
    parse.add_argument(
        "--steps", default=STEPS, help="users at once in each step (comma-separated)"
    )
    parse.add_argument("--step-seconds", type=float, default=40.0)
    parse.add_argument(
        "--settle", type=float, default=5.0, help="seconds after sign-in, unmeasured"
    )
    parse.add_argument("--think", type=float, default=1.0, help="seconds a user pauses")
    parse.add_argument("--spawn-rate", type=float, default=5.0)
    parse.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    args = parse.parse_args()
    args.steps = [int(n) for n in args.steps.split(",")]
    return args


def main() -> None:
    args = arguments()
    built = _built(args)
    print(
        f"== load on {args.database}: {args.children} children, {args.years} years =="
    )
    with (
        server.scratch_directory() as scratch,
        server.database(args, built, scratch) as url,
    ):
        env = server.environment(url, scratch)
        world = scratch / "world.json"
        server.prepare_world(env, world)
        with server.gunicorn(env, scratch, args.workers) as host:
            steps = run_steps(host, world, args)
    print(f"\nsteps of {args.step_seconds:.0f} s, target p95 < {P95_LIMIT_MS:.0f} ms")
    print(table(steps))
    best = baseline(steps)
    if best is None:
        print("no step met the target")
        sys.exit(1)
    print(f"\nbaseline: {best.rate:.1f} requests a second ({best.users} users)")
    print(pages_table(best))
    print(
        "locust ran on the server's own cores (its share is shown above): the "
        "baseline is conservative"
    )


def run_steps(host: str, world: Path, args: argparse.Namespace) -> list[Step]:
    os.environ["BENCH_LOAD_WORLD"] = str(world)
    os.environ["BENCH_LOAD_THINK"] = str(args.think)
    from bench.load import locustfile

    users = [locustfile.SocialWorker, locustfile.Manager, locustfile.FrontDoor]
    environment = Environment(user_classes=users, host=host)  # type: ignore[arg-type]
    runner = environment.create_local_runner()
    steps: list[Step] = []
    print(HEADER)
    try:
        for count in args.steps:
            step = _step(environment, runner, count, args)
            steps.append(step)
            print(row(step), flush=True)
            if not step.passed:
                for message in step.error_messages[:10]:
                    print(f"    {message}")
                break
    finally:
        runner.quit()
    return steps


def _step(
    environment: Environment, runner: Runner, count: int, args: argparse.Namespace
) -> Step:
    from bench.load import locustfile

    runner.start(count, spawn_rate=args.spawn_rate)
    refused_before = len(locustfile.sign_in_failures)
    _wait_for_everyone(runner, count)
    gevent.sleep(args.settle)
    environment.stats.reset_all()
    crashed_before = _exceptions(runner)
    started, cpu = time.monotonic(), time.process_time()
    gevent.sleep(args.step_seconds)
    took = time.monotonic() - started
    cpu = (time.process_time() - cpu) / took
    refused = locustfile.sign_in_failures[refused_before:]
    crashed = _exceptions(runner) - crashed_before
    return _measured(environment, count, took, cpu, refused, crashed)


def _wait_for_everyone(runner: Runner, count: int) -> None:
    """Until all `count` users are spawned and signed in."""
    from bench.load import locustfile

    deadline = time.monotonic() + 120 + count * 2
    while time.monotonic() < deadline:
        if runner.state == STATE_RUNNING and locustfile.signing_in == 0:
            return
        gevent.sleep(0.2)
    raise SystemExit(f"{count} users did not all sign in in time")


def _exceptions(runner: Runner) -> int:
    """Errors in the test's own code (a page without the form it should have)."""
    return sum(int(e["count"]) for e in runner.exceptions.values())


def _measured(
    environment: Environment,
    count: int,
    took: float,
    cpu: float,
    refused: list[str],
    crashed: int,
) -> Step:
    stats = environment.stats
    total = stats.total
    messages = [
        f"{e.occurrences} x {e.method} {e.name}: {e.error}"
        for e in stats.errors.values()
    ]
    messages += [f"{who} could not sign in" for who in refused]
    messages += [f"{crashed} x the test's own code failed"] if crashed else []
    return Step(
        users=count,
        seconds=took,
        requests=total.num_requests,
        median_ms=float(total.median_response_time or 0),
        p95_ms=float(total.get_response_time_percentile(0.95) or 0),
        errors=total.num_failures + len(refused) + crashed,
        locust_cpu=cpu,
        pages=tuple(
            Page(
                name=entry.name,
                requests=entry.num_requests,
                median_ms=float(entry.median_response_time or 0),
                p95_ms=float(entry.get_response_time_percentile(0.95) or 0),
                errors=entry.num_failures,
            )
            for entry in stats.entries.values()
            if entry.num_requests
        ),
        error_messages=tuple(messages),
    )


if __name__ == "__main__":
    main()
