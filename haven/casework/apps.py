from typing import Any

from django.apps import AppConfig


def _note(p: dict[str, Any]) -> str:
    from haven.casework import visits
    from haven.casework.codes import NoteKind
    from haven.casework.seeing import words

    kind = NoteKind(p["kind"]).label if p.get("kind") in NoteKind.values else "Note"
    if details := visits.words(p):
        kind += f" ({details})"
    # The event is one child's: their own answers, not their siblings'.
    seen = f" ({words(p)})"
    others = len(p.get("children", [])) - 1
    together = f", with {others} other child{'ren' if others > 1 else ''}"
    return f"{kind}: {p.get('subject', '')}{seen}" + (together if others > 0 else "")


def _supervision(p: dict[str, Any]) -> str:
    actions = len(p.get("actions", []))
    words = f"Case supervision by {p.get('manager', '')}"
    if p.get("supervisee"):
        words += f" of {p['supervisee']}"
    if actions:
        words += f", {actions} action{'s' if actions > 1 else ''} set"
    return words


class CaseworkConfig(AppConfig):
    name = "haven.casework"
    label = "casework"
    verbose_name = "Case recording and supervision"

    def ready(self) -> None:
        from haven.casework import work  # noqa: F401  (registers work sources)
        from haven.casework.integrity import notes_match_their_journal
        from haven.core.chronology import DESCRIBERS
        from haven.core.journal import STATE_CHECKS

        STATE_CHECKS.append(notes_match_their_journal)

        DESCRIBERS.update(
            {
                "casework.note_recorded": _note,
                "casework.supervision_recorded": _supervision,
                "casework.supervision_action_completed": lambda p: (
                    f"Supervision action done: {p.get('description', '')}"
                ),
            }
        )
