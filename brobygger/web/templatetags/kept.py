"""`{{ stored|shown }}`: a message a background job kept in every language, in the reader's
(brobygger.errors.in_every_language)."""

from django import template

from brobygger import errors

register = template.Library()


@register.filter
def shown(kept):
    return errors.shown(kept)
