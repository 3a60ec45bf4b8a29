from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scopes_disabled
from icalendar import Calendar, Event

from brobygger.access import policy, rules
from brobygger.access.policy import public, rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.core.forms import bound, perform, submit

from . import selectors, services
from .forms import CheckForm, ContactForm
from .reminders import initials

FC, SC = Kind.FOLLOWUP_CONTACT, Kind.STATUS_CHECK


def _back(request):
    target = request.POST.get("next", "")
    return redirect(target if target in ("home", "followup_home") else "followup_home")


@rule(FC, Action.LIST)
def followup_home(request):
    contacts, checks = selectors.due_for(request.user)
    more = 0
    if request.GET.get("all") == "1":
        contacts = list(contacts)
    else:
        contacts, more = selectors.first(contacts, selectors.PAGE_SHOWS)
    context = {
        "contacts": contacts,
        "checks": checks,
        "more": more,
        "today": timezone.localdate(),
        "how_choices": selectors.how_it_goes_choices(),
        "feed_url": request.session.pop("feed_url", None),
        "has_feed": selectors.has_feed(request.user),
    }
    return render(request, "followup/home.html", context)


@rule(FC, Action.RECORD, methods=("GET", "POST"))
def contact_record(request, pk):
    """Two taps from the home screen: "reached" opens the choices, one of them saves."""
    contact = policy.fetch(request.actor, FC, Action.RECORD, pk, lambda qs: qs.select_related("young_person")).obj
    form = ContactForm(bound(request))
    done = submit(
        request,
        form,
        lambda data: services.record_contact(request.actor, contact, **data),
        success=_("The follow-up contact is recorded."),
    )
    if done:
        lapsed = done.value.lapsed_before
        if lapsed:
            messages.info(
                request,
                ngettext(
                    "%(n)s earlier contact that was not made is closed as lapsed.",
                    "%(n)s earlier contacts that were not made are closed as lapsed.",
                    lapsed,
                )
                % {"n": lapsed},
            )
        return _back(request)
    return render(request, "followup/contact_form.html", {"form": form, "contact": contact})


@rule(SC, Action.RECORD, methods=("GET", "POST"))
def check_record(request, pk):
    check = policy.fetch(request.actor, SC, Action.RECORD, pk, lambda qs: qs.select_related("young_person")).obj
    form = CheckForm(bound(request))
    done = submit(
        request,
        form,
        lambda data: services.record_check(request.actor, check, **data),
        success=_("The status check is recorded."),
    )
    if done:
        return _back(request)
    return render(request, "followup/check_form.html", {"form": form, "check": check})


@rule(Kind.YOUNG_PERSON, Action.START_FOLLOWUP, methods=("POST",))
def plan_start(request, pk):
    young_person = policy.fetch(request.actor, Kind.YOUNG_PERSON, Action.START_FOLLOWUP, pk).obj
    perform(
        request, lambda: services.create_plan(request.actor, young_person), success=_("The follow-up plan is created.")
    )
    return redirect("young_person_detail", pk=young_person.pk)


@rule(FC, Action.LIST, methods=("POST",))
def feed_issue(request):
    """A new secret calendar address; the old one stops working. Shown once."""
    token = services.issue_feed(request.user)
    request.session["feed_url"] = request.build_absolute_uri(reverse("followup_feed", kwargs={"token": token}))
    messages.success(request, _("Your calendar address is ready. Copy it now: it is shown only once."))
    return redirect("followup_home")


@rule(FC, Action.LIST, methods=("POST",))
def feed_stop(request):
    """The calendar address stops working at once (a lost phone, a shared calendar)."""
    services.stop_feed(request.user)
    messages.success(request, _("Your calendar address no longer works. Make a new one when you need it."))
    return redirect("followup_home")


@public
def feed(request, token):
    """The professional's open follow-ups as all-day events (dates, so daylight
    saving never moves them). Initials only: calendars live outside the platform."""
    with scopes_disabled():  # no session here; the token names the user
        owner = selectors.feed_owner(token)
        if owner is None or not owner.user.is_active:
            raise Http404
        # Only where the owner may still see follow-ups: the feed stops the moment they leave.
        follow_up_roles = rules.roles_allowed(FC, Action.LIST)
        working_in = {m.organisation_id for m in owner.user.memberships.all() if m.role in follow_up_roles}
        if not working_in:
            raise Http404
        contacts, checks = selectors.feed_items(owner.user, working_in)
        calendar = Calendar()
        calendar.add("prodid", "-//Brobygger//opfølgning//DA")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("Follow-ups in Brobygger"))
        for item, label in [(c, _("Follow-up")) for c in contacts] + [(c, _("Status check")) for c in checks]:
            event = Event()
            event.add("uid", f"{item._meta.model_name}-{item.pk}@brobygger")
            event.add("summary", f"{label}: {initials(item.young_person)}")
            event.add("dtstart", item.due_on)
            event.add("dtstamp", timezone.now())
            calendar.add_component(event)
        audit.log_calendar_feed(owner.user, {item.organisation_id for item in contacts + checks})
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
