from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.audit.models import Action as LogAction
from brobygger.web.forms import bound

from . import selectors, services
from .forms import DecisionForm, DistributeForm, ReviewForm

RV = Kind.REVIEW


@rule(RV, Action.LIST, methods=("GET", "POST"))
def reviews(request):
    form = ReviewForm(bound(request))
    if request.method == "POST":
        if not policy.may(request.actor, RV, Action.CREATE):
            return redirect("reviews")
        if form.is_valid():
            try:
                review = services.create_review(request.actor, **form.cleaned_data)
            except services.ReviewError as error:
                form.add_error("starts_at", str(error))
            else:
                return redirect("review_detail", pk=review.pk)
    context = {
        "reviews": selectors.reviews()[:30],
        "form": form,
        "may_create": policy.may(request.actor, RV, Action.CREATE),
    }
    return render(request, "reviews/list.html", context)


@rule(RV, Action.VIEW)
def review_detail(request, pk):
    review = policy.get_object(
        request.actor, RV, Action.VIEW, pk, lambda reviews: reviews.select_related("organisation")
    )
    agenda = selectors.agenda(review)
    everyone = request.GET.get("everyone") == "1"
    audit.log(request.actor, LogAction.SEARCH, kind=RV, obj=review, criterion="case review agenda")
    context = {
        "review": review,
        **agenda,
        "may_decide": policy.may(request.actor, RV, Action.DECIDE),
        "decision_form": DecisionForm(on_agenda=None if everyone else selectors.people_on(agenda)),
        "everyone": everyone,
    }
    if context["may_decide"] and agenda["to_distribute"]:
        # The same choices on every row: drawn once, not once per young person to distribute.
        counsellors = DistributeForm().fields["counsellor"].queryset
        context["counsellor_options"] = render_to_string(
            "reviews/_counsellor_options.html", {"counsellors": counsellors}
        )
    return render(request, "reviews/detail.html", context)


@rule(RV, Action.DECIDE, methods=("POST",))
def decide(request, pk):
    review = policy.get_object(request.actor, RV, Action.DECIDE, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide(request.actor, review, **form.cleaned_data)
        except services.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The decision is recorded. The young person can read it."))
    else:
        messages.error(request, _("Choose the young person and write the decision."))
    return redirect("review_detail", pk=review.pk)


@rule(RV, Action.DISTRIBUTE, methods=("POST",))
def distribute(request, pk):
    review = policy.get_object(request.actor, RV, Action.DISTRIBUTE, pk)
    form = DistributeForm(request.POST)
    if form.is_valid():
        try:
            services.distribute(request.actor, review, **form.cleaned_data)
        except services.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Distributed: the counsellor is the entry point and the team is set up."))
    else:
        messages.error(request, _("Choose a counsellor."))
    return redirect("review_detail", pk=review.pk)
