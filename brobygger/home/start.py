"""The start page's lists (brobygger.core.parts): each says whom it is for (no query) and what it lists."""

from django.utils import timezone

from brobygger.access import policy
from brobygger.access.rules import Action, Kind
from brobygger.core.parts import Part
from brobygger.core.roles import Role
from brobygger.followup import selectors as followup_selectors
from brobygger.outcomes import selectors as outcome_selectors
from brobygger.people import selectors as people_selectors
from brobygger.staircase import selectors as staircase_selectors

SHOWN_ON_HOME = 8  # rows of a start-page list: about a phone screen; each list links to all of them


def _caseload(request, context):
    actor = request.actor
    caseload = policy.visible(actor, Kind.YOUNG_PERSON, Action.LIST)
    return {
        "caseload": people_selectors.with_entry_point(caseload)[:SHOWN_ON_HOME],
        "caseload_count": caseload.count(),
        # Everyone whose caseload is their team may write notes on it (rules: WRITE_NOTE on TEAM or ORG).
        "may_write_notes": policy.may(actor, Kind.YOUNG_PERSON, Action.WRITE_NOTE),
    }


def _due(request, context):
    contacts, due_checks = followup_selectors.due_for(request.actor.user)
    due_contacts, due_more = followup_selectors.first(contacts, followup_selectors.HOME_SHOWS)
    return {
        "due_contacts": due_contacts,
        "due_checks": due_checks,
        "due_more": due_more,
        "how_choices": followup_selectors.how_it_goes_choices(),
        "today": timezone.localdate(),
    }


def _companies(request, context):
    actor = request.actor
    return {
        "companies": policy.visible(actor, Kind.COMPANY, Action.LIST)[:SHOWN_ON_HOME],
        "may_create_company": policy.may(actor, Kind.COMPANY, Action.CREATE),
    }


def _distribute(request, context):
    visible = policy.visible(request.actor, Kind.YOUNG_PERSON, Action.LIST)
    return {
        "to_distribute": people_selectors.without_counsellor(visible)[:20],
        "caseloads": people_selectors.caseload_counts(),
    }


def _for(check):
    """A part for the actors `check(actor)` says yes to."""
    return lambda request, context: check(request.actor)


# The role's core task comes first (the counsellor's note, the team lead's distribution), so that
# its first action is in the first screen of a phone.
PARTS = {
    "distribute": Part(
        "home/home/distribute.html",
        _distribute,
        _for(lambda actor: actor.has_role(Role.TEAM_LEAD)),
    ),
    "companies": Part(
        "home/home/companies.html",
        _companies,
        _for(
            lambda actor: policy.may(actor, Kind.COMPANY, Action.LIST) and actor.has_role(Role.CONSULTANT, Role.MENTOR)
        ),
    ),
    "caseload": Part(
        "home/home/caseload.html",
        _caseload,
        _for(lambda actor: policy.may(actor, Kind.YOUNG_PERSON, Action.LIST)),
    ),
    "attentions": Part(
        "home/home/attentions.html",
        lambda request, context: {"attentions": outcome_selectors.open_attentions_for(request.actor.user)},
        _for(lambda actor: actor.has_role(Role.COUNSELLOR)),
    ),
    "due": Part(
        "home/home/due.html",
        _due,
        _for(lambda actor: policy.may(actor, Kind.FOLLOWUP_CONTACT, Action.LIST)),
    ),
    "talents": Part(
        "home/home/talents.html",
        lambda request, context: {"talents": staircase_selectors.talents_for_team_member(request.actor.user)},
        _for(lambda actor: actor.has_role(Role.COUNSELLOR, Role.CONSULTANT)),
    ),
}
