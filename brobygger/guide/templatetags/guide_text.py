from django import template

from brobygger.guide.text import as_html

register = template.Library()


@register.filter
def plain_text(value):
    """Paragraphs and '- ' lists from the guide's plain text, escaped."""
    return as_html(value)
