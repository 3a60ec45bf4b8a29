"""PDFs from our own templates with WeasyPrint. Nothing is ever fetched while
rendering: no network, no files outside the template."""

from django.template.loader import render_to_string


class PdfUnavailable(Exception):
    """WeasyPrint's system libraries (Pango) are missing on this server."""


def _refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"Refusing to fetch {url!r} while rendering a PDF")


def render_pdf(template, context, request=None):
    try:
        from weasyprint import HTML
    except OSError as missing:  # apt-get install libpango-1.0-0 libpangoft2-1.0-0
        raise PdfUnavailable from missing
    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url=None, url_fetcher=_refuse_fetch).write_pdf()
