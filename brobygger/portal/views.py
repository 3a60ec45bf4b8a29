import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.audit.models import LogAction
from brobygger.core.forms import bound, submit
from brobygger.core.pdf import PdfUnavailable, render_pdf
from brobygger.core.transparency import section as registry_section
from brobygger.core.transparency import sections, sections_to_read
from brobygger.pathways import selectors as pathway_selectors
from brobygger.pathways import services as pathway_services
from brobygger.pathways.forms import AcceptForm, WishForm
from brobygger.pathways.views import step_form_view, tracks_form_view
from brobygger.people import selectors as people_selectors

OWN = Kind.OWN_DATA


def _own(request):
    return people_selectors.own_young_person(request.actor)


@rule(OWN, Action.VIEW)
def portal(request):
    """Everything written about the young person, section by section, each whole or its first rows
    with a link to all, and where they are on the way at the top. One query finds which sections
    hold rows; only those are read."""
    young_person = _own(request)
    if young_person is None:
        return render(request, "portal/no_pathway.html")
    audit.log_view(request.actor, OWN, young_person, young_person)
    to_read = sections_to_read(young_person)
    blocks = [
        (section, *_preview(section, to_read[section.key])) if section.key in to_read else (section, [], False)
        for section in sections()
    ]
    shown = {section.key: rows for section, rows, _more in blocks}  # the way's sections are whole
    context = {
        "young_person": young_person,
        "blocks": blocks,
        "pathway": pathway_selectors.pathway_of(young_person, read=shown["pathway"]),
        "next_step": pathway_selectors.next_good_step(shown["plan"]),
        "progress": pathway_selectors.progress(shown["plan"]),
        "status": pathway_selectors.current_status(young_person, read=to_read.get("status", [])),
        # The open yes/no questions, right under the next good step (their sections are further down).
        "waiting_activities": [a for a in shown.get("activities", []) if a.state == "proposed"],
        "waiting_certificates": [c for c in shown.get("certificates", []) if c.state == "signed"],
    }
    return render(request, "portal/portal.html", context)


def _preview(section, rows):
    if section.preview is None:
        return list(rows), False
    first = list(rows[: section.preview + 1])
    return first[: section.preview], len(first) > section.preview


@rule(OWN, Action.VIEW)
def own_section(request, key):
    """Every row of one section of the portal, a page at a time."""
    section = registry_section(key)
    if section is None:
        raise Http404
    young_person = _own(request)
    if young_person is None:
        return redirect("portal")
    audit.log_view(request.actor, OWN, young_person, young_person)
    page = Paginator(section.rows(young_person), 100).get_page(request.GET.get("page"))
    context = {"section": section, "page": page, "young_person": young_person}
    return render(request, "portal/section_all.html", context)


def _with_own(view):
    def wrapper(request, *args, **kwargs):
        young_person = _own(request)
        if young_person is None:
            return redirect("portal")
        return view(request, young_person, *args, **kwargs)

    return wrapper


@rule(OWN, Action.UPDATE_PLAN, methods=("GET", "POST"))
@_with_own
def own_step_create(request, young_person):
    return step_form_view(request, young_person, staff=False)


@rule(OWN, Action.UPDATE_PLAN, methods=("GET", "POST"))
@_with_own
def own_tracks_edit(request, young_person):
    return tracks_form_view(request, young_person)


@rule(OWN, Action.ACCEPT_PATHWAY, methods=("GET", "POST"))
@_with_own
def own_accept(request, young_person):
    form = AcceptForm(bound(request))
    accepted = submit(
        request,
        form,
        lambda data: pathway_services.accept(request.actor, young_person, **data),
        success=_("Welcome. Your pathway has started."),
    )
    if accepted:
        return redirect("portal")
    return render(request, "pathways/accept_form.html", {"form": form, "young_person": young_person, "own": True})


@rule(OWN, Action.WISH, methods=("GET", "POST"))
@_with_own
def wish_create(request, young_person):
    form = WishForm(bound(request))
    if request.method == "POST" and form.is_valid():
        pathway_services.add_wish(request.actor, young_person, **form.cleaned_data)
        messages.success(request, _("Thank you. Your wish is sent to your team."))
        return redirect("portal")
    return render(request, "portal/wish_form.html", {"form": form, "young_person": young_person})


def export_data(young_person):
    return {
        "exported_at": timezone.now().isoformat(),
        "young_person": young_person.full_name,
        "sections": {
            section.key: {
                "title": str(section.title),
                "rows": [section.export(row) for row in section.rows(young_person)],
            }
            for section in sections()
        },
    }


def _log_export(request, young_person, fmt):
    audit.log(request.actor, LogAction.EXPORT, kind=OWN, subject=young_person, obj=young_person, criterion=fmt)


@rule(OWN, Action.EXPORT)
@_with_own
def export_json(request, young_person):
    _log_export(request, young_person, "json")
    body = json.dumps(export_data(young_person), ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="brobygger-mine-data.json"'
    return response


@rule(OWN, Action.EXPORT)
@_with_own
def export_pdf(request, young_person):
    try:
        pdf = render_pdf("portal/export_pdf.html", {"data": export_data(young_person)}, request)
    except PdfUnavailable:
        messages.error(request, _("The PDF cannot be made on this server right now. Download the data file instead."))
        return redirect("portal")
    _log_export(request, young_person, "pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="brobygger-mine-data.pdf"'
    return response
