"""Reading the files Danish users actually have: CSV from Excel (semicolons,
UTF-8 with or without a byte-order mark, or Windows-1252) and xlsx workbooks.

What kind of file it is comes from its content, not its name: an Excel
workbook named .csv is read as a workbook; a picture named .csv is refused.
"""

import csv
import io
import zipfile

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from brobygger.core.errors import Later, Refused, Said

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
ZIP_MAGIC = b"PK\x03\x04"
UTF8_BOM = b"\xef\xbb\xbf"


class FileRefused(Refused):
    pass


def check_size(size):
    if size > MAX_BYTES:
        megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        too_big = gettext_noop(
            "The file is %(size)s MB; at most 20 MB can be imported at a time. Split it into smaller files."
        )
        raise FileRefused(Said(too_big, size=megabytes))


def file_format(content):
    return "xlsx" if content.startswith(ZIP_MAGIC) else "csv"


def read_table(content):
    """(header, rows): the header as strings and an iterator of rows, each a list of cell values."""
    check_size(len(content))
    if not content.strip():
        raise FileRefused(Said(gettext_noop("The file is empty.")))
    if file_format(content) == "xlsx":
        return _read_xlsx(content)
    return _read_csv(content)


def decode(content):
    if content.startswith(UTF8_BOM):
        return content[len(UTF8_BOM) :].decode("utf-8", errors="strict")
    if b"\x00" in content[:65536]:
        raise FileRefused(Later(_not_readable))
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileRefused(Later(_not_readable)) from exc


def _not_readable():
    return _(
        "The file is neither a CSV file nor an Excel workbook. In Excel, choose “Save as” and "
        "“CSV (semikolonsepareret)” or “Excel-projektmappe (.xlsx)”."
    )


def _delimiter(text):
    first_line = text.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _read_csv(content):
    text = decode(content)
    if any(ord(ch) < 9 for ch in text[:65536]):
        raise FileRefused(Later(_not_readable))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise FileRefused(Said(gettext_noop("The file has no header row."))) from exc
    return [h.strip() for h in header], _csv_rows(reader)


def _csv_rows(reader):
    try:
        yield from reader
    except csv.Error as exc:
        unreadable = gettext_noop("Line %(line)s of the file cannot be read as CSV (%(reason)s).")
        raise FileRefused(Said(unreadable, line=reader.line_num, reason=str(exc))) from exc


def _read_xlsx(content):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileRefused(Later(_not_readable)) from exc
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        header = next(rows)
    except StopIteration as exc:
        raise FileRefused(Said(gettext_noop("The file has no header row."))) from exc
    return [str(h).strip() if h is not None else "" for h in header], (list(r) for r in rows)
