from django.db.models import OuterRef, Subquery

from . import instruments
from .models import OWN_PREFIX, Attention, OpenDataRelease, OwnInstrument, Response, Target


def responses_of(young_person):
    return Response.objects.filter(young_person=young_person)


def open_attentions_for(user):
    """One row per young person (their latest open attention): 'we have talked' settles them all."""
    mine = Attention.objects.filter(for_user=user, done_at__isnull=True)
    latest = mine.filter(young_person=OuterRef("young_person")).order_by("-created_at", "-pk").values("pk")[:1]
    return mine.filter(pk=Subquery(latest)).select_related("young_person", "response").order_by("-created_at", "pk")


def open_attentions():
    return Attention.objects.filter(done_at__isnull=True).select_related("young_person", "response", "for_user")


def targets_for(year):
    return Target.objects.filter(year=year)


def releases():
    return OpenDataRelease.objects.all()


def published_releases():
    """Every organisation's current open-data releases (public by design)."""
    return (
        OpenDataRelease.objects.with_scopes_disabled()
        .filter(withdrawn_at__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name", "-year")
    )


def published_release(organisation_slug, year):
    return published_releases().filter(organisation__slug=organisation_slug, year=year).first()


def instrument(key):
    """A shared measure, or one of the organisation's own (by its "own-" id), or None."""
    if key in instruments.INSTRUMENTS:
        return instruments.INSTRUMENTS[key]
    if key.startswith(OWN_PREFIX):
        own = OwnInstrument.objects.filter(key=key.removeprefix(OWN_PREFIX)).first()
        return own.definition() if own else None
    return None


def instruments_for(respondent):
    """Every measure answered by this respondent: the shared ones, then the organisation's own."""
    shared = [i for i in instruments.INSTRUMENTS.values() if i.respondent == respondent]
    own = [o.definition() for o in OwnInstrument.objects.filter(respondent=respondent)]
    return shared + own


def own_instruments():
    return OwnInstrument.objects.all()
