"""Letter templates, rendered by Django's template engine in a sandbox.

An administrator writes a letter's wording with fields in double braces
({{ child_name }}). Only the fields the letter offers may be used: no template
tags ({% ... %}), no filters, no attribute lookups (a dot could walk from a
value to anything it can reach). A template is checked when it is saved and
again when it is rendered, so a wording saved some other way cannot escape.
The wording's own text is escaped as well as the values, so nothing typed
becomes markup in the letter.
"""

import re

from django.template import Context, Engine
from django.template.base import Lexer, TokenType
from django.utils.html import escape

from haven.core.errors import DomainError, Failures

FIELD = re.compile(r"^\s*([a-z][a-z0-9_]*)\s*$")

# No loaders and no libraries: nothing can be included or loaded, and the
# check below lets no tag through to the builtins the engine always has.
SANDBOX = Engine(loaders=[], libraries={}, autoescape=True)


def faults(body: str, offered: set[str]) -> list[str]:
    """What is wrong with a template's wording, in words; empty if nothing."""
    found: list[str] = []
    if not body.strip():
        return ["Enter the wording of the letter"]
    for token in Lexer(body).tokenize():
        if token.token_type == TokenType.BLOCK:
            found.append(
                f"Remove {{% {token.contents} %}}: a letter may use only the fields "
                "listed, in double braces"
            )
        elif token.token_type == TokenType.VAR:
            match = FIELD.match(token.contents)
            if match is None:
                found.append(
                    f"Change {{{{ {token.contents} }}}} to one of the fields listed, "
                    "with nothing else inside the braces"
                )
            elif match.group(1) not in offered:
                found.append(
                    f"{{{{ {match.group(1)} }}}} is not one of the fields this "
                    "letter offers"
                )
    return found


def check(body: str, offered: set[str], field: str = "body") -> None:
    """Refuse a wording that uses more than the offered fields (every fault)."""
    failures = Failures()
    for fault in faults(body, offered):
        failures.add("template_not_allowed", fault, field=field)
    failures.raise_any()


def render(body: str, values: dict[str, str]) -> str:
    """The wording with each field filled in, as HTML paragraphs (a blank line
    starts a new paragraph), every part escaped."""
    problems = faults(body, set(values))
    if problems:
        raise DomainError("template_not_allowed", problems[0])
    source = "".join(_escaped(token) for token in Lexer(body).tokenize())
    text = SANDBOX.from_string(source).render(Context(values, autoescape=True))
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return "\n".join(
        "<p>" + p.strip().replace("\n", "<br>") + "</p>"
        for p in paragraphs
        if p.strip()
    )


def _escaped(token: object) -> str:
    kind = token.token_type  # type: ignore[attr-defined]
    contents: str = token.contents  # type: ignore[attr-defined]
    if kind == TokenType.VAR:
        return "{{ " + contents.strip() + " }}"
    if kind == TokenType.COMMENT:
        return ""
    return str(escape(contents))
