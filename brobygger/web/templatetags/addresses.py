"""`{{ obj.pk|address:"name" }}`: the address `{% url "name" obj.pk %}` gives, for the rows of long
lists. Reversing an address costs about a hundred function calls; an address that takes one
UUID or integer is the same string around the key every time, so it is worked out once."""

import functools
import uuid

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()

_STAND_INS = {uuid.UUID: uuid.UUID("5f0b6c7e-3d1a-4e2b-9c8d-7a6b5c4d3e2f"), int: 9081726354}


@functools.cache
def _around(name, key_type, prefix):
    """The text before and after the key in the address, or None where it is not simply there."""
    stand_in = str(_STAND_INS[key_type])
    parts = reverse(name, args=[_STAND_INS[key_type]]).split(stand_in)
    return tuple(parts) if len(parts) == 2 else None


@register.filter
def address(key, name):
    around = _around(name, type(key), get_script_prefix()) if type(key) in _STAND_INS else None
    if around is None:
        return reverse(name, args=[key])
    return f"{around[0]}{key}{around[1]}"
