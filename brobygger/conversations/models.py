from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel

NOTE_MAX_LENGTH = 10_000


class ConversationKey(models.TextChoices):
    """The keys of the counselling conversation (Opgang2 XL, "Vejledningens samtalerum")."""

    RECOGNITION = "recognition", _("Recognition")
    STRUCTURE = "structure", _("Structure")
    GOALS = "goals", _("Goals")
    BLOCKS = "blocks", _("What blocks")


class Recognition(models.TextChoices):
    PERSONAL = "personal", _("Personal")
    SOCIAL = "social", _("Social")
    PROFESSIONAL = "professional", _("Professional")


class Note(TenantModel):
    """A note from a conversation. Always visible to the young person; no
    hidden notes and no drafts: a note is saved, and its author may correct
    it on the day it was written only."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    conversation_date = models.DateField(_("date of the conversation"))
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)
    tracks = models.JSONField(_("tracks"), default=list, blank=True)
    keys = models.JSONField(_("keys"), default=list, blank=True)
    recognitions = models.JSONField(_("recognitions"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-conversation_date", "-created_at", "-id"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        # The latest note per young person (case review agenda) is read from the index alone, and
        # so are the organisation's recent notes (who had a conversation lately).
        indexes = [
            models.Index(fields=["young_person", "-conversation_date", "organisation"], name="note_latest_per_person"),
            models.Index(fields=["organisation", "conversation_date", "young_person"], name="note_recent_in_org"),
        ]

    def __str__(self):
        return f"{self.conversation_date}: {self.text[:40]}"

    @property
    def key_labels(self):
        labels = dict(ConversationKey.choices)
        return [labels[k] for k in self.keys if k in labels]

    @property
    def recognition_labels(self):
        labels = dict(Recognition.choices)
        return [labels[r] for r in self.recognitions if r in labels]
