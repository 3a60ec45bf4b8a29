from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import login_only, rule
from brobygger.access.rules import Action, Kind
from brobygger.core.forms import bound
from brobygger.tenancy.services import INVITATION_DAYS

from . import selectors, services
from .forms import CompanyForm, ContactForm, ContactPersonForm, MentorInviteForm, OfferForm
from .models import EscoOccupation

CP = Kind.COMPANY
COMPANIES_PER_PAGE = 12  # about a phone screen, then "Næste"


@rule(CP, Action.LIST)
def company_list(request):
    companies = selectors.with_counts(policy.visible(request.actor, CP, Action.LIST))
    page = Paginator(companies, COMPANIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "companies/list.html", {"page": page, "companies": page.object_list})


@rule(CP, Action.DASHBOARD)
def dashboard(request):
    """The consultant's view of the network: active, free places, not contacted."""
    days = request.actor.organisation.no_contact_days
    whole = request.GET.get("all") == "1"
    data = selectors.dashboard(policy.visible(request.actor, CP, Action.DASHBOARD), days, limit=None if whole else 10)
    return render(request, "companies/dashboard.html", {**data, "days": days, "more_url": "?all=1"})


@rule(CP, Action.CREATE, methods=("GET", "POST"))
def company_create(request):
    form = CompanyForm(bound(request))
    if request.method == "POST" and form.is_valid():
        company = services.create_company(request.actor, data=form.cleaned_data)
        messages.success(request, _("%(name)s is added to the network.") % {"name": company.name})
        return redirect("company_detail", pk=company.pk)
    return render(request, "companies/form.html", {"form": form, "title": _("New company")})


@rule(CP, Action.VIEW)
def company_detail(request, pk):
    company = policy.fetch(request.actor, CP, Action.VIEW, pk, refine=selectors.with_people).obj
    actor = request.actor
    staff_view = policy.may(actor, CP, Action.LOG_CONTACT)
    context = {
        "company": company,
        "may_update": policy.may(actor, CP, Action.UPDATE),
        "may_add_offer": policy.may(actor, CP, Action.CREATE_OFFER),
        "may_suggest": policy.may(actor, Kind.OFFER, Action.SUGGEST),
        "offers": selectors.offers_of(company),
        "contact_log": selectors.contact_log(company) if staff_view else None,
        "history": selectors.placement_history(company)[:50] if staff_view else None,
        "contact_form": ContactForm() if staff_view else None,
        "mentor_invitations": selectors.pending_mentor_invitations(company) if staff_view else None,
    }
    return render(request, "companies/detail.html", context)


@rule(CP, Action.UPDATE, methods=("GET", "POST"))
def company_edit(request, pk):
    company = policy.fetch(request.actor, CP, Action.UPDATE, pk).obj
    form = CompanyForm(bound(request), instance=company)
    if request.method == "POST" and form.is_valid():
        services.update_company(company, data=form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("company_detail", pk=company.pk)
    title = _("Edit %(name)s") % {"name": company.name}
    return render(request, "companies/form.html", {"form": form, "title": title, "company": company})


@rule(CP, Action.LOG_CONTACT, methods=("POST",))
def contact_add(request, pk):
    company = policy.fetch(request.actor, CP, Action.LOG_CONTACT, pk).obj
    form = ContactForm(request.POST)
    if form.is_valid():
        services.log_contact(request.actor, company, **form.cleaned_data)
        messages.success(request, _("The contact is logged."))
    else:
        messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect("company_detail", pk=company.pk)


def _company_to_update(request, pk):
    return policy.fetch(request.actor, CP, Action.UPDATE, pk).obj


def _gone(request, company):
    """A person a colleague took off the page while this one was open: say so, and show the page."""
    messages.info(request, _("That person is no longer on the company's page."))
    return redirect("company_detail", pk=company.pk)


@rule(CP, Action.UPDATE, methods=("GET", "POST"))
def contact_person_add(request, pk):
    company = _company_to_update(request, pk)
    form = ContactPersonForm(bound(request))
    if request.method == "POST" and form.is_valid():
        contact = services.add_contact(company, **form.cleaned_data)
        messages.success(request, _("%(name)s is added as a contact.") % {"name": contact.name})
        return redirect("company_detail", pk=company.pk)
    title = _("New contact at %(name)s") % {"name": company.name}
    return render(request, "companies/form.html", {"form": form, "title": title, "company": company})


@rule(CP, Action.UPDATE, methods=("GET", "POST"))
def contact_person_edit(request, pk, contact):
    company = _company_to_update(request, pk)
    person = company.contacts.filter(pk=contact).first()
    if person is None:
        return _gone(request, company)
    form = ContactPersonForm(bound(request), instance=person)
    if request.method == "POST" and form.is_valid():
        services.update_contact(person, data=form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("company_detail", pk=company.pk)
    title = _("Edit %(name)s") % {"name": person.name}
    context = {
        "form": form,
        "title": title,
        "company": company,
        "end_url": reverse("contact_person_end", args=[company.pk, person.pk]),
    }
    return render(request, "companies/form.html", context)


@rule(CP, Action.UPDATE, methods=("POST",))
def contact_person_end(request, pk, contact):
    company = _company_to_update(request, pk)
    person = company.contacts.filter(pk=contact).first()
    if person is None:
        return _gone(request, company)
    services.end_contact(person)
    messages.success(
        request, _("%(name)s is no longer a contact at %(company)s.") % {"name": person.name, "company": company.name}
    )
    return redirect("company_detail", pk=company.pk)


@rule(CP, Action.UPDATE, methods=("GET", "POST"))
def mentor_invite(request, pk):
    company = _company_to_update(request, pk)
    form = MentorInviteForm(bound(request))
    if request.method == "POST" and form.is_valid():
        services.invite_mentor(request.actor, company, base_url=request.build_absolute_uri("/"), **form.cleaned_data)
        messages.success(
            request,
            _("Invitation sent to %(email)s: they become a mentor here when they open it (valid %(days)s days).")
            % {"email": form.cleaned_data["email"], "days": INVITATION_DAYS},
        )
        return redirect("company_detail", pk=company.pk)
    title = _("Invite a mentor at %(name)s") % {"name": company.name}
    return render(
        request,
        "companies/form.html",
        {"form": form, "title": title, "company": company, "submit": _("Send the invitation")},
    )


@rule(CP, Action.UPDATE, methods=("POST",))
def mentor_end(request, pk, mentor):
    company = _company_to_update(request, pk)
    seat = company.mentors.select_related("user").filter(pk=mentor).first()
    if seat is None:
        return _gone(request, company)
    services.end_mentor(seat)
    messages.success(
        request,
        _("%(name)s is no longer a mentor at %(company)s and no longer sees its young people.")
        % {"name": seat.user.display_name, "company": company.name},
    )
    return redirect("company_detail", pk=company.pk)


@rule(CP, Action.UPDATE, methods=("POST",))
def mentor_invitation_cancel(request, pk, seat):
    company = _company_to_update(request, pk)
    found = company.mentor_invitations.select_related("invitation").filter(pk=seat).first()
    if found is None:
        return _gone(request, company)
    services.cancel_mentor_invitation(found)
    messages.success(request, _("The invitation to %(email)s is cancelled.") % {"email": found.invitation.email})
    return redirect("company_detail", pk=company.pk)


@rule(CP, Action.CREATE_OFFER, methods=("GET", "POST"))
def offer_create(request, pk):
    company = policy.fetch(request.actor, CP, Action.CREATE_OFFER, pk).obj
    form = OfferForm(bound(request))
    if request.method == "POST" and form.is_valid():
        services.create_offer(company, data=form.offer_data())
        messages.success(request, _("The offer is created."))
        return redirect("company_detail", pk=company.pk)
    return render(request, "companies/offer_form.html", {"form": form, "company": company})


@rule(Kind.OFFER, Action.UPDATE, methods=("GET", "POST"))
def offer_edit(request, pk):
    offer = policy.fetch(request.actor, Kind.OFFER, Action.UPDATE, pk, lambda qs: qs.select_related("company")).obj
    form = OfferForm(bound(request), instance=offer)
    if request.method == "POST" and form.is_valid():
        services.update_offer(offer, data=form.offer_data())
        messages.success(request, _("Saved."))
        return redirect("company_detail", pk=offer.company_id)
    return render(request, "companies/offer_form.html", {"form": form, "company": offer.company, "offer": offer})


OFFERS_PER_PAGE = 12  # each row is rich (kind, hours, place, occupation, free places); as the follow-up list


@rule(Kind.OFFER, Action.LIST)
def offer_list(request):
    offers = selectors.offers_with_free_places(
        policy.visible(request.actor, Kind.OFFER, Action.LIST)
        .filter(is_open=True)
        .select_related("company", "esco_occupation")
        .only(*selectors.OFFER_ROW)
    )
    page = Paginator(offers, OFFERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "may_suggest": policy.may(request.actor, Kind.OFFER, Action.SUGGEST)}
    return render(request, "companies/offers.html", context)


@login_only
def esco_search(request):
    """Suggestions for the occupation field (public reference data)."""
    term = " ".join(request.GET.get("occupation", request.GET.get("q", "")).split())[:100]
    options = EscoOccupation.objects.filter(label__icontains=term).order_by("label")[:15] if len(term) >= 2 else []
    return render(request, "companies/_esco_options.html", {"options": options})
