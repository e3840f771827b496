"""What one step of the load test measured, which step is the baseline, and
the table that shows them. Pure: no locust, no server."""

from dataclasses import dataclass, field

# The target: the slowest one request in twenty answered within half a second.
P95_LIMIT_MS = 500.0


@dataclass(frozen=True)
class Page:
    """One kind of request in a step: a page, or a form's POST."""

    name: str
    requests: int
    median_ms: float
    p95_ms: float
    errors: int


@dataclass(frozen=True)
class Step:
    """A step: `users` at work for `seconds`, and what they were served."""

    users: int
    seconds: float
    requests: int
    median_ms: float
    p95_ms: float
    errors: int
    # CPU the load generator itself used, as a share of one core: it runs on
    # the server's own two cores, so what it takes the server does not get.
    locust_cpu: float = 0.0
    pages: tuple[Page, ...] = field(default=())
    error_messages: tuple[str, ...] = field(default=())

    @property
    def rate(self) -> float:
        """Requests a second."""
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def passed(self) -> bool:
        return self.requests > 0 and self.errors == 0 and self.p95_ms < P95_LIMIT_MS


def baseline(steps: list[Step]) -> Step | None:
    """The step served at the highest rate with p95 under the limit and no
    errors: the load Haven carries as it should."""
    passing = [step for step in steps if step.passed]
    return max(passing, key=lambda step: step.rate, default=None)


def table(steps: list[Step]) -> str:
    best = baseline(steps)
    return "\n".join(
        [HEADER]
        + [row(step) + ("  <- baseline" if step is best else "") for step in steps]
    )


HEADER = (
    f"{'users':>6} {'req/s':>8} {'median':>9} {'p95':>9} {'errors':>7}"
    f" {'locust CPU':>11}"
)


def row(step: Step) -> str:
    return (
        f"{step.users:>6} {step.rate:>8.1f} {step.median_ms:>6.0f} ms"
        f" {step.p95_ms:>6.0f} ms {step.errors:>7} {step.locust_cpu:>11.0%}"
        f"  {'ok' if step.passed else 'over target'}"
    )


def pages_table(step: Step) -> str:
    lines = [f"  {'request':34} {'count':>7} {'median':>9} {'p95':>9} {'errors':>7}"]
    for page in sorted(step.pages, key=lambda p: (-p.requests, p.name)):
        lines.append(
            f"  {page.name:34} {page.requests:>7} {page.median_ms:>6.0f} ms"
            f" {page.p95_ms:>6.0f} ms {page.errors:>7}"
        )
    return "\n".join(lines)
