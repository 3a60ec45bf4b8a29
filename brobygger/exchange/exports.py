"""Files out: CSV the way Danish Excel opens it (semicolons, UTF-8 with a byte-order
mark, CRLF) and xlsx. Text that a spreadsheet would run as a formula is neutralised."""

import csv
import io
from datetime import date
from decimal import Decimal

from openpyxl import Workbook

from .columns import COLUMNS
from .values import export_value, neutralise

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def header(kind):
    return [c.header for c in COLUMNS[kind]]


def as_csv(kind, rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header(kind))
    for row in rows:
        writer.writerow([export_value(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _xlsx_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool) or value is None:
        return export_value(value)
    if isinstance(value, date | int | float):
        return value
    return neutralise(str(value))


def as_xlsx(kind, rows):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(kind))
    sheet.append(header(kind))
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
