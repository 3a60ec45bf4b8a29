from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.core.forms import bound, perform, submit

from . import selectors, services
from .forms import DecisionForm, DistributeForm, ReviewForm

RV = Kind.REVIEW


@rule(RV, Action.LIST, methods=("GET", "POST"))
def reviews(request):
    form = ReviewForm(bound(request))
    if request.method == "POST":
        if not policy.may(request.actor, RV, Action.CREATE):
            return redirect("reviews")
        done = submit(request, form, lambda data: services.create_review(request.actor, **data), field="starts_at")
        if done:
            return redirect("review_detail", pk=done.value.pk)
    context = {
        "reviews": selectors.reviews()[:30],
        "form": form,
        "may_create": policy.may(request.actor, RV, Action.CREATE),
    }
    return render(request, "reviews/list.html", context)


def _review(request, pk, action):
    review = policy.fetch(request.actor, RV, action, pk).obj
    review.organisation = request.actor.organisation  # the scope's, which `get_object` found it in
    return review


@rule(RV, Action.VIEW)
def review_detail(request, pk):
    """The agenda, built from the data: every list of it, in one answer."""
    review = _review(request, pk, Action.VIEW)
    today = timezone.localdate()
    whole = request.GET.get("all") == "1"
    lists = selectors.agenda(review, today, shown=None if whole else selectors.SHOWN)
    # One row about each young person the agenda shows, so it is in their history (and goes with them).
    people = selectors.people_on(lists)
    audit.log_search(request.actor, kind=RV, criterion="case review agenda", found=people)
    may_decide = policy.may(request.actor, RV, Action.DECIDE)
    context = {
        "review": review,
        "viewable": policy.allowed_among(request.actor, Kind.YOUNG_PERSON, Action.VIEW, people),
        "no_contact_days": review.organisation.review_no_contact_days,
        "may_decide": may_decide,
        "more_url": "?all=1",  # each list that shows only its first rows offers the rest
        **lists,
    }
    if may_decide and context.get("to_distribute"):
        # The same choices on every row: drawn once, not once per young person to distribute.
        counsellors = DistributeForm().fields["counsellor"].queryset
        context["counsellor_options"] = render_to_string(
            "reviews/_counsellor_options.html", {"counsellors": counsellors}
        )
    return render(request, "reviews/detail.html", context)


@rule(RV, Action.DECIDE, methods=("GET", "POST"))
def decide(request, pk):
    """Record a decision. The form offers the people the agenda names; everyone on request."""
    review = _review(request, pk, Action.DECIDE)
    everyone = request.GET.get("everyone") == "1"
    form = DecisionForm(bound(request), initial={"young_person": request.GET.get("young_person")})
    decided = submit(
        request,
        form,
        lambda data: services.decide(request.actor, review, **data),
        success=_("The decision is recorded. The young person can read it."),
    )
    if decided:
        return redirect(f"{reverse('review_detail', kwargs={'pk': review.pk})}#dec-h")
    if not everyone:
        form.offer(selectors.people_on(selectors.agenda(review)))
    context = {"review": review, "decision_form": form, "everyone": everyone}
    return render(request, "reviews/decide.html", context)


@rule(RV, Action.DISTRIBUTE, methods=("POST",))
def distribute(request, pk):
    review = policy.fetch(request.actor, RV, Action.DISTRIBUTE, pk).obj
    form = DistributeForm(request.POST)
    if form.is_valid():
        perform(
            request,
            lambda: services.distribute(request.actor, review, **form.cleaned_data),
            success=_("Distributed: the counsellor is the entry point and the team is set up."),
        )
    else:
        messages.error(request, _("Choose a counsellor."))
    return redirect("review_detail", pk=review.pk)
