from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from brobygger.security import uploads


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG, PNG, Word (DOCX), Excel (XLSX) or CSV, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.csv"}),
    )
    description = forms.CharField(label=_("What it is"), max_length=200, required=False)

    def clean_file(self):
        return uploads.inspect(
            self.cleaned_data["file"], allowed=uploads.ATTACHMENT_KINDS, max_bytes=settings.ATTACHMENT_MAX_BYTES
        )
