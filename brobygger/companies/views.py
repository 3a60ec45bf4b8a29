from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind

from . import selectors, services
from .forms import CompanyForm

CP = Kind.COMPANY


@rule(CP, Action.LIST)
def company_list(request):
    companies = selectors.with_counts(policy.queryset(request.actor, CP, Action.LIST))
    return render(request, "companies/list.html", {"companies": companies})


@rule(CP, Action.CREATE, methods=("GET", "POST"))
def company_create(request):
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        company = services.create_company(request.actor, data=form.cleaned_data)
        messages.success(request, _("%(name)s is added to the network.") % {"name": company.name})
        return redirect("company_detail", pk=company.pk)
    return render(request, "companies/form.html", {"form": form, "title": _("New company")})


@rule(CP, Action.VIEW)
def company_detail(request, pk):
    company = policy.get_object(request.actor, CP, Action.VIEW, pk, queryset_hook=selectors.with_people)
    may_update = policy.may(request.actor, CP, Action.UPDATE)
    return render(request, "companies/detail.html", {"company": company, "may_update": may_update})


@rule(CP, Action.UPDATE, methods=("GET", "POST"))
def company_edit(request, pk):
    company = policy.get_object(request.actor, CP, Action.UPDATE, pk)
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        services.update_company(company, data=form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("company_detail", pk=company.pk)
    title = _("Edit %(name)s") % {"name": company.name}
    return render(request, "companies/form.html", {"form": form, "title": title, "company": company})
