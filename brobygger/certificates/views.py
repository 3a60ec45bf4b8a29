import json

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from brobygger.access import policy
from brobygger.access.policy import public, rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.audit.models import LogAction
from brobygger.core.forms import bound, submit
from brobygger.core.pdf import PdfUnavailable

from . import credential as documents
from . import selectors, services, verify
from .forms import ApproveForm, CertificateForm, ChangesForm, RevokeForm, SignForm, VerifyForm
from .models import Certificate
from .pdf import certificate_pdf

CERT = Kind.CERTIFICATE
SHOWN = (Certificate.State.ISSUED, Certificate.State.REVOKED)


def _certificate(request, pk, action):
    return policy.fetch(
        request.actor,
        CERT,
        action,
        pk,
        refine=lambda qs: qs.select_related("activity__company", "young_person", "occupation", "organisation"),
    ).obj


@rule(Kind.ACTIVITY, Action.WRITE_CERTIFICATE, methods=("GET", "POST"))
def write(request, pk):
    activity = policy.fetch(
        request.actor,
        Kind.ACTIVITY,
        Action.WRITE_CERTIFICATE,
        pk,
        refine=lambda qs: qs.select_related("company", "young_person", "offer__esco_occupation"),
    ).obj
    existing = selectors.live_certificate(activity)
    if existing is not None and existing.state in SHOWN:
        return redirect("certificate_detail", pk=existing.pk)
    initial = {}
    if existing is None:
        initial = {
            "title": activity.title,
            "tasks": getattr(selectors.learning_plan_of(activity), "tasks", ""),
            "occupation": activity.offer.esco_occupation.label
            if activity.offer_id and activity.offer.esco_occupation_id
            else "",
        }
    form = CertificateForm(bound(request), instance=existing, initial=initial)
    done = submit(
        request,
        form,
        lambda data: services.write(request.actor, activity, data=data),
        success=_("Saved. Sign it when it says what the young person learned."),
    )
    if done:
        return redirect("certificate_detail", pk=done.value.pk)
    context = {
        "form": form,
        "activity": activity,
        "hours": selectors.hours_total(activity),
        "refused": services.refusal(activity),
    }
    return render(request, "certificates/write.html", context)


@rule(CERT, Action.VIEW)
def detail(request, pk):
    certificate = _certificate(request, pk, Action.VIEW)
    audit.log_view(request.actor, CERT, certificate, certificate.young_person)
    context = {
        "certificate": certificate,
        "certified": documents.describe(certificate.credential) if certificate.credential else None,
        "own": request.actor.young_person_id == certificate.young_person_id,
        "may_sign": certificate.state == Certificate.State.DRAFT
        and policy.may_on(request.actor, CERT, Action.SIGN, certificate),
        "may_write": certificate.state in (Certificate.State.DRAFT, Certificate.State.SIGNED)
        and policy.may(request.actor, Kind.ACTIVITY, Action.WRITE_CERTIFICATE),
        "may_approve": certificate.state == Certificate.State.SIGNED
        and policy.may_on(request.actor, CERT, Action.APPROVE, certificate),
        "may_revoke": certificate.state == Certificate.State.ISSUED
        and policy.may_on(request.actor, CERT, Action.REVOKE, certificate),
        "sign_form": SignForm(initial={"signed_name": request.user.display_name}),
        "approve_form": ApproveForm(initial={"email": certificate.young_person.email}),
        "changes_form": ChangesForm(),
        "verify_url": selectors.verify_url(certificate) if certificate.state in SHOWN else "",
    }
    return render(request, "certificates/detail.html", context)


def _after(request, certificate, form, act, success, template):
    """Run a state change from the detail page; on a refusal show the form again with the reason."""
    if submit(request, form, act, success=success):
        return redirect("certificate_detail", pk=certificate.pk)
    return render(request, template, {"certificate": certificate, "form": form})


@rule(CERT, Action.SIGN, methods=("POST",))
def sign(request, pk):
    certificate = _certificate(request, pk, Action.SIGN)
    return _after(
        request,
        certificate,
        SignForm(request.POST),
        lambda data: services.sign(request.actor, certificate, signed_name=data["signed_name"]),
        _("Signed. The young person approves it before it is issued."),
        "certificates/sign_form.html",
    )


@rule(CERT, Action.APPROVE, methods=("POST",))
def approve(request, pk):
    certificate = _certificate(request, pk, Action.APPROVE)
    return _after(
        request,
        certificate,
        ApproveForm(request.POST),
        lambda data: services.approve(request.actor, certificate, email=data["email"]),
        _("Your learning certificate is issued. Download it and share it as you like."),
        "certificates/approve_form.html",
    )


@rule(CERT, Action.APPROVE, methods=("POST",))
def ask_for_changes(request, pk):
    certificate = _certificate(request, pk, Action.APPROVE)
    return _after(
        request,
        certificate,
        ChangesForm(request.POST),
        lambda data: services.ask_for_changes(request.actor, certificate, text=data["text"]),
        _("Sent. The company changes the certificate and signs it again."),
        "certificates/approve_form.html",
    )


@rule(CERT, Action.REVOKE, methods=("GET", "POST"))
def revoke(request, pk):
    certificate = _certificate(request, pk, Action.REVOKE)
    form = RevokeForm(bound(request))
    done = submit(
        request,
        form,
        lambda data: services.revoke(request.actor, certificate, reason=data["reason"]),
        success=_("The certificate is revoked. Anyone who checks it sees that now."),
    )
    if done:
        return redirect("certificate_detail", pk=certificate.pk)
    return render(request, "certificates/revoke_form.html", {"certificate": certificate, "form": form})


def _issued(request, pk):
    certificate = _certificate(request, pk, Action.VIEW)
    if certificate.state not in SHOWN:
        raise Http404
    audit.log(request.actor, LogAction.EXPORT, kind=CERT, subject=certificate.young_person, obj=certificate)
    return certificate


@rule(CERT, Action.VIEW)
def download_pdf(request, pk):
    certificate = _issued(request, pk)
    try:
        body = certificate_pdf(certificate)
    except PdfUnavailable:
        messages.error(request, _("The PDF cannot be made on this server right now. Download the file instead."))
        return redirect("certificate_detail", pk=certificate.pk)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="laeringsbevis.pdf"'
    return response


@rule(CERT, Action.VIEW)
def download_json(request, pk):
    certificate = _issued(request, pk)
    body = json.dumps(certificate.credential, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/vc; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="laeringsbevis.json"'
    return response


@rule(Kind.ISSUER_KEY, Action.LIST)
def issuer_keys(request):
    organisation = request.actor.organisation
    context = {"keys": selectors.issuer_keys(organisation), "did": selectors.did_of(organisation)}
    return render(request, "certificates/keys.html", context)


@rule(Kind.ISSUER_KEY, Action.UPDATE, methods=("POST",))
def rotate_key(request):
    key = services.rotate_key(request.actor, request.actor.organisation)
    messages.success(
        request, _("New signing key %(key)s. Certificates signed before still verify.") % {"key": key.key_id}
    )
    return redirect("issuer_keys")


# --- public: anyone checks a certificate -----------------------------------------------------


def _result_page(request, form, result=None, holder_matches=None):
    context = {"form": form, "result": result, "holder_matches": holder_matches}
    return render(request, "certificates/verify.html", context)


@public(methods=("GET", "POST"))
def verify_page(request):
    form = VerifyForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _result_page(request, form)
    try:
        document = verify.parse(form.cleaned_data["raw"])
    except ValueError as error:
        form.add_error(None, str(error))
        return _result_page(request, form)
    result = verify.verify(document)
    holder = form.cleaned_data.get("holder", "").strip()
    holder_matches = documents.belongs_to(document, holder) if holder else None
    return _result_page(request, VerifyForm(), result, holder_matches)


@public
def verify_link(request, public_id):
    """Where the QR code on the paper certificate leads."""
    certificate = selectors.issued_by_public_id(public_id)
    if certificate is None:
        raise Http404
    return _result_page(request, VerifyForm(), verify.verify(certificate.credential))


@csrf_exempt  # a public, read-only check that changes nothing and uses no session
@public(methods=("POST",))
def verify_api(request):
    try:
        document = verify.parse(request.body)
    except ValueError as error:
        return JsonResponse({"result": "unreadable", "message": str(error)}, status=400)
    return JsonResponse(verify.verify(document).as_json(), json_dumps_params={"ensure_ascii": False})


@public
def did_document(request, organisation):
    found = selectors.organisation_by_slug(organisation)
    keys = selectors.issuer_keys(found) if found else []
    if not keys:
        raise Http404
    response = JsonResponse(documents.did_document(found.slug, keys), content_type="application/did+json")
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@public
def status_list(request, organisation):
    """The signed revocation list. Revalidated on every use, so a revocation shows at once."""
    published = selectors.published_status_list(organisation)
    if published is None:
        raise Http404
    response = JsonResponse(published, content_type="application/vc")
    response["Cache-Control"] = "public, no-cache"
    response["Access-Control-Allow-Origin"] = "*"
    return response
