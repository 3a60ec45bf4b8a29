from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.people.models import YoungPerson

from .models import Community, Group, Phase


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["name", "description", "place", "every_weeks"]


class MemberForm(forms.Form):
    young_person: "forms.ModelChoiceField[YoungPerson]" = forms.ModelChoiceField(
        label=_("Young person"), queryset=YoungPerson.objects.none()
    )
    phase = forms.ChoiceField(label=_("Phase"), choices=Phase.choices)
    may_be_named = forms.BooleanField(label=_("Agrees to be named in the shared notes"), required=False)

    def __init__(self, *args, young_people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["young_person"].queryset = young_people
        self.fields["young_person"].label_from_instance = lambda young_person: young_person.choice_label


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def clean_starts_at(self):
        starts = self.cleaned_data["starts_at"]
        if starts < timezone.now() - timedelta(days=60) or starts > timezone.now() + timedelta(days=366):
            raise forms.ValidationError(_("Choose a time within the coming year."))
        return starts


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Shared note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class CommunityForm(forms.ModelForm):
    class Meta:
        model = Community
        fields = ["name", "kind", "place", "description"]


class PointerForm(forms.Form):
    community: "forms.ModelChoiceField[Community]" = forms.ModelChoiceField(
        label=_("Community"), queryset=Community.objects.none()
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].queryset = Community.objects.all()
