from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from brobygger.core.roles import Role
from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import Membership


class ReviewForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )


class DecisionForm(forms.Form):
    young_person: "forms.ModelChoiceField[YoungPerson]" = forms.ModelChoiceField(
        label=_("Young person"), queryset=YoungPerson.objects.none()
    )
    text = forms.CharField(label=_("Decision"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["young_person"].queryset = YoungPerson.objects.all()

    def offer(self, people):
        """Offer these people (those on the agenda), not every young person of the organisation
        (hundreds of options nobody can scroll through in a meeting); anyone may still be posted."""
        field = self.fields["young_person"]
        field.choices = [("", field.empty_label), *((yp.pk, yp.choice_label) for yp in people)]


class DistributeForm(forms.Form):
    young_person: "forms.ModelChoiceField[YoungPerson]" = forms.ModelChoiceField(
        queryset=YoungPerson.objects.none(), widget=forms.HiddenInput
    )
    counsellor = forms.ModelChoiceField(label=_("Counsellor"), queryset=get_user_model().objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["young_person"].queryset = YoungPerson.objects.all()
        counsellors = Membership.objects.filter(role=Role.COUNSELLOR).values("user_id")
        self.fields["counsellor"].queryset = get_user_model().objects.filter(pk__in=counsellors).order_by("first_name")
        self.fields["counsellor"].label_from_instance = lambda user: user.display_name
