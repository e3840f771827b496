"""What the person register declares to the rest of Haven."""

from haven.core.chronology import describe_events, name_person
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.core.work import work_source
from haven.people import chronology, work

mount("people/", "haven.people.urls")
mount("people/<int:pk>/", "haven.people.history_urls")
mount("api/people/", "haven.people.api_urls")

menu_entry(
    "Children", "people:list", order=20, shown=with_perm("core.view_case_record")
)

describe_events(chronology.WORDS)
for event_type, (key, instead) in chronology.NAMES_PERSON.items():
    name_person(event_type, key, instead)

work_source(work.merge_requests)
