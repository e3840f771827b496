"""`{% submission_token %}`: the hidden one-time token of a form page that
records something (see haven.core.once)."""

from typing import Any

from django import template
from django.utils.html import format_html

from haven.core.once import FIELD, page_token

register = template.Library()


@register.simple_tag(takes_context=True)
def submission_token(context: Any) -> str:
    return format_html(
        '<input type="hidden" name="{}" value="{}">',
        FIELD,
        page_token(context["request"]),
    )
