import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import public, rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.audit.models import LogAction, LogKind
from brobygger.catalogue import selectors as catalogue_selectors
from brobygger.core.dates import shown_date, shown_time
from brobygger.core.forms import bound, submit
from brobygger.core.pdf import PdfUnavailable
from brobygger.core.roles import Role
from brobygger.people import selectors as people_selectors
from brobygger.tenancy import selectors as tenancy_selectors

from . import exports, figures, open_data, selectors, services
from .forms import FiguresForm, MeasureForm, OwnInstrumentForm, PublishForm, TargetsForm
from .models import OpenDataRelease, Response


def _instrument(key, respondent):
    instrument = selectors.instrument(key)
    if instrument is None or (respondent == "young_person" and instrument.respondent != "young_person"):
        raise Http404
    return instrument


@rule(Kind.OWN_DATA, Action.ANSWER_MEASURE)
def own_measures(request):
    young_person = people_selectors.own_young_person(request.actor)
    if young_person is None:
        return redirect("portal")
    language = translation.get_language()
    offered = [
        (i.id, i.title.get(language) or i.title["da"], i.minutes) for i in selectors.instruments_for("young_person")
    ]
    context = {"offered": offered, "responses": selectors.responses_of(young_person)[:20]}
    return render(request, "outcomes/own_measures.html", context)


@rule(Kind.OWN_DATA, Action.ANSWER_MEASURE, methods=("GET", "POST"))
def own_measure_answer(request, instrument):
    young_person = people_selectors.own_young_person(request.actor)
    if young_person is None:
        return redirect("portal")
    definition = _instrument(instrument, "young_person")
    language = translation.get_language()
    form = MeasureForm(bound(request), instrument=definition, language=language)

    def act(data):
        services.record(
            request.actor,
            young_person,
            instrument_id=definition.id,
            answers=form.answers(),
            language=language,
            mode=Response.Mode.SELF,
        )

    if submit(request, form, act, success=_("Thank you for your answers.")):
        return redirect("portal")
    return render(request, "outcomes/answer.html", {"form": form, "instrument": definition, "language": language})


@rule(Kind.YOUNG_PERSON, Action.RECORD_MEASURE, methods=("GET", "POST"))
def measure_answer(request, pk, instrument):
    """A professional reads a measure aloud with the young person, or gives their own view."""
    young_person = policy.fetch(request.actor, Kind.YOUNG_PERSON, Action.RECORD_MEASURE, pk).obj
    definition = _instrument(instrument, "staff")
    language = translation.get_language()
    form = MeasureForm(bound(request), instrument=definition, language=language, staff=True)

    def act(data):
        mode = data.get("mode") or Response.Mode.SELF
        services.record(
            request.actor,
            young_person,
            instrument_id=definition.id,
            answers=form.answers(),
            language=language,
            mode=mode,
        )

    if submit(request, form, act, success=_("The answers are saved. The young person can see them.")):
        return redirect("young_person_detail", pk=young_person.pk)
    context = {"form": form, "instrument": definition, "language": language, "young_person": young_person}
    return render(request, "outcomes/answer.html", context)


@rule(Kind.ATTENTION, Action.RECORD, methods=("POST",))
def attention_done(request, pk):
    attention = policy.fetch(request.actor, Kind.ATTENTION, Action.RECORD, pk).obj
    services.attended(request.actor, attention)
    messages.success(request, _("Marked as done."))
    return redirect("home")


# --- figures ---------------------------------------------------------


def _figure_organisations(actor):
    """Organisations whose figures this user may see: where they are an analyst or a team lead."""
    allowed = {
        m.organisation_id
        for m in (actor.memberships if actor.memberships is not None else tenancy_selectors.memberships_of(actor.user))
        if m.role in (Role.ANALYST, Role.TEAM_LEAD)
    }
    return [org for org in actor.organisations if org.pk in allowed]


def _figures_for(request):
    organisations = _figure_organisations(request.actor)
    initiatives = list(catalogue_selectors.initiatives_of(organisations))
    form = FiguresForm(request.GET, organisations=organisations, initiatives=initiatives)
    if not form.is_valid():
        return form, None, None
    data = form.cleaned_data
    filters = figures.Filters(
        organisations=tuple(str(o.pk) for o in organisations),
        start=data["start"],
        end=data["end"],
        organisation=data.get("organisation") or None,
        initiative=data.get("initiative") or None,
        age_band=data.get("age_band") or None,
        gender=data.get("gender") or None,
        compare_by=data.get("compare_by") or None,
    )
    labels_for = figures.dimension_labels(organisations, initiatives)
    result = figures.build(
        filters, labels_for=labels_for, today=timezone.localdate(), language=translation.get_language()
    )
    return form, result, _about(form, filters, labels_for, result["made_at"])


def _about(form, filters, labels_for, made_at):
    """The filters in words, for the exports."""
    lines = [
        [_("Period"), f"{shown_date(filters.start)} – {shown_date(filters.end)}"],
        [_("Made"), shown_time(made_at)],
    ]
    for name, value in filters.where().items():
        lines.append([str(form.fields[name].label), str(labels_for(name).get(value, value))])
    lines.append(
        [
            _("Anonymised"),
            _(
                "Counts under 3 are hidden (..), and so is at least one more count on every line where one is, "
                "across every filter, so no one can be worked out by subtracting."
            ),
        ]
    )
    return {"about": lines}


@rule(Kind.FIGURES, Action.VIEW)
def figures_page(request):
    """The filters, the targets and every figure, in one answer: the figures are made once (or found
    made) for the filters, and each is a short table beside it, so parts would only read them again."""
    form, result, about = _figures_for(request)
    if result is not None:
        audit.log(request.actor, LogAction.VIEW, kind=LogKind.FIGURES, criterion=request.GET.urlencode())
    context = {
        "form": form,
        "figures": result,
        "query": request.GET.urlencode(),
        "fresh_minutes": int(figures.FRESH_FOR.total_seconds() // 60),
        "may_export": policy.may(request.actor, Kind.FIGURES, Action.EXPORT),
        "may_set_targets": policy.may(request.actor, Kind.FIGURES, Action.UPDATE),
        "may_publish": policy.may(request.actor, Kind.FIGURES, Action.PUBLISH),
    }
    return render(request, "outcomes/figures.html", context)


@rule(Kind.FIGURES, Action.EXPORT)
def figures_export(request, fmt):
    form, result, about = _figures_for(request)
    if result is None:
        messages.error(request, _("Correct the filters first."))
        return redirect("figures")
    audit.log(request.actor, LogAction.EXPORT, kind=LogKind.FIGURES, criterion=f"{fmt} {request.GET.urlencode()}"[:300])
    stem = f"brobygger-resultater-{result['filters'].start:%Y%m%d}-{result['filters'].end:%Y%m%d}"
    if fmt == "xlsx":
        body = exports.workbook(result, about)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        try:
            body = exports.pdf(result, about, request)
        except PdfUnavailable:
            messages.error(
                request, _("The PDF cannot be made on this server right now. Download the workbook instead.")
            )
            return redirect("figures")
        content_type = "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


@rule(Kind.FIGURES, Action.UPDATE, methods=("GET", "POST"))
def targets(request):
    year = _year(request)
    existing = {t.key: t.value for t in selectors.targets_for(year)}
    form = TargetsForm(bound(request), initial=existing)

    def act(data):
        services.set_targets(request.actor, year=year, values=form.values())

    if submit(request, form, act, success=_("The targets are saved.")):
        return redirect(f"{reverse('targets')}?year={year}")
    return render(request, "outcomes/targets.html", {"form": form, "year": year})


def _year(request):
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


@rule(Kind.FIGURES, Action.PUBLISH, methods=("GET", "POST"))
def open_data_manage(request):
    form = PublishForm(bound(request))
    organisation = request.actor.organisation

    def act(data):
        rows = open_data.rows_for(
            organisation,
            catalogue_selectors.initiatives_of([organisation]),
            data["year"],
            today=timezone.localdate(),
        )
        services.publish(request.actor, year=data["year"], rows=rows)

    if submit(request, form, act, success=_("Published. Anyone can now download the figures.")):
        return redirect("open_data_manage")
    context = {"form": form, "releases": selectors.releases()}
    return render(request, "outcomes/open_data_manage.html", context)


@rule(Kind.FIGURES, Action.PUBLISH, methods=("POST",))
def open_data_withdraw(request, pk):
    release = get_object_or_404(selectors.releases(), pk=pk)
    services.withdraw(request.actor, release)
    messages.success(request, _("Withdrawn. The files are no longer served."))
    return redirect("open_data_manage")


@public
def open_data_index(request):
    releases = selectors.published_releases()
    return render(
        request,
        "outcomes/open_data_index.html",
        {"releases": releases, "side_by_side": open_data.side_by_side(releases)},
    )


@public
def open_data_schema(request, version):
    if version != OpenDataRelease.SCHEMA_VERSION:
        raise Http404
    context = {"version": version, "measures": open_data.MEASURES, "columns": open_data.CSV_COLUMNS}
    return render(request, "outcomes/open_data_schema.html", context)


@public
def open_data_file(request, organisation, year, fmt):
    release = selectors.published_release(organisation, year)
    if release is None:
        raise Http404
    name = f"brobygger-{release.organisation.slug}-{release.year}"
    if fmt == "json":
        schema_url = request.build_absolute_uri(reverse("open_data_schema", args=[release.schema_version]))
        body = json.dumps(open_data.as_json(release, schema_url=schema_url), ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(open_data.as_csv(release), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@rule(Kind.OWN_INSTRUMENT, Action.CREATE, methods=("GET", "POST"))
def own_instruments(request):
    form = OwnInstrumentForm(bound(request))

    def act(data):
        services.add_own_instrument(request.actor, data=data)

    if submit(request, form, act, success=_("The measure is added. It can be answered now.")):
        return redirect("own_instruments")
    return render(request, "outcomes/own_instruments.html", {"form": form, "own": selectors.own_instruments()})
