"""A figure's cells: the number, or ".." with its explanation where it is hidden."""

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


def _hidden_title():
    return _("Hidden: fewer than 3, or hidden so a small number cannot be worked out")


@register.simple_tag
def cell(value):
    """A table cell: the number, or ".." where it is hidden; data-value feeds the chart."""
    if value is None:
        return format_html('<td class="num hidden-cell" data-value=""><abbr title="{}">..</abbr></td>', _hidden_title())
    return format_html('<td class="num" data-value="{}">{}</td>', localize(value, use_l10n=False), localize(value))


@register.simple_tag
def count(value):
    """A count in running text: the number, or ".." where it is hidden."""
    if value is None:
        return format_html('<abbr class="hidden-cell" title="{}">..</abbr>', _hidden_title())
    return format_html("{}", localize(value))
