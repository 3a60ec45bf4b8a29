"""The guide's plain text as HTML: paragraphs split by a blank line, and lines
starting with "- " as a list. Everything is escaped; editors write no HTML."""

from django.utils.html import format_html, format_html_join


def blocks(text):
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        lead = [line for line in lines if not line.startswith("- ")]
        points = [line[2:].strip() for line in lines if line.startswith("- ")]
        yield " ".join(lead), points


def as_html(text):
    parts = []
    for lead, points in blocks(text):
        if lead:
            parts.append(format_html("<p>{}</p>", lead))
        if points:
            parts.append(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((p,) for p in points))))
    return format_html_join("", "{}", ((part,) for part in parts))
