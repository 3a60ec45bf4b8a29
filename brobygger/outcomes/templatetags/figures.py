"""A figure's cells. A table on the figures page has a few hundred of them, and drawing each with
an included template cost more than the rest of the page; these draw the same HTML in Python."""

from decimal import Decimal

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()
NUMBERS = (int, float, Decimal)


def _hidden_title():
    return _("Hidden: fewer than 3, or hidden so a small number cannot be worked out")


@register.simple_tag
def cell(value):
    """A table cell: the number, or ".." where it is hidden; data-value feeds the chart."""
    if value is None:
        return format_html('<td class="num hidden-cell" data-value=""><abbr title="{}">..</abbr></td>', _hidden_title())
    if isinstance(value, NUMBERS):  # digits, a sign and separators: nothing to escape, and format_html costs more
        return mark_safe(f'<td class="num" data-value="{localize(value, use_l10n=False)}">{localize(value)}</td>')  # noqa: S308
    return format_html('<td class="num" data-value="{}">{}</td>', localize(value, use_l10n=False), localize(value))


@register.simple_tag
def count(value):
    """A count in running text: the number, or ".." where it is hidden."""
    if value is None:
        return format_html('<abbr class="hidden-cell" title="{}">..</abbr>', _hidden_title())
    return format_html("{}", localize(value))
