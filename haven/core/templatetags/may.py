"""`{% load may %}` then `{% if user|may:"frontdoor.decide_contacts" %}`: a
template asks the same `may_*` rule the view and the service ask
(`haven.<app>.permissions.may_<rule>`), never `perms.core.x` itself."""

from importlib import import_module
from typing import Any

from django import template

register = template.Library()


@register.filter
def may(user: Any, rule: str) -> bool:
    app, name = rule.split(".")
    module = import_module(f"haven.{app}.permissions")
    return bool(getattr(module, f"may_{name}")(user))
