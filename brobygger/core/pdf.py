"""PDFs from our own templates with WeasyPrint. Nothing is ever fetched while
rendering: no network, no files outside the template."""

from typing import Any, NoReturn

from django.http import HttpRequest
from django.template.loader import render_to_string


class PdfUnavailable(Exception):
    """WeasyPrint's system libraries (Pango) are missing on this server."""


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"Refusing to fetch {url!r} while rendering a PDF")


def render_pdf(template: str, context: dict[str, Any], request: HttpRequest | None = None) -> bytes:
    try:
        from weasyprint import HTML
    except OSError as missing:  # apt-get install libpango-1.0-0 libpangoft2-1.0-0
        raise PdfUnavailable from missing
    html = render_to_string(template, context, request=request)
    pdf: bytes = HTML(string=html, base_url=None, url_fetcher=_refuse_fetch).write_pdf()
    return pdf
