"""The figures for funders: an xlsx workbook (openpyxl) and a readable PDF
(WeasyPrint), both from the same protected figures as the page."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from brobygger.core.pdf import render_pdf

HIDDEN = ".."  # as Statistics Denmark marks a confidential cell


def _cell(value):
    return HIDDEN if value is None else value


def _sheet(workbook, title, header, rows, note=""):
    sheet = workbook.create_sheet(title[:31])
    if note:
        sheet.append([note])
        sheet.append([])
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    sheet.column_dimensions["A"].width = 42
    return sheet


def _table_rows(table):
    for _key, label, cells, total in table.rows:
        yield [str(label), *cells, total]


def workbook(figures, context):
    """One sheet per figure; hidden cells read ".."."""
    book = Workbook()
    about = book.active
    about.title = _("About")[:31]
    for line in context["about"]:
        about.append(line)
    about.column_dimensions["A"].width = 40
    about.column_dimensions["B"].width = 60
    for key, title in (("snapshot", _("Snapshot")), ("flows", _("Flows")), ("sustained", _("Sustained outcomes"))):
        table = figures[key]
        header = ["", *[str(c) for c in table.columns], _("Total")]
        rows = list(_table_rows(table)) + [[_("Total"), *table.totals, table.grand_total]]
        _sheet(book, str(title), [str(h) for h in header], rows, str(table.title))
    time = figures["time"]
    rows = [[str(label), cells[0]] for _key, label, cells, _total in time.table.rows]
    rows += [[_("Median days to job or education"), time.median.days if time.median.days is not None else "–"]]
    rows += [[_("%(n)d months") % {"n": months}, share] for months, share in time.curve]
    _sheet(book, _("Time to outcome"), ["", _("Value")], rows)
    rows = []
    for progress in figures["progress"]:
        change = progress.change
        rows.append(
            [
                progress.title,
                change.n,
                change.mean_before,
                change.mean_after,
                change.mean_change,
                change.improved,
                change.crossed,
            ]
        )
    header = [
        "",
        _("Young people"),
        _("Mean first"),
        _("Mean latest"),
        _("Mean change"),
        _("Up by the important difference"),
        _("Crossed the line"),
    ]
    _sheet(book, _("Well-being"), [str(h) for h in header], rows)
    if figures["targets"]:
        rows = [[str(t.label), t.target, t.actual if t.actual is not None else "–"] for t in figures["targets"]]
        _sheet(book, _("Targets"), ["", _("Target"), _("Actual")], rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf(figures, context, request):
    """The funder's report: whose figures, for which period, each table with a chart beside it."""
    extra = {"organisation": request.actor.organisation, "snapshot_bars": bars(figures["snapshot"])}
    return render_pdf("outcomes/figures_pdf.html", {**context, **figures, **extra}, request)


def bars(table):
    """A table's row totals as (label, count, width in % of the largest) for a bar chart; hidden
    counts are left out, as in the table."""
    shown = [(label, total) for _key, label, _cells, total in table.rows if total]
    largest = max((total for _label, total in shown), default=0)
    return [(label, total, round(100 * total / largest)) for label, total in shown]
