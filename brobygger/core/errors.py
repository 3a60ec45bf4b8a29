from collections.abc import Callable

from django.conf import settings
from django.utils import translation


class Refused(ValueError):
    """A clear, translated reason why a service refused an action. Nothing was written."""


class Later:
    """A message drawn when it is read, in the language active then: `Later(lambda: _("…") % values)`.
    What a background job finds is kept with `in_every_language` and shown with `shown`, so a reader
    reads it in their language, not the worker's."""

    def __init__(self, draw: Callable[[], object]) -> None:
        self.draw = draw

    def __str__(self) -> str:
        return str(self.draw())


class Said(Later):
    """A `Later` for a message with values, its text marked where it is written:
    `Said(gettext_noop("%(n)s rows have errors."), n=3)`."""

    def __init__(self, text: str, **values: object) -> None:
        super().__init__(lambda: translation.gettext(text) % values if values else translation.gettext(text))


def in_every_language(message: object) -> dict[str, str]:
    """The message (a `Later`, a lazy translation, a refusal holding one, or plain text) as each of
    the site's languages reads it: what is stored."""
    kept = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            kept[code] = str(message)
    return kept


def shown(kept: dict[str, str] | str) -> str:
    """A stored message in the reader's language (text stored before messages were kept per
    language is shown as it was written)."""
    if not isinstance(kept, dict):
        return kept
    language = translation.get_language() or settings.LANGUAGE_CODE
    return kept.get(language) or kept.get(settings.LANGUAGE_CODE) or next(iter(kept.values()), "")
