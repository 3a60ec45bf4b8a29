"""The lists of a long page, each drawn in the page's one answer.

A page with several lists (a young person's page, the start page, the case review's agenda, the
mentor's home) names them in a table of `Part`s: the template that draws the list (with its own
heading), what it lists, and whether the actor sees it at all. `draw` puts every shown part's
lists into the page's context and `parts`, the shown parts by key, in order; the page template
includes each shown part's template where it stands.

The page and its lists are one request. Each list is a query or two, and as a request of its own
it repeated the session, the actor and the object's fetch: the whole page took more work than the
page alone (bench/bench_pages.py measures the whole page; docs/decisions/0003).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Context = dict[str, Any]
# The request as the apps' views get it: with the actor the tenancy middleware put on it.
Request = Any


def _always(request: Request, context: Context) -> bool:
    return True


@dataclass(frozen=True)
class Part:
    template: str
    lists: Callable[[Request, Context], Context]  # (request, the page's context) -> what it lists
    shows: Callable[[Request, Context], bool] = _always  # does the actor see it at all?
    kind: str = ""  # what the access log says the part showed, where the page writes a row per part


def draw(request: Request, parts: Mapping[str, Part], context: Context) -> Context:
    """The page's context with each part it shows drawn into it, and `parts`: those parts by key."""
    shown = {}
    for key, part in parts.items():
        if part.shows(request, context):
            context.update(part.lists(request, context))
            shown[key] = part
    context["parts"] = shown
    return context
