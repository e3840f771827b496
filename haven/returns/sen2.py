"""The SEN2 return in the returns' registry: haven.send.sen2 builds and checks
it (and keeps its own page and `manage.py export_sen2`); this only wraps its
file and Haven's checks as the registry's Built and Faults, so the returns
page and `manage.py export_return sen2` offer it beside the others."""

from django.conf import settings
from django.urls import reverse

from haven.returns import registry
from haven.returns.registry import Built, Fault
from haven.send.sen2 import build as sen2_build
from haven.send.sen2 import census, report


def build(year: int) -> Built:
    if census.census_day(year) is None:
        fault = Fault(f"Haven knows no SEN2 census day for {year}")
        return Built(files={}, person_ids=frozenset(), faults=[fault])
    sen2 = sen2_build.build(year, settings.HAVEN_LA_CODE)
    faults = [
        Fault(
            words,
            person_id=group.person_id,
            link=reverse("send:request", args=[group.request_id])
            if group.request_id
            else "",
        )
        for group in report.check(sen2)
        for words in group.words
    ]
    name = f"SEN2_{settings.HAVEN_LA_CODE or 'LA'}_{year}.xml"
    return Built(
        files={name: sen2.xml},
        person_ids=frozenset(s.person_id for s in sen2.subjects),
        faults=faults,
    )


registry.register(
    registry.Return(
        key="sen2",
        title="SEN2 return",
        source="The DfE's SEN2 census of children and young people with EHC plans "
        "(census day in January of the year)",
        build=build,
    )
)
