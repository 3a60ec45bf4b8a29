"""The engine's reasons and rules in plain Danish (and English)."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from brobygger.companies.models import ENVIRONMENT
from brobygger.staircase.services import hours_text

from . import stable
from .models import TravelMode


def _trip(minutes):
    """A trip as a person says it: minutes up to an hour and a half, then hours ("680 min." reads as noise)."""
    if minutes < 90:
        return _("%(minutes)s min.") % {"minutes": minutes}
    hours = round(minutes / 60)
    return ngettext("%(hours)s hour", "%(hours)s hours", hours) % {"hours": hours}


def _hours(value):
    return hours_text(Decimal(str(value)))


def _range(low, high):
    if low is not None and high is not None:
        return f"{low}–{high}"
    return _("at least %(n)s") % {"n": low} if low is not None else _("at most %(n)s") % {"n": high}


def _environment(dimension, value):
    return str(ENVIRONMENT[dimension](value).label)


def describe(reason):
    p = reason.params
    texts = {
        "the_dream": lambda: _("The dream itself: %(occupation)s") % p,
        "close_to_dream": lambda: _("Close to the dream: %(occupation)s") % p,
        "towards_dream": lambda: _("A step towards %(wish)s") % p,
        "further_than_accepted": lambda: _("Further from the dream than agreed"),
        "interest": lambda: _("Fits the interests: %(interests)s") % p,
        "environment_fits": lambda: _("%(value)s, as wished") % {"value": _environment(p["dimension"], p["value"])},
        "environment_differs": lambda: (
            _("%(value)s (wished: %(wish)s)")
            % {"value": _environment(p["dimension"], p["value"]), "wish": _environment(p["dimension"], p["wish"])}
        ),
        "hours_fit": lambda: _("%(hours)s hours a week fits") % {"hours": _hours(p["hours"])},
        "fewer_hours": lambda: (
            _("%(hours)s hours a week (wished %(range)s)")
            % {"hours": _hours(p["hours"]), "range": _range(p["low"], p["high"])}
        ),
        "commute_fits": lambda: (
            _("About %(trip)s %(mode)s to %(place)s")
            % {**p, "trip": _trip(p["minutes"]), "mode": TravelMode(p["mode"]).label}
        ),
        "commute_too_long": lambda: (
            _("About %(trip)s %(mode)s to %(place)s (at most %(limit)s min. wished)")
            % {**p, "trip": _trip(p["minutes"]), "mode": TravelMode(p["mode"]).label}
        ),
        "completed": lambda: (
            ngettext("%(count)s placement completed here", "%(count)s placements completed here", p["count"]) % p
        ),
        "certificates": lambda: (
            ngettext("%(count)s learning certificate issued", "%(count)s learning certificates issued", p["count"]) % p
        ),
        "ended_early": lambda: (
            ngettext("%(count)s placement ended before time", "%(count)s placements ended before time", p["count"]) % p
        ),
        "has_mentor": lambda: _("Has a mentor"),
        "no_mentor": lambda: _("No mentor yet"),
        "knows_target_group": lambda: _("Knows the target group"),
        "agreement": lambda: _("Agreement in place"),
    }
    texts["more_hours"] = texts["fewer_hours"]
    return texts[reason.code]()


def describe_excluded(rule, count):
    texts = {
        "full": lambda: ngettext("%(count)s offer is full.", "%(count)s offers are full.", count),
        "under_18": lambda: ngettext(
            "%(count)s offer is not open to young people under 18.",
            "%(count)s offers are not open to young people under 18.",
            count,
        ),
        "already_proposed": lambda: ngettext(
            "%(count)s offer is already proposed or under way.",
            "%(count)s offers are already proposed or under way.",
            count,
        ),
    }
    return texts[rule]() % {"count": count}


def describe_unmatched(reason):
    return {
        stable.RANKED_NOTHING: _("Chose no offers."),
        stable.NOT_RANKED_BY_ANY: _("None of the companies they chose put them on their list."),
        stable.PLACES_WENT_TO_HIGHER: _(
            "The companies that wanted them gave their places to young people they had put higher."
        ),
    }.get(reason, "")


def explained(suggestions):
    """Each suggestion with its reasons as text: (suggestion, pros, cons)."""
    return [(s, [describe(r) for r in s.pros], [describe(r) for r in s.cons]) for s in suggestions.items]
