"""Reads of the catalogue: the organisations' own initiatives, and the public
catalogue of initiatives (public content, read across organisations)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from . import search
from .models import Entry, Ingredient, Initiative, Revision, SelfAssessment, Term


def initiatives_of(organisations):
    """The initiatives of organisations the reader has a role in."""
    ids = [str(getattr(o, "pk", o)) for o in organisations]
    return Initiative.objects.with_scope(organisation=ids).all()


def names_by_slug(organisation_ids):
    """(organisation id, slug) -> name, for public pages (initiatives are public)."""
    rows = Initiative.objects.with_scopes_disabled().filter(organisation_id__in=list(organisation_ids))
    return {(i.organisation_id, i.slug): i.name for i in rows.only("organisation_id", "slug", "name")}


@dataclass(frozen=True)
class Filters:
    """What a reader narrowed the catalogue to; every field optional."""

    text: str = ""
    phase: str = ""
    terms: tuple = field(default_factory=tuple)  # term slugs of any kind, all required
    company_based: bool | None = None
    platform_data: bool = False


def entries(filters=Filters()):
    """The entries matching the filters, best match first when there is a search text."""
    qs = Entry.objects.prefetch_related("terms")
    if filters.phase:
        qs = qs.filter(phase=filters.phase)
    for slug in filters.terms:
        qs = qs.filter(terms__slug=slug)
    if filters.company_based is not None:
        qs = qs.filter(company_based=filters.company_based)
    if filters.platform_data:
        qs = qs.filter(_with_platform_data())
    return search.matching(qs.distinct().order_by("name"), filters.text)


def _published_lines():
    from brobygger.outcomes import open_data
    from brobygger.outcomes import selectors as outcome_selectors

    return [line for line in open_data.side_by_side(outcome_selectors.published_releases()) if line["initiative_slug"]]


def _with_platform_data():
    wanted = Q(pk__in=[])
    for line in _published_lines():
        wanted |= Q(run_by_id=line["organisation"].pk, initiative_slug=line["initiative_slug"])
    return wanted


def platform_lines(entries):
    """Entry pk -> the newest open-data line of the initiative the entry runs as on the platform."""
    lines = {(line["organisation"].pk, line["initiative_slug"]): line for line in _published_lines()}
    return {e.pk: lines[(e.run_by_id, e.initiative_slug)] for e in entries if (e.run_by_id, e.initiative_slug) in lines}


def facets():
    """The terms readers can filter by, per kind, with how many entries each has."""
    grouped = {kind: [] for kind in Term.Kind.values}
    for term in Term.objects.annotate(n=Count("entries")).filter(n__gt=0).order_by("name"):
        grouped[term.kind].append(term)
    return grouped


def entry(slug):
    return Entry.objects.prefetch_related("terms", "ingredients").select_related("run_by").filter(slug=slug).first()


def entries_by_slugs(slugs):
    found = {e.slug: e for e in Entry.objects.prefetch_related("terms").filter(slug__in=slugs)}
    return [found[s] for s in slugs if s in found]


def ingredients():
    return Ingredient.objects.prefetch_related("entries")


def published_assessment(entry):
    """The self-assessment the organisation running the entry has published (public by choice)."""
    if not entry.run_by_id:
        return None
    return (
        SelfAssessment.objects.with_scopes_disabled()
        .filter(entry=entry, organisation_id=entry.run_by_id, published_at__isnull=False)
        .first()
    )


def published_assessments(entries):
    ids = [e.pk for e in entries if e.run_by_id]
    found = SelfAssessment.objects.with_scopes_disabled().filter(entry_id__in=ids, published_at__isnull=False)
    owner = {e.pk: e.run_by_id for e in entries}
    return {a.entry_id: a for a in found if a.organisation_id == owner[a.entry_id]}


def own_assessments():
    """The active organisation's assessments (scoped)."""
    return SelfAssessment.objects.select_related("entry").order_by("entry__name")


def entries_run_by(organisation):
    return Entry.objects.filter(run_by=organisation)


def revisions(content, key):
    return Revision.objects.filter(content=content, object_key=key).select_related("author")
