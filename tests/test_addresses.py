"""The `address` filter must give exactly what `{% url %}` gives, for every address in the
project that takes one key, and with a script prefix."""

import uuid

import pytest
from django.template import Context, Template
from django.urls import URLPattern, URLResolver, get_resolver, reverse, set_script_prefix
from django.urls.converters import IntConverter, UUIDConverter

KEY_CONVERTERS = {UUIDConverter: lambda: uuid.uuid4(), IntConverter: lambda: 48213}


def _one_key_names(resolver=None, converters=()):
    for entry in (resolver or get_resolver()).url_patterns:
        found = {**dict(converters), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            yield from _one_key_names(entry, found.items())
        elif isinstance(entry, URLPattern) and entry.name and len(found) == 1:
            kind = type(next(iter(found.values())))
            if kind in KEY_CONVERTERS and not entry.default_args:
                yield entry.name, KEY_CONVERTERS[kind]


NAMES = sorted(dict(_one_key_names()).items())


def test_there_are_addresses_to_check():
    assert len(NAMES) > 50


@pytest.mark.parametrize("prefix", ["/", "/brobygger/"])
def test_address_is_what_url_gives(prefix):
    set_script_prefix(prefix)
    try:
        for name, make_key in NAMES:
            for key in (make_key(), make_key()):
                shown = Template("{% load addresses %}{{ key|address:name }}").render(
                    Context({"key": key, "name": name})
                )
                assert shown == reverse(name, args=[key]), name
                assert shown.startswith(prefix)
    finally:
        set_script_prefix("/")


def test_a_key_of_another_type_is_reversed_as_usual():
    assert Template('{% load addresses %}{{ "abc"|address:"glossary_term_edit" }}').render(Context()) == reverse(
        "glossary_term_edit", args=["abc"]
    )
