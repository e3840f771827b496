import datetime as dt

from django.utils import timezone

from haven.core import clock


def test_held_at_records_as_if_it_were_then_and_lets_go_after() -> None:
    moment = timezone.make_aware(dt.datetime(2025, 12, 31, 23, 30))
    with clock.held_at(moment):
        assert clock.now() == moment
        assert clock.today() == dt.date(2025, 12, 31)
    assert clock.now() > moment


def test_the_overdue_filter_counts_today_as_on_time() -> None:
    from haven.core.templatetags.dates import overdue

    today = clock.today()
    assert overdue(today - dt.timedelta(days=1))
    assert not overdue(today)
    assert not overdue(None)
