"""Writes to the rules guide and the glossary: loading the data file and
editors' changes, each kept as a revision. One transaction each."""

import tomllib
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from brobygger.catalogue.search import fold
from brobygger.catalogue.services import record_revision

from .models import GlossaryTerm, GuidePage

DATA_FILE = Path(__file__).parent / "data" / "guide.toml"
PAGE, TERM = "guide_page", "glossary_term"  # Revision.content
PAGE_FIELDS = ("title", "summary", "body", "sources", "last_reviewed", "reviewed_by", "position")
TERM_FIELDS = ("municipal_term", "company_term", "explanation", "guide_topic")


def read_data(path=DATA_FILE):
    with open(path, "rb") as f:
        return tomllib.load(f)


def page_key(page):
    return f"{page.audience}/{page.topic}"


def _page_snapshot(page):
    data = {f: getattr(page, f) for f in PAGE_FIELDS}
    data["last_reviewed"] = page.last_reviewed.isoformat()
    return data


def _term_snapshot(term):
    return {f: getattr(term, f) for f in TERM_FIELDS}


@transaction.atomic
def load_guide(data=None, *, author=None):
    data = data or read_data()
    pages = []
    for row in data.get("page", []):
        page = GuidePage.objects.filter(topic=row["topic"], audience=row["audience"]).first()
        pages.append(
            _save_page(
                page or GuidePage(topic=row["topic"], audience=row["audience"]),
                row,
                author,
                _("Loaded from the guide data file"),
            )
        )
    terms = []
    for row in data.get("term", []):
        term = GlossaryTerm.objects.filter(slug=row["slug"]).first()
        terms.append(
            _save_term(term or GlossaryTerm(slug=row["slug"]), row, author, _("Loaded from the guide data file"))
        )
    return pages, terms


def _save_page(page, values, author, comment):
    # A ModelForm has already set the new values on `page`: compare with what is stored.
    before = _page_snapshot(GuidePage.objects.get(pk=page.pk)) if page.pk else None
    for name in PAGE_FIELDS:
        if name in values:
            setattr(page, name, values[name])
    page.save()
    record_revision(PAGE, page_key(page), before, _page_snapshot(page), author, comment)
    return page


def _save_term(term, values, author, comment):
    before = _term_snapshot(GlossaryTerm.objects.get(pk=term.pk)) if term.pk else None
    for name in TERM_FIELDS:
        if name in values:
            setattr(term, name, values[name])
    term.search_text = fold(" ".join(str(getattr(term, f)) for f in TERM_FIELDS[:3]))
    term.save()
    record_revision(TERM, term.slug, before, _term_snapshot(term), author, comment)
    return term


@transaction.atomic
def save_page(actor, page, cleaned, *, comment):
    return _save_page(page, cleaned, actor.user, comment)


@transaction.atomic
def save_term(actor, term, cleaned, *, comment):
    if not term.pk:
        term.slug = cleaned["slug"]
    return _save_term(term, cleaned, actor.user, comment)
