from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, plain, register

from .models import MatchProfile, RoundSeat


def _export_profile(profile):
    row = exporter(
        "interests", "accepted_distance", "postcode", "travel_mode", "max_travel_minutes", "hours_min", "hours_max",
        "size", "pace", "social", "setting",
    )(profile)  # fmt: skip
    row[str(_("dream occupations (ESCO)"))] = plain([o.label for o in profile.occupations.all()])
    return row


def _export_seat(seat):
    return {
        str(_("round of mutual choice")): seat.round.title,
        str(_("your choices")): plain([str(c.round_offer) for c in seat.choices.all()]),
        str(_("what I want the companies to know")): seat.note_to_companies,
        str(_("left the round")): plain(seat.left_at),
        str(_("result")): str(seat.result) if seat.result and seat.round.state == "published" else "",
    }


register(
    MatchProfile,
    key="match_profile",
    title=_("What you look for in a place"),
    rows=lambda yp: MatchProfile.objects.filter(young_person=yp).prefetch_related("occupations"),
    template="portal/sections/match_profile.html",
    export=_export_profile,
    order=27,
)

register(
    RoundSeat,
    key="rounds",
    title=_("Rounds of mutual choice"),
    rows=lambda yp: (
        RoundSeat.objects.filter(young_person=yp)
        .select_related("round", "result__offer__company")
        .prefetch_related("choices__round_offer__offer__company")
    ),
    template="portal/sections/rounds.html",
    export=_export_seat,
    order=28,
)
