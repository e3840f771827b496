"""What a browser would submit from a page's form, as the load test fills it.

A form's hidden inputs (the CSRF token, the one-time submission token, a
draft's id) are sent back as the page gave them, as are the values it filled
in (today's date, a ticked child); the test then types its own over them.
"""

from html.parser import HTMLParser

Fields = list[tuple[str, str]]


class _Forms(HTMLParser):
    """Each form on the page, as the (name, value) pairs a browser sends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Fields] = []
        self._form: Fields | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = []
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            self._input(found)
        elif tag == "select":
            self._select, self._options = found.get("name"), []
        elif tag == "option" and self._select is not None:
            self._options.append((found.get("value", ""), "selected" in found))
        elif tag == "textarea":
            self._textarea, self._text = found.get("name"), ""

    def _input(self, found: dict[str, str]) -> None:
        kind, name = found.get("type", "text"), found.get("name")
        if not name or kind in ("submit", "button", "file", "image", "reset"):
            return
        if kind in ("checkbox", "radio") and "checked" not in found:
            return
        assert self._form is not None
        self._form.append(
            (name, found.get("value", "on" if kind == "checkbox" else ""))
        )

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._form is None:
            return
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select:
            chosen = [v for v, selected in self._options if selected]
            first = [v for v, _ in self._options[:1]]
            self._form.append((self._select, (chosen or first or [""])[0]))
            self._select = None
        elif tag == "textarea" and self._textarea:
            self._form.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def form_with(html: str, field: str) -> Fields:
    """The fields of the page's form that has `field` (the page has others: the
    header's sign-out, the search)."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if any(name == field for name, _ in form):
            return form
    raise LookupError(f"no form on the page has the field {field!r}")


def filled(form: Fields, typed: dict[str, str | list[str]]) -> Fields:
    """The form with what the test types replacing what the page held: a list
    for a field sent more than once (the children a note is for)."""
    kept = [(name, value) for name, value in form if name not in typed]
    for name, value in typed.items():
        values = value if isinstance(value, list) else [value]
        kept.extend((name, v) for v in values)
    return kept
