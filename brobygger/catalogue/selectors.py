from .models import Initiative


def initiatives_of(organisations):
    """The initiatives of organisations the reader has a role in."""
    ids = [str(getattr(o, "pk", o)) for o in organisations]
    return Initiative.objects.with_scope(organisation=ids).all()


def names_by_slug(organisation_ids):
    """(organisation id, slug) -> name, for public pages (initiatives are public)."""
    rows = Initiative.objects.with_scopes_disabled().filter(organisation_id__in=list(organisation_ids))
    return {(i.organisation_id, i.slug): i.name for i in rows.only("organisation_id", "slug", "name")}
