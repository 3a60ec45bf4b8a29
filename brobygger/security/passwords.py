"""Password rules beyond Django's (security.md R1-R2, ASVS 6.2.4, 6.2.11, 6.2.12).

No rules on character types: length (15, Django's MinimumLengthValidator) and
not being guessable are what count. Breached passwords are checked offline,
since the server reaches nothing on the internet: zxcvbn's lists come from
published password breaches (and common words and names) and it also finds
them inside longer passwords, keyboard walks and repeats.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from zxcvbn import zxcvbn

PRODUCT_WORDS = ("brobygger", "bro-bygger")
MIN_CONTEXT_WORD = 4
MIN_SCORE = 3  # zxcvbn: "safely unguessable", at least 10^8 guesses
ZXCVBN_MAX_INPUT = 72  # zxcvbn refuses longer input; the rest only adds strength


def context_words(user):
    words = list(PRODUCT_WORDS)
    if user is not None and user.pk:
        from django_scopes import scopes_disabled

        with scopes_disabled():
            for name, slug in user.memberships.values_list("organisation__name", "organisation__slug"):
                words += [name, slug]
    if user is not None and getattr(user, "email", ""):
        words.append(user.email.split("@")[0])
    return [w.lower() for w in words if len(w) >= MIN_CONTEXT_WORD]


class ContextWordsValidator:
    """Refuses passwords that contain the product's, the organisation's or the user's own name."""

    def validate(self, password, user=None):
        lowered = password.lower()
        if any(word in lowered for word in context_words(user)):
            raise ValidationError(
                _("The password must not contain the name of Brobygger, your organisation or your e-mail."),
                code="password_context_word",
            )

    def get_help_text(self):
        return _("It must not contain the name of Brobygger, your organisation or your e-mail.")


class BreachedPasswordValidator:
    def validate(self, password, user=None):
        inputs = context_words(user)
        if zxcvbn(password[:ZXCVBN_MAX_INPUT], user_inputs=inputs)["score"] < MIN_SCORE:
            raise ValidationError(
                _(
                    "This password is too easy to guess: it is known from password leaks or made of common words, "
                    "names or patterns. A sentence of a few unusual words is easy to remember and hard to guess."
                ),
                code="password_guessable",
            )

    def get_help_text(self):
        return _("It must not be a password known from leaks, or easy to guess.")
