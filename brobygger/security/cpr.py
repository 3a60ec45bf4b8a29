"""CPR numbers: validation, normalisation and the keyed blind index.

Format and date are checked (python-stdnum); modulus 11 is not, since CPR
numbers have been issued without it since 2007 (security.md R35). Only ASCII
digits count: Python's str.isdigit() would accept Arabic-Indic and other digits.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.dk import cpr as stdnum_cpr

from . import crypto

SHAPE = re.compile(r"^[0-9]{6}-?[0-9]{4}$")
# Anything in free text that could be a CPR number (for refusing it in searches and for log scans).
ANYWHERE = re.compile(r"(?<![0-9])[0-3][0-9][01][0-9]{3}[-\s]?[0-9]{4}(?![0-9])")
INDEX_PURPOSE = "cpr"


def normalise(value):
    """Ten ASCII digits, or ValidationError with a translated reason."""
    text = (value or "").strip().replace(" ", "")
    if not SHAPE.match(text):
        raise ValidationError(_("A CPR number is ten digits, written DDMMYY-NNNN or DDMMYYNNNN."), code="cpr_format")
    digits = text.replace("-", "")
    try:
        stdnum_cpr.validate(digits)
    except stdnum_errors.InvalidComponent as error:
        raise ValidationError(
            _("The first six digits of a CPR number must be a real birth date."), code="cpr_date"
        ) from error
    except stdnum_errors.ValidationError as error:
        raise ValidationError(
            _("A CPR number is ten digits, written DDMMYY-NNNN or DDMMYYNNNN."), code="cpr_format"
        ) from error
    return digits


def birth_date(digits):
    return stdnum_cpr.get_birth_date(digits)


def looks_like_cpr(text):
    return bool(ANYWHERE.search(text or ""))


def masked(digits):
    return f"{digits[:6]}-••••" if digits else ""


def index(digits):
    return crypto.blind_index(digits, INDEX_PURPOSE)
