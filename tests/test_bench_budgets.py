"""The benchmark's budgets (bench/budgets.py): a figure over its budget is
reported OVER and makes `make bench` fail; one within it, or with no budget,
does not."""

from bench import budgets
from bench.budgets import SERVICE_MANAGER, WORKER, Figure, Timing


def page(p95: float, *, audience: str = WORKER, floor: float | None = 5.0) -> Figure:
    return Figure(
        "a child's page (alice)",
        "page",
        audience,
        Timing(median=p95 / 2, p95=p95),
        queries=20,
        floor=None if floor is None else Timing(floor, floor),
    )


def test_a_page_within_its_budget_is_ok() -> None:
    figure = page(40)
    assert budgets.verdict(figure) == "OK"
    assert budgets.overs(figure) == []
    assert budgets.exit_status([figure]) == 0


def test_a_page_over_its_p95_is_over_and_fails_the_run() -> None:
    slow = page(50)  # the budget is under 50 ms
    assert budgets.verdict(slow) == "OVER"
    assert budgets.overs(slow) == ["p95 50.0 >= 50 ms"]
    assert budgets.exit_status([page(40), slow]) == 1


def test_a_service_manager_has_twice_the_time() -> None:
    assert budgets.verdict(page(90, audience=SERVICE_MANAGER, floor=10)) == "OK"
    assert budgets.verdict(page(100, audience=SERVICE_MANAGER, floor=10)) == "OVER"


def test_a_page_more_than_five_times_its_floor_is_over() -> None:
    # A median of 20 ms over a floor of 3 ms: within 50 ms, not within 5x.
    figure = page(40, floor=3.0)
    assert budgets.overs(figure) == ["median 6.7x floor > 5x"]
    assert budgets.verdict(page(40, floor=4.0)) == "OK"


def test_a_page_without_a_floor_is_over() -> None:
    assert budgets.overs(page(40, floor=None)) == ["no floor measured"]


def test_access_checks_and_writes_have_their_budgets() -> None:
    check = Figure("access, again", "access", "", Timing(0.2, 1.0))
    write = Figure("write: case note, POST", "write", "", Timing(10, 14.9))
    assert budgets.overs(check) == ["p95 1.0 >= 1 ms"]
    assert budgets.verdict(write) == "OK"


def test_a_figure_without_a_budget_is_shown_and_never_fails() -> None:
    first = Figure("access, first in a request", "access (first)", "", Timing(30, 40))
    assert budgets.verdict(first) == "-"
    assert budgets.exit_status([first]) == 0
    assert "none (information)" in budgets.summary([first], "sqlite")


def test_the_summary_shows_every_figure_with_its_floor_and_verdict() -> None:
    table = budgets.summary([page(40), page(60)], "sqlite: 10 children")
    lines = table.strip().splitlines()
    assert "figure" in lines[1] and "floor ms" in lines[1] and "OK/OVER" in lines[1]
    assert [line.rstrip().split(" | ")[-1].strip() for line in lines[3:5]] == [
        "OK",
        "OVER",
    ]
    assert "5.00 / 5.00" in lines[3]
    assert "1 of 2 figures over budget" in table
    assert "OVER a child's page (alice): p95 60.0 >= 50 ms" in table


def test_every_page_the_issue_names_has_a_budget_for_each_audience() -> None:
    for audience in (WORKER, SERVICE_MANAGER):
        assert budgets.budget_for(page(1, audience=audience)) is not None


def test_the_95th_percentile_is_the_nearest_rank() -> None:
    assert budgets.timing([float(n) for n in range(1, 21)]) == Timing(10.5, 19.0)
    assert budgets.timing([3.0, 1.0, 2.0]) == Timing(2.0, 3.0)


def test_the_floor_rule_is_held_on_postgresql_and_shown_on_sqlite() -> None:
    # A median of 20 ms over a floor of 1 ms: twenty times it.
    on = {db: page(40, floor=1.0) for db in ("postgresql", "sqlite")}
    on = {db: Figure(**{**vars(f), "database": db}) for db, f in on.items()}
    assert budgets.overs(on["postgresql"]) == ["median 20.0x floor > 5x"]
    assert budgets.verdict(on["sqlite"]) == "OK"
    assert "20x floor: information on SQLite" in budgets.row(on["sqlite"])[5]
    slow = Figure(**{**vars(page(60, floor=1.0)), "database": "sqlite"})
    assert budgets.overs(slow) == ["p95 60.0 >= 50 ms"]  # its p95 is still held


def test_the_whereabouts_board_has_issue_14s_budgets_for_everyone() -> None:
    for audience in (WORKER, SERVICE_MANAGER):
        today = Figure("board", "board", audience, Timing(40, 99), 9, Timing(10, 10))
        past = Figure(
            "board, a year ago",
            "board (a past day)",
            audience,
            Timing(60, 299),
            9,
            Timing(20, 20),
        )
        assert budgets.overs(today) == []
        assert budgets.overs(past) == []
        slow = Figure("board", "board", audience, Timing(40, 100), 9, Timing(10, 10))
        assert budgets.overs(slow) == ["p95 100.0 >= 100 ms"]
        far = Figure(
            "board", "board (a past day)", audience, Timing(60, 80), 9, Timing(10, 10)
        )
        assert budgets.overs(far) == ["median 6.0x floor > 5x"]


def test_the_forecast_page_has_issue_17s_budget() -> None:
    from bench.budgets import FINANCE

    quick = Figure("forecast", "forecast", FINANCE, Timing(200, 499), 9)
    slow = Figure("forecast", "forecast", FINANCE, Timing(200, 500), 9)
    assert budgets.overs(quick) == []
    assert budgets.overs(slow) == ["p95 500.0 >= 500 ms"]


def test_every_dashboard_has_issue_20s_budget() -> None:
    from bench.budgets import SERVICE_MANAGER, TEAM_MANAGER

    for audience in (SERVICE_MANAGER, TEAM_MANAGER):
        quick = Figure("dashboard", "dashboard", audience, Timing(200, 499), 90)
        slow = Figure("dashboard", "dashboard", audience, Timing(200, 500), 90)
        assert budgets.overs(quick) == []
        assert budgets.overs(slow) == ["p95 500.0 >= 500 ms"]
