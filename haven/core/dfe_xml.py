"""What the DfE's XML returns (the SEN2, the children in need census) write
alike: elements with their values in the DfE's forms (dates YYYY-MM-DD,
yes/no as 1/0, a date and time to the second with no zone), and the Header:
the collection, and the Source that names the authority and the software."""

import datetime as dt
from typing import Any

from lxml import etree

from haven.core import clock

SOFTWARE = "Haven"
RELEASE = "0.1.0"
# One return per generation: COLLECT keeps the latest upload, so Haven does
# not number its files.
SERIAL = "001"


def add(parent: Any, tag: str, value: object = None) -> Any:
    element = etree.SubElement(parent, tag)
    if isinstance(value, bool):
        element.text = "1" if value else "0"
    elif isinstance(value, dt.datetime):
        element.text = value.replace(microsecond=0, tzinfo=None).isoformat()
    elif isinstance(value, dt.date):
        element.text = value.isoformat()
    elif value is not None:
        element.text = str(value)
    return element


def optional(parent: Any, tag: str, value: object) -> None:
    if value not in (None, ""):
        add(parent, tag, value)


def header(
    root: Any, collection: str, year: int, reference_date: dt.date, la_code: str
) -> Any:
    """The Header's CollectionDetails and Source; returns the Source, which a
    return may add its own items to."""
    head = add(root, "Header")
    details = add(head, "CollectionDetails")
    add(details, "Collection", collection)
    add(details, "Year", year)
    add(details, "ReferenceDate", reference_date)
    source = add(head, "Source")
    add(source, "SourceLevel", "L")
    add(source, "LEA", la_code)
    add(source, "SoftwareCode", SOFTWARE)
    add(source, "Release", RELEASE)
    add(source, "SerialNo", SERIAL)
    add(source, "DateTime", clock.now())
    return source
