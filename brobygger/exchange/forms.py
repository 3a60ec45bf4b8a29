from django import forms
from django.utils.translation import gettext_lazy as _

from brobygger.access.rules import Action
from brobygger.security import uploads

from .kinds import may
from .models import DataKind
from .reading import MAX_BYTES


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=())
    file = forms.FileField(
        label=_("File (CSV or Excel, at most 20 MB)"),
        help_text=_("The first row names the columns. Dates as dd-mm-yyyy; decimal commas are fine."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,text/csv"}),
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = importable(actor)

    def clean_file(self):
        """The same checks as every upload (type from the bytes, zip bombs, web pages): security.uploads."""
        return uploads.inspect(self.cleaned_data["file"], allowed=uploads.IMPORT_KINDS, max_bytes=MAX_BYTES)


def importable(actor):
    return [(value, label) for value, label in DataKind.choices if may(actor, value, Action.IMPORT)]


class ImportForm(forms.Form):
    skip_bad_rows = forms.BooleanField(
        label=_("Import the rows without errors and leave out the rows with errors"), required=False
    )
