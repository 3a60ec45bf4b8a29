"""Stored XSS and formula injection: every free-text field of every row in the test world holds a
hostile value, then every page every role can open, and every spreadsheet they can export, is read
back (security.md: stored XSS in every text field; CSV/Excel formula injection).

For XSS the marker is a custom element, `<x-s>`: escaped it reads `&lt;x-s&gt;`; if it ever appears as
`<x-s` in an HTML answer, a template or a `mark_safe` let user text through as markup.
"""

import csv
import io

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from tests.attacks import tried
from tests.test_accessibility import ROLES, pages_for

MARKER = "<x-s>"
PAYLOAD = MARKER + "'\"><img src=x onerror=alert(1)>"

# Text that is not free text: it selects behaviour or builds addresses, and forms refuse anything else.
NOT_FREE_TEXT = (models.EmailField, models.URLField, models.SlugField)
HASHES = {"accounts.User.password"}
# The access log is append-only (database triggers refuse UPDATE); its free text (the purpose typed
# when special-category information is opened) is written with markup through the service instead.
APPEND_ONLY = {"audit.accesslog"}


def free_text_fields(model):
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField) or isinstance(field, NOT_FREE_TEXT):
            continue
        if field.choices or not field.editable or field.primary_key or str(field) in HASHES:
            continue
        if field.max_length is not None and field.max_length < len(MARKER):
            continue
        yield field


def _fit(value, field):
    return value[: field.max_length] if field.max_length else value


def our_models():
    for model in apps.get_models():
        if model.__module__.startswith("brobygger.") and not model._meta.proxy and model._meta.managed:
            yield model


def fill_every_text_field(values):
    """Rewrites the rows with UPDATE (no save(), no validation: what a hostile import or an old bug left behind)."""
    filled = 0
    with scopes_disabled():
        for model in our_models():
            if model._meta.label_lower in APPEND_ONLY:
                continue
            fields = list(free_text_fields(model))
            if not fields:
                continue
            for pk in model._base_manager.values_list("pk", flat=True):
                model._base_manager.filter(pk=pk).update(**{f.name: _fit(values(pk, f), f) for f in fields})
                filled += len(fields)
    return filled


@pytest.fixture
def hostile_world(world):
    from brobygger.audit import services as audit
    from brobygger.audit.models import LogAction
    from brobygger.tenancy.selectors import actor_in

    # The row's key keeps values apart where a field is part of a unique constraint.
    filled = fill_every_text_field(lambda pk, field: f"{MARKER}{pk}{PAYLOAD[len(MARKER) :]}")
    yp = world.objects["yp_a"]
    with scopes_disabled():
        actor = actor_in(world.user("counsellor_on_team"), yp.organisation)
        for action in (LogAction.VIEW, LogAction.SEARCH):
            audit.log(actor, action, kind="young_person", subject=yp, obj=yp, criterion=PAYLOAD, purpose_text=PAYLOAD)
    return world, filled + 4


def test_no_page_shows_stored_markup_as_markup(hostile_world, client_for):
    world, filled = hostile_world
    assert filled > 200, f"only {filled} fields were filled: the sweep found too few rows"
    leaks, pages, marked = [], 0, 0
    for fixture in ROLES:
        client = client_for(fixture)
        for url in pages_for(world, fixture):
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                assert response.status_code < 500, f"{fixture} {url} -> {response.status_code}"
                continue
            pages += 1
            html = response.content.decode()
            marked += "&lt;x-s&gt;" in html
            if "<x-s" in html:
                start = html.index("<x-s")
                leaks.append(f"{fixture} {url}: …{html[max(0, start - 80) : start + 40]}…")
    tried("stored XSS (text fields holding markup, read back on every page)", filled)
    print(f"stored XSS: {filled} text fields held markup; {pages} pages read, {marked} of them showed it escaped")
    assert pages >= 300
    assert marked >= 100, "too few pages showed the hostile text at all: the sweep would prove little"
    assert leaks == [], "\n".join(leaks)


# OWASP's formula starts, with a DDE payload, a cell split attempt and a line break inside a cell.
FORMULAS = [
    '=HYPERLINK("http://x.example","klik")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    "x;=1+1",
    "x\n=1+1",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SPREADSHEETS = [
    ("lead", f"export_{kind}_{fmt}")
    for kind in ("companies", "offers", "young_people", "status_history")
    for fmt in ("csv", "xlsx")
] + [("analyst", "figures_xlsx")]


def _cells(response, url):
    """(text, is a formula) for every cell: in a CSV any formula start is one; in a workbook only a formula cell is."""
    if url.endswith(".csv"):
        text = response.content.decode("utf-8-sig")
        rows = csv.reader(io.StringIO(text), delimiter=";")
        return [(cell, cell.startswith(FORMULA_STARTS)) for row in rows for cell in row]
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [
        (str(cell.value), cell.data_type == "f" or str(cell.value).startswith("="))
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def test_no_exported_cell_starts_a_formula(world, client_for):
    def formula(pk, field):
        return f"{FORMULAS[(pk if isinstance(pk, int) else field.creation_counter) % len(FORMULAS)]}{pk}"

    filled = fill_every_text_field(formula)
    formulas, cells_read, neutralised = [], 0, 0
    for fixture, name in SPREADSHEETS:
        url = reverse(name)
        response = client_for(fixture).get(url)
        assert response.status_code == 200, (fixture, url, response.status_code)
        cells = _cells(response, url)
        cells_read += len(cells)
        neutralised += sum(text.startswith("'") for text, _ in cells)
        formulas += [f"{url}: {text!r}" for text, is_formula in cells if is_formula]
    tried("formula injection (text fields holding a formula, read back in every export)", filled)
    print(f"formula injection: {filled} fields held formulas; {cells_read} exported cells, {neutralised} neutralised")
    assert neutralised >= 30, "too few hostile values reached the files: the sweep would prove little"
    assert formulas == [], "\n".join(formulas[:20])
