from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.core.forms import bound, perform, submit

from . import services
from .forms import CommunityForm, GroupForm, MeetingForm, MemberForm, NoteForm, PointerForm
from .models import Community, GroupMember, Participation

GR, ME = Kind.GROUP, Kind.MEETING


@rule(GR, Action.LIST)
def groups(request):
    rows = policy.visible(request.actor, GR, Action.LIST).prefetch_related("members")
    may_create = policy.may(request.actor, GR, Action.CREATE)
    return render(request, "community/groups.html", {"groups": rows, "may_create": may_create})


@rule(GR, Action.CREATE, methods=("GET", "POST"))
def group_create(request):
    form = GroupForm(bound(request))
    if request.method == "POST" and form.is_valid():
        group = services.create_group(request.actor, data=form.cleaned_data)
        return redirect("group_detail", pk=group.pk)
    return render(request, "community/form.html", {"form": form, "title": _("New network group")})


def _members_form(request, group, data=None):
    candidates = policy.visible(request.actor, Kind.YOUNG_PERSON, Action.LIST).exclude(
        pk__in=group.members.values("young_person_id")
    )
    return (
        MemberForm(data, young_people=candidates) if policy.may(request.actor, Kind.YOUNG_PERSON, Action.LIST) else None
    )


@rule(GR, Action.VIEW)
def group_detail(request, pk):
    group = policy.fetch(request.actor, GR, Action.VIEW, pk).obj
    members = list(GroupMember.objects.filter(group=group).select_related("young_person"))
    audit.log_search(request.actor, kind=GR, criterion="group", found=[member.young_person for member in members])
    context = {
        "group": group,
        "members": members,
        "meetings": group.meetings.all()[:12],
        "may_view_meetings": policy.may(request.actor, Kind.MEETING, Action.VIEW),
        "member_form": _members_form(request, group),
        "meeting_form": MeetingForm(),
        "may_update": policy.may(request.actor, GR, Action.UPDATE),
    }
    return render(request, "community/group.html", context)


@rule(GR, Action.UPDATE, methods=("POST",))
def member_add(request, pk):
    group = policy.fetch(request.actor, GR, Action.UPDATE, pk).obj
    form = _members_form(request, group, request.POST)
    if form is not None and form.is_valid():
        perform(request, lambda: services.add_member(request.actor, group, **form.cleaned_data))
    else:
        messages.error(request, _("Choose a young person and a phase."))
    return redirect("group_detail", pk=group.pk)


@rule(GR, Action.UPDATE, methods=("POST",))
def member_remove(request, pk):
    group = policy.fetch(request.actor, GR, Action.UPDATE, pk).obj
    member = GroupMember.objects.filter(group=group, pk=request.POST.get("member") or 0).first()
    if member is not None:
        services.remove_member(request.actor, member)
    return redirect("group_detail", pk=group.pk)


@rule(GR, Action.UPDATE, methods=("POST",))
def meeting_create(request, pk):
    group = policy.fetch(request.actor, GR, Action.UPDATE, pk).obj
    form = MeetingForm(request.POST)
    if form.is_valid():
        meeting = services.plan_meeting(request.actor, group, **form.cleaned_data)
        messages.success(request, _("The meeting is planned and every member is invited."))
        return redirect("meeting_detail", pk=meeting.pk)
    messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect("group_detail", pk=group.pk)


@rule(ME, Action.VIEW, methods=("GET", "POST"))
def meeting_detail(request, pk):
    meeting = policy.fetch(request.actor, ME, Action.VIEW, pk, lambda qs: qs.select_related("group")).obj
    form = NoteForm(bound(request), initial={"text": meeting.shared_note})
    if request.method == "POST":
        if not policy.may(request.actor, ME, Action.UPDATE):
            return redirect("meeting_detail", pk=meeting.pk)
        saved = submit(
            request,
            form,
            lambda data: services.save_note(request.actor, meeting, text=data["text"]),
            success=_("Saved."),
            field="text",
        )
        if saved:
            return redirect("meeting_detail", pk=meeting.pk)
    participants = Participation.objects.filter(meeting=meeting).select_related("young_person")
    return render(request, "community/meeting.html", {"meeting": meeting, "participants": participants, "form": form})


@rule(ME, Action.UPDATE, methods=("POST",))
def meeting_attendance(request, pk):
    meeting = policy.fetch(request.actor, ME, Action.UPDATE, pk).obj
    participation = Participation.objects.filter(meeting=meeting, pk=request.POST.get("participation") or 0).first()
    if participation is not None and request.POST.get("attended") in ("yes", "no"):
        services.set_attendance(request.actor, participation, attended=request.POST["attended"] == "yes")
    return redirect("meeting_detail", pk=meeting.pk)


@rule(Kind.COMMUNITY, Action.LIST)
def communities(request):
    rows = policy.visible(request.actor, Kind.COMMUNITY, Action.LIST)
    may_create = policy.may(request.actor, Kind.COMMUNITY, Action.CREATE)
    return render(request, "community/communities.html", {"communities": rows, "may_create": may_create})


@rule(Kind.COMMUNITY, Action.CREATE, methods=("GET", "POST"))
def community_create(request):
    form = CommunityForm(bound(request))
    if request.method == "POST" and form.is_valid():
        services.create_community(request.actor, data=form.cleaned_data)
        return redirect("communities")
    return render(request, "community/form.html", {"form": form, "title": _("Another community")})


@rule(Kind.YOUNG_PERSON, Action.POINT_TO_COMMUNITY, methods=("GET", "POST"))
def point(request, pk):
    young_person = policy.fetch(request.actor, Kind.YOUNG_PERSON, Action.POINT_TO_COMMUNITY, pk).obj
    form = PointerForm(bound(request))
    if request.method == "POST" and form.is_valid():
        services.point_to(request.actor, young_person, **form.cleaned_data)
        messages.success(request, _("Recorded."))
        return redirect("young_person_detail", pk=young_person.pk)
    context = {"form": form, "young_person": young_person, "any": Community.objects.exists()}
    return render(request, "community/point_form.html", context)
