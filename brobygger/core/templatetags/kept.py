"""`{{ stored|shown }}`: a message a background job kept in every language, in the reader's
(brobygger.core.errors.in_every_language)."""

from django import template

from brobygger.core import errors

register = template.Library()


@register.filter
def shown(kept: dict[str, str] | str) -> str:
    return errors.shown(kept)
