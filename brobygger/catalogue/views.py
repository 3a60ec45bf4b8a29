from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access.policy import public, rule
from brobygger.access.rules import Action, Kind
from brobygger.core.forms import bound, perform, submit

from . import forms, selectors, services
from .models import Entry
from .practice import LEVELS, element_rows

PAGE_SIZE = 20


def _entry_or_404(slug):
    entry = selectors.entry(slug)
    if entry is None:
        raise Http404
    return entry


@public
def catalogue(request):
    form = forms.SearchForm(request.GET or None, facets=selectors.facets())
    filters = form.filters() if form.is_valid() else selectors.Filters()
    found = selectors.entries(filters)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    chosen = request.GET.getlist("e")[:4]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "count": page.paginator.count,
        "query": query.urlencode(),
        "searching": bool(filters.text),
        "chosen": chosen,
        "chosen_elsewhere": [s for s in chosen if s not in {e.slug for e in page}],
    }
    template = "catalogue/_results.html" if request.htmx and not request.htmx.boosted else "catalogue/index.html"
    return render(request, template, context)


@public
def entry_detail(request, slug):
    entry = _entry_or_404(slug)
    assessment = selectors.published_assessment(entry)
    context = {
        "entry": entry,
        "assessment": assessment,
        "rows": element_rows(assessment.answers) if assessment else [],
        "levels": LEVELS,
        "platform": selectors.platform_lines([entry]).get(entry.pk),
    }
    return render(request, "catalogue/entry.html", context)


@public
def compare(request):
    try:
        slugs = forms.compare_slugs(request.GET.getlist("e"))
    except ValidationError as error:
        return render(request, "catalogue/compare.html", {"error": error.messages[0]})
    entries = selectors.entries_by_slugs(slugs)
    if len(entries) != len(slugs):
        raise Http404
    assessments = selectors.published_assessments(entries)
    platform = selectors.platform_lines(entries)
    columns = [
        {
            "entry": e,
            "platform": platform.get(e.pk),
            "rows": element_rows(assessments[e.pk].answers) if e.pk in assessments else None,
        }
        for e in entries
    ]
    return render(request, "catalogue/compare.html", {"columns": columns, "elements": element_rows({})})


@public
def ingredients(request):
    return render(request, "catalogue/ingredients.html", {"ingredients": selectors.ingredients()})


# ---------------------------------------------------------------- editors


def _edit(request, entry):
    form = forms.EntryForm(bound(request), instance=entry)

    def act(data):
        services.save_entry(request.actor, entry, data, comment=data["comment"])

    if submit(request, form, act, success=_("The entry is saved.")):
        return redirect("catalogue_entry", slug=entry.slug)
    return render(request, "catalogue/edit.html", {"form": form, "entry": entry if entry.pk else None})


@rule(Kind.PUBLIC_CONTENT, Action.CREATE, methods=("GET", "POST"))
def entry_new(request):
    return _edit(request, Entry())


@rule(Kind.PUBLIC_CONTENT, Action.UPDATE, methods=("GET", "POST"))
def entry_edit(request, slug):
    return _edit(request, _entry_or_404(slug))


@rule(Kind.PUBLIC_CONTENT, Action.DELETE, methods=("POST",))
def entry_delete(request, slug):
    entry = _entry_or_404(slug)
    services.delete_entry(request.actor, entry, comment=request.POST.get("comment", "")[:300])
    messages.success(request, _("The entry is deleted; its history is kept."))
    return redirect("catalogue")


@rule(Kind.PUBLIC_CONTENT, Action.VIEW)
def entry_history(request, slug):
    revisions = selectors.revisions(services.ENTRY, slug)
    if not revisions:
        raise Http404
    return render(
        request, "catalogue/history.html", {"slug": slug, "entry": selectors.entry(slug), "revisions": revisions}
    )


# ---------------------------------------------------------------- self-assessment


@rule(Kind.SELF_ASSESSMENT, Action.LIST)
def assessments(request):
    context = {
        "assessments": selectors.own_assessments(),
        "runs": selectors.entries_run_by(request.actor.organisation),
    }
    return render(request, "catalogue/assessments.html", context)


@rule(Kind.SELF_ASSESSMENT, Action.UPDATE, methods=("GET", "POST"))
def assessment_edit(request, slug):
    entry = _entry_or_404(slug)
    assessment = services.assessment_for(request.actor, entry)
    form = forms.AssessmentForm(bound(request), answers=assessment.answers)

    def act(_data):
        services.save_assessment(request.actor, assessment, form.answers())

    if submit(request, form, act, success=_("The self-assessment is saved.")):
        return redirect("catalogue_assessment", slug=entry.slug)
    context = {
        "entry": entry,
        "assessment": assessment,
        "form": form,
        "rows": element_rows(assessment.answers) if assessment.pk else [],
        "may_publish": entry.run_by_id == request.actor.organisation.pk,
    }
    return render(request, "catalogue/assessment.html", context)


@rule(Kind.SELF_ASSESSMENT, Action.PUBLISH, methods=("POST",))
def assessment_publish(request, slug):
    entry = _entry_or_404(slug)
    assessment = services.assessment_for(request.actor, entry)
    publish = request.POST.get("publish") == "1"
    perform(
        request,
        lambda: services.publish_assessment(request.actor, assessment, publish=publish),
        success=_("Published on the entry.") if publish else _("No longer shown on the entry."),
    )
    return redirect("catalogue_assessment", slug=entry.slug)
