"""Working-time rules for young people under 18 (bekendtgørelse om unges
arbejde, Arbejdstilsynet). Brobygger warns with the rule and refuses plans
that break it; it does not decide whether a task is dangerous work."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

MAX_HOURS_PER_DAY = Decimal(8)
MAX_HOURS_PER_WEEK = Decimal(40)

RULE_TEXT = _(
    "Young people under 18 may work at most 8 hours a day and 40 hours a week, not between 8 pm and 6 am, "
    "and not with dangerous work; while still of compulsory school age, at most 12 hours in a school week. "
    "(Bekendtgørelse om unges arbejde.)"
)


def applies(young_person, day):
    return young_person.age_on(day) < 18


def problems(*, hours_per_week=None, hours_per_day=None):
    """What in a placement for a young person under 18 breaks the rules."""
    found = []
    if hours_per_day is not None and hours_per_day > MAX_HOURS_PER_DAY:
        found.append(_("more than 8 hours a day"))
    if hours_per_week is not None and hours_per_week > MAX_HOURS_PER_WEEK:
        found.append(_("more than 40 hours a week"))
    return found
