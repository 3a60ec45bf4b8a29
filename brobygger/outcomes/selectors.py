from .models import Attention, OpenDataRelease, Response, Target


def responses_of(young_person):
    return Response.objects.filter(young_person=young_person)


def open_attentions_for(user):
    return Attention.objects.filter(for_user=user, done_at__isnull=True).select_related("young_person", "response")


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
