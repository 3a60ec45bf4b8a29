"""Cell values as Danish users write them, into Python values; and back out, safely.

Every parser takes the raw cell (a string from CSV, or whatever Excel stored)
and returns the value or raises ValueError with a translated message.
"""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from brobygger.companies import cvr as cvr_numbers
from brobygger.core.errors import Said

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
)
TRUE_WORDS = {"ja", "j", "x", "yes", "y", "true", "sand", "1"}
FALSE_WORDS = {"nej", "n", "no", "false", "falsk", "0"}


def neutralise(value):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def text(raw):
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    value = str(raw).strip()
    # Undo our own neutralising, so an exported file imports unchanged.
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        value = value[1:]
    return value


def date_value(raw):
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    value = text(raw)
    if not value:
        return None
    for pattern in DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
    raise ValueError(Said(gettext_noop("“%(value)s” is not a date; write it as dd-mm-yyyy."), value=value))


def decimal_value(raw):
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return Decimal(str(raw))
    value = text(raw).replace(" ", "").replace("\u00a0", "")
    if not value:
        return None
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(Said(gettext_noop("“%(value)s” is not a number."), value=text(raw))) from exc


def integer_value(raw):
    number = decimal_value(raw)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueError(Said(gettext_noop("“%(value)s” is not a whole number."), value=text(raw)))
    return int(number)


def boolean_value(raw):
    if isinstance(raw, bool):
        return raw
    value = text(raw).lower()
    if not value:
        return None
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ValueError(Said(gettext_noop("“%(value)s” is neither yes nor no (write ja or nej)."), value=text(raw)))


def cvr_value(raw):
    value = cvr_numbers.normalise(text(raw))
    if value and not re.fullmatch(r"\d{8}", value):
        raise ValueError(Said(gettext_noop("“%(value)s” is not a CVR number (8 digits)."), value=text(raw)))
    return value


def export_value(value):
    """A value for a CSV cell: dates as dd-mm-yyyy, decimal commas, yes/no in words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    return neutralise(str(value))
