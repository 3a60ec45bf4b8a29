"""The consent texts a young person agrees to, by version.

A version is never edited once used: a change of wording is a new version,
and each consent row records the version it was given under (GDPR Art. 7).
"""

from django.utils.translation import gettext_lazy as _

CURRENT_VERSION = "2026-11"

TEXTS = {
    "2026-11": _(
        "I agree that the recipient named below may see the information I have ticked, "
        "so that we can work together on my placement. I can withdraw my consent at any "
        "time, and it takes effect at once. Withdrawing never harms my pathway."
    ),
}
