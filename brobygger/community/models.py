from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel


class Phase(models.TextChoices):
    """Youth-to-youth: members on the way in, in activities, and already there."""

    ON_THE_WAY_IN = "on_the_way_in", _("On the way in")
    IN_ACTIVITIES = "in_activities", _("In activities")
    IN_JOB_OR_EDUCATION = "in_job_or_education", _("In job or education")


class Group(TenantModel):
    """A network group (netværksgruppe) that meets regularly: a monthly roundtable by default."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what the group is"), max_length=1000, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    every_weeks = models.PositiveSmallIntegerField(_("meets every … weeks"), default=4)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network group")
        verbose_name_plural = _("network groups")

    def __str__(self):
        return self.name


class GroupMember(TenantModel):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="group_memberships")
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    may_be_named = models.BooleanField(_("agrees to be named in the shared notes"), default=False)
    joined_on = models.DateField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["phase", "young_person__first_name"]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [models.UniqueConstraint(fields=["group", "young_person"], name="group_member_once")]

    def __str__(self):
        return f"{self.young_person} · {self.group}"


class Meeting(TenantModel):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    shared_note = models.TextField(
        _("shared note"),
        max_length=2000,
        blank=True,
        help_text=_("Shared with the group. It names no young person who has not agreed to be named."),
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.group} {self.starts_at:%Y-%m-%d}"


class Participation(TenantModel):
    """An invitation to a meeting and whether the young person came."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="meeting_participations")
    attended = models.BooleanField(_("came"), null=True)

    class Meta:
        ordering = ["young_person__first_name"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["meeting", "young_person"], name="invited_once")]

    def __str__(self):
        return f"{self.young_person} · {self.meeting}"


class Community(TenantModel):
    """Another community a young person can be pointed to: a club, a culture house, a festival."""

    class Kind(models.TextChoices):
        CLUB = "club", _("Club or association")
        CULTURE = "culture", _("Culture house")
        FESTIVAL = "festival", _("Festival or event")
        VOLUNTEERING = "volunteering", _("Volunteering")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.CharField(_("what it is"), max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name


class Pointer(TenantModel):
    """A professional pointed a young person to another community."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="community_pointers")
    community = models.ForeignKey(Community, on_delete=models.PROTECT, related_name="+", verbose_name=_("community"))
    pointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pointer to a community")
        verbose_name_plural = _("pointers to communities")

    def __str__(self):
        return f"{self.young_person} → {self.community}"
