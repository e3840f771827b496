"""The load test's own logic (bench/load/): which step is the baseline, and
what a browser would send back from a form. The load itself runs only by
`make bench-load`."""

from bench.load.forms import filled, form_with
from bench.load.steps import Step, baseline, table


def step(users: int, requests: int, p95: float, errors: int = 0) -> Step:
    return Step(
        users=users,
        seconds=10,
        requests=requests,
        median_ms=50,
        p95_ms=p95,
        errors=errors,
    )


def test_the_baseline_is_the_fastest_step_within_the_target():
    steps = [step(10, 100, 120), step(20, 200, 300), step(30, 250, 499)]
    assert baseline(steps) == steps[2]


def test_a_step_over_half_a_second_at_p95_or_with_an_error_is_not_the_baseline():
    steps = [step(10, 100, 120), step(20, 200, 500), step(30, 150, 200, errors=1)]
    assert baseline(steps) == steps[0]


def test_a_saturated_server_serving_fewer_requests_at_more_users_keeps_the_faster():
    steps = [step(10, 100, 120), step(20, 300, 200), step(30, 280, 450)]
    assert baseline(steps) == steps[1]


def test_no_baseline_when_no_step_met_the_target():
    assert baseline([step(10, 100, 600), step(20, 0, 0)]) is None
    assert baseline([]) is None


def test_the_table_marks_the_baseline():
    lines = table([step(10, 100, 120), step(20, 200, 900)]).splitlines()
    assert lines[1].endswith("ok  <- baseline")
    assert lines[2].endswith("over target")
    assert "10.0" in lines[1]  # requests a second


PAGE = """
<form method="post" action="/sign-out/">
  <input type="hidden" name="csrfmiddlewaretoken" value="a">
</form>
<form method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="b">
  <input type="hidden" name="submission" value="tok">
  <input type="checkbox" name="children" value="7" checked>
  <input type="checkbox" name="children" value="8">
  <input type="radio" name="kind" value="visit">
  <input name="occurred_on_day" value="5">
  <select name="source">
    <option value="">Choose</option><option value="6" selected>Police</option>
  </select>
  <textarea name="body">
typed</textarea>
  <input name="subject">
  <button type="submit" name="go">Save</button>
</form>
"""


def test_a_form_is_sent_back_as_a_browser_would_then_typed_over():
    form = form_with(PAGE, "subject")
    assert form == [
        ("csrfmiddlewaretoken", "b"),
        ("submission", "tok"),
        ("children", "7"),
        ("occurred_on_day", "5"),
        ("source", "6"),
        ("body", "typed"),
        ("subject", ""),
    ]
    typed = filled(form, {"children": ["7", "8"], "subject": "Visit"})
    assert ("submission", "tok") in typed
    assert [v for k, v in typed if k == "children"] == ["7", "8"]
    assert [v for k, v in typed if k == "subject"] == ["Visit"]
