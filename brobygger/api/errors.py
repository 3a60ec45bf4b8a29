"""Validation errors as clear, translated messages: {"detail": ..., "errors": [{"field", "message"}]}."""

from django.utils.translation import gettext as _

MESSAGES = {
    "missing": lambda e: _("This field is required."),
    "extra_forbidden": lambda e: _("This field cannot be set."),
    "string_too_long": lambda e: _("At most %(n)s characters.") % {"n": e.get("ctx", {}).get("max_length")},
    "string_too_short": lambda e: _("This field cannot be empty."),
    "enum": lambda e: _("Choose one of: %(choices)s.") % {"choices": e.get("ctx", {}).get("expected", "")},
    "date_from_datetime_parsing": lambda e: _("Give a date as YYYY-MM-DD."),
    "date_parsing": lambda e: _("Give a date as YYYY-MM-DD."),
    "date_from_datetime_inexact": lambda e: _("Give a date as YYYY-MM-DD."),
    "uuid_parsing": lambda e: _("Not a valid ID."),
    "uuid_type": lambda e: _("Not a valid ID."),
    "nul_character": lambda e: _("The text holds an invisible NUL character (0x00). Remove it and send again."),
}


def _field(location):
    parts = [str(p) for p in location if p not in ("body", "query", "path", "payload")]
    return ".".join(parts)


def _message(error):
    kind = error.get("type", "")
    if kind in MESSAGES:
        return MESSAGES[kind](error)
    if kind.startswith(("int_", "float_", "decimal_", "greater_than", "less_than")):
        return _("Not an allowed number.")
    if kind.startswith("bool"):
        return _("Give true or false.")
    return _("Not a valid value.")


def _problem(pairs):
    """{"detail", "errors": [{"field", "message"}]} from (field, message) pairs."""
    found = [{"field": field, "message": str(message)} for field, message in pairs]
    return {"detail": _("Some of what was sent is not valid."), "errors": found}


def problem(detail):
    """{"detail", "errors": []}: what went wrong with the request as a whole."""
    return {"detail": str(detail), "errors": []}


def from_pydantic(errors):
    return _problem((_field(e.get("loc", ())), _message(e)) for e in errors)


def from_django(exc):
    if hasattr(exc, "message_dict"):
        return _problem((f, m) for f, ms in exc.message_dict.items() for m in ms)
    return _problem(("", m) for m in exc.messages)


def from_form(form):
    return _problem((f, m) for f, ms in form.errors.items() for m in ms)
