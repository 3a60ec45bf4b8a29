"""Writes to the public catalogue: loading the seed data, editors' changes with
their history, and organisations' self-assessments. One transaction each."""

import tomllib
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from brobygger.core.errors import Refused

from . import search
from .models import Entry, Ingredient, Revision, SelfAssessment, Term
from .practice import ELEMENTS, LEVEL_NAMES

DATA_FILE = Path(__file__).parent / "data" / "catalogue.toml"
ENTRY = "entry"  # Revision.content for catalogue entries
ENTRY_FIELDS = (
    "name",
    "owner",
    "phase",
    "target_group",
    "purpose",
    "anchoring",
    "methods",
    "results",
    "figures",
    "sources",
    "keywords",
    "company_based",
    "last_reviewed",
)


def read_data(path=DATA_FILE):
    with open(path, "rb") as f:
        return tomllib.load(f)


@transaction.atomic
def load_catalogue(data=None, *, author=None):
    """Create or update every term, ingredient and entry in the data file by
    its slug; an entry that changes gets a revision. Returns the entries."""
    data = data or read_data()
    for row in data.get("term", []):
        Term.objects.update_or_create(kind=row["kind"], slug=row["slug"], defaults={"name": row["name"]})
    for row in data.get("ingredient", []):
        Ingredient.objects.update_or_create(
            slug=row["slug"],
            defaults={k: row[k] for k in ("kind", "number", "title", "text")},
        )
    terms = {(t.kind, t.slug): t for t in Term.objects.all()}
    ingredients = {i.slug: i for i in Ingredient.objects.all()}
    entries = []
    for row in data.get("entry", []):
        entries.append(_load_entry(row, terms, ingredients, author))
    search.reindex(Entry.objects.filter(pk__in=[e.pk for e in entries]).prefetch_related("terms"))
    return entries


def _load_entry(row, terms, ingredients, author):
    chosen = []
    for slug in row.get("terms", []):
        found = terms.get((Term.Kind.THEME, slug)) or terms.get((Term.Kind.TARGET, slug))
        if found is None:
            raise ValueError(f"{row['slug']}: no theme or target group {slug!r}")
        chosen.append(found)
    chosen += [_municipality(name) for name in row.get("municipalities", [])]
    fields = {f: row.get(f, Entry._meta.get_field(f).get_default()) for f in ENTRY_FIELDS}
    fields["seeds"] = ",".join(row.get("seeds", []))
    entry = Entry.objects.filter(slug=row["slug"]).first()
    before = snapshot(entry) if entry else None
    if entry is None:
        entry = Entry(slug=row["slug"])
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.save()
    entry.terms.set(chosen)
    entry.ingredients.set([ingredients[s] for s in row.get("ingredients", [])])
    _record(entry, before, author, _("Loaded from the catalogue data file"))
    return entry


def snapshot(entry):
    """What an entry holds, as plain values (terms and ingredients by name)."""
    data = {f: getattr(entry, f) for f in ENTRY_FIELDS}
    data["last_reviewed"] = entry.last_reviewed.isoformat() if entry.last_reviewed else None
    data["terms"] = sorted(t.name for t in entry.terms.all())
    data["ingredients"] = sorted(str(i) for i in entry.ingredients.all())
    data["run_by"] = entry.run_by.name if entry.run_by_id else None
    data["initiative_slug"] = entry.initiative_slug
    return data


def record_revision(content, key, before, after, author, comment):
    """Keep one revision if anything changed; returns it (or None)."""
    changed = sorted(k for k in after if before is None or before.get(k) != after.get(k))
    if before is not None and not changed:
        return None
    return Revision.objects.create(
        content=content, object_key=key, snapshot=after, changed=changed, comment=comment[:300], author=author
    )


def _record(entry, before, author, comment):
    return record_revision(ENTRY, entry.slug, before, snapshot(entry), author, comment)


@transaction.atomic
def save_entry(actor, entry, cleaned, *, comment):
    """An editor's new or changed entry, from the entry form; reindexed and kept in the history."""
    # The form has already set the new values on `entry`: compare with what is stored.
    before = snapshot(Entry.objects.get(pk=entry.pk)) if entry.pk else None
    for name in (*ENTRY_FIELDS, "slug", "run_by", "initiative_slug"):
        if name in cleaned:
            setattr(entry, name, cleaned[name])
    entry.figures = cleaned["figures_text"]
    entry.sources = cleaned["sources_text"]
    entry.save()
    places = [_municipality(name) for name in cleaned["municipality_names"]]
    entry.terms.set([*cleaned["themes"], *cleaned["targets"], *places])
    entry.ingredients.set(cleaned["ingredients"])
    _record(entry, before, actor.user, comment)
    search.reindex([Entry.objects.prefetch_related("terms").get(pk=entry.pk)])
    return entry


def _municipality(name):
    term, _created = Term.objects.get_or_create(
        kind=Term.Kind.MUNICIPALITY, slug=slugify(search.fold(name)), defaults={"name": name}
    )
    return term


@transaction.atomic
def link_organisation(slug, organisation, initiative_slug, *, author=None):
    """Name the organisation that runs an entry on the platform (and its initiative there)."""
    entry = Entry.objects.get(slug=slug)
    before = snapshot(entry)
    entry.run_by, entry.initiative_slug = organisation, initiative_slug
    entry.save(update_fields=["run_by", "initiative_slug", "updated_at"])
    _record(entry, before, author, _("Linked to the organisation that runs it"))
    return entry


@transaction.atomic
def delete_entry(actor, entry, *, comment):
    before = snapshot(entry)
    record_revision(ENTRY, entry.slug, before, {"deleted": True}, actor.user, comment)
    search.forget([entry.pk])
    entry.delete()


# ---------------------------------------------------------------- self-assessment


def assessment_for(actor, entry):
    """The organisation's assessment of this entry, new and unsaved if there is none."""
    found = SelfAssessment.objects.filter(entry=entry).first()
    return found or SelfAssessment(organisation=actor.organisation, entry=entry, answers={})


@transaction.atomic
def save_assessment(actor, assessment, answers):
    """Store the 11 answers (each a level 1-4 and evidence text). The forms
    check each answer; this refuses anything incomplete all the same."""
    for number, _name, _question in ELEMENTS:
        answer = answers.get(str(number)) or {}
        if answer.get("level") not in LEVEL_NAMES or not (answer.get("evidence") or "").strip():
            raise Refused(_("Every element needs a level and the evidence for it."))
    assessment.answers = answers
    assessment.updated_by = actor.user
    assessment.save()
    return assessment


@transaction.atomic
def publish_assessment(actor, assessment, publish=True):
    """Show (or stop showing) the assessment on the entry. Only the organisation
    the editors named as running the initiative may publish on it."""
    if not assessment.pk:
        raise Refused(_("Save the assessment before you publish it."))
    if publish and assessment.entry.run_by_id != actor.organisation.pk:
        raise Refused(_("Only the organisation that runs this initiative can publish an assessment on it."))
    assessment.published_at = timezone.now() if publish else None
    assessment.save(update_fields=["published_at", "updated_at"])
    return assessment
