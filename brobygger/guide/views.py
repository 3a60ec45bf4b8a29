from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access.policy import public, rule
from brobygger.access.rules import Action, Kind
from brobygger.catalogue import selectors as catalogue_selectors
from brobygger.core.forms import bound, submit

from . import selectors, services
from .forms import PageForm, TermForm
from .models import GlossaryTerm


def _page_or_404(audience, topic):
    page = selectors.page(audience, topic)
    if page is None:
        raise Http404
    return page


@public
def index(request):
    return render(request, "guide/index.html", {"audiences": selectors.pages_by_audience()})


@public
def page_detail(request, audience, topic):
    page = _page_or_404(audience, topic)
    context = {
        "page": page,
        "other": selectors.other_version(page),
        "terms": selectors.terms_for_topic(topic),
        "history_key": services.page_key(page),
    }
    return render(request, "guide/page.html", context)


@public
def glossary(request):
    text = request.GET.get("q", "")[:200]
    context = {"terms": selectors.terms(text), "q": text}
    template = "guide/_terms.html" if request.htmx and not request.htmx.boosted else "guide/glossary.html"
    return render(request, template, context)


@rule(Kind.PUBLIC_CONTENT, Action.UPDATE, methods=("GET", "POST"))
def page_edit(request, audience, topic):
    page = _page_or_404(audience, topic)
    form = PageForm(bound(request), instance=page)

    def act(data):
        services.save_page(request.actor, page, data, comment=data["comment"])

    if submit(request, form, act, success=_("The page is saved.")):
        return redirect("guide_page", audience=audience, topic=topic)
    return render(request, "guide/edit.html", {"form": form, "page": page})


def _term_edit(request, term):
    form = TermForm(bound(request), instance=term)

    def act(data):
        services.save_term(request.actor, term, data, comment=data["comment"])

    if submit(request, form, act, success=_("The word is saved.")):
        return redirect("glossary")
    return render(request, "guide/term_edit.html", {"form": form, "term": term if term.pk else None})


@rule(Kind.PUBLIC_CONTENT, Action.CREATE, methods=("GET", "POST"))
def term_new(request):
    return _term_edit(request, GlossaryTerm())


@rule(Kind.PUBLIC_CONTENT, Action.UPDATE, methods=("GET", "POST"))
def term_edit(request, term):
    term = selectors.term(term)
    if term is None:
        raise Http404
    return _term_edit(request, term)


@rule(Kind.PUBLIC_CONTENT, Action.VIEW)
def history(request, content, item):
    if content not in (services.PAGE, services.TERM):
        raise Http404
    revisions = catalogue_selectors.revisions(content, item)
    if not revisions:
        raise Http404
    return render(request, "catalogue/history.html", {"revisions": revisions, "slug": item})
