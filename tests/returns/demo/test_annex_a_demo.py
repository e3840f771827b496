"""Ofsted's Annex A for the seeded demo authority: the lists the demo's work
fills have rows, and list 8 holds exactly the children haven.care counts as
looked after at some time in the six months."""

import io

from openpyxl import load_workbook

from haven.care import selectors
from haven.care.models import LegalStatus, PeriodOfCare
from haven.core import clock
from haven.returns.annex_a import build
from haven.returns.annex_a.period import Period


def test_the_demos_annex_a(db):
    period = Period(clock.today())
    built = build.build_as_at(period.as_at)
    ((content),) = built.files.values()
    book = load_workbook(io.BytesIO(content), read_only=True)
    rows = {name.split()[1]: list(book[name].values)[1:] for name in book.sheetnames}
    for number in ("1", "3", "4", "5", "6", "7", "8", "9"):
        assert rows[number], f"List {number} is empty"
    listed = {row[0] for row in rows["8"]}
    cared: set[int] = set()
    for care in PeriodOfCare.objects.filter(started_on__lte=period.end).exclude(
        ended_on__lt=period.start
    ):
        starts = LegalStatus.objects.filter(period=care).values_list(
            "started_on", flat=True
        )
        days = [d for d in (period.start, care.started_on, *starts) if period.holds(d)]
        if any(selectors.looked_after_on(care.person, d) for d in days):
            cared.add(care.person_id)
    assert listed == cared
    on_the_day = {
        pk
        for pk in cared
        if selectors.looked_after_on(
            PeriodOfCare.objects.filter(person_id=pk).first().person, period.as_at
        )
    }
    assert on_the_day <= listed and on_the_day
