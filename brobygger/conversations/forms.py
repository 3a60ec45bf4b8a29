from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.core.forms import DateInput
from brobygger.pathways.models import Track

from .models import NOTE_MAX_LENGTH, ConversationKey, Note, Recognition


class NoteForm(forms.ModelForm):
    tracks = forms.MultipleChoiceField(
        label=_("Track"), choices=Track.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    keys = forms.MultipleChoiceField(
        label=_("What the conversation was about"),
        choices=ConversationKey.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    recognitions = forms.MultipleChoiceField(
        label=_("Recognition"), choices=Recognition.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Note
        fields = ["text", "tracks", "keys", "recognitions", "conversation_date"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5, "autofocus": True, "maxlength": NOTE_MAX_LENGTH}),
            "conversation_date": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("conversation_date", timezone.localdate())
        self.fields["text"].help_text = _("The young person can read everything you write here.")
        self.fields["text"].error_messages["required"] = _("Write something about the conversation.")

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write something about the conversation."))
        return text

    def clean_conversation_date(self):
        day = self.cleaned_data["conversation_date"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError(_("A conversation cannot take place in the future."))
        if day < today - timedelta(days=365):
            raise forms.ValidationError(_("The conversation is more than a year ago. Please check the date."))
        return day

    def note_data(self):
        return dict(self.cleaned_data)
