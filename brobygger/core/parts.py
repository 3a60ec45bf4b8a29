"""Parts of a page that the page loads after itself.

A long page (the case review's agenda, a young person's page, the start page) is drawn as its
outline first: the headings and the facts at the top. Each list on it is a part with an address
of its own, which the page asks for as soon as it is shown (htmx, `hx-trigger="load"`), so the
outline is on the screen at once and the lists arrive side by side, each from whichever app server
is free. Without JavaScript the part's placeholder is a link to the same address, which then draws
the part as a page of its own.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils.cache import patch_vary_headers


def part(request: HttpRequest, template: str, context: dict[str, Any], *, title: object, back: str) -> HttpResponse:
    """The part alone for the page that asked for it; a page of its own for a plain link."""
    if request.htmx:  # type: ignore[attr-defined]  # django-htmx's middleware sets it
        response = render(request, template, context)
    else:
        page = {**context, "part_template": template, "part_title": title, "part_back": back}
        response = render(request, "core/part_page.html", page)
    patch_vary_headers(response, ["HX-Request"])
    return response


def paths(route: str, view: Callable[..., HttpResponse], keys: Iterable[str], name: str) -> list[URLPattern]:
    """An address for each part of a page: `route` and `name` with {key} in them; the view gets
    the part's key as `key`."""
    return [path(route.format(key=key), view, {"key": key}, name=name.format(key=key)) for key in keys]
