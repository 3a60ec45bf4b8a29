"""Danish first, English complete: no message may be untranslated."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from tests.parts import whole_page

LOCALE = Path(settings.BASE_DIR) / "brobygger" / "locale"


def untranslated(po):
    return [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def test_danish_catalogue_is_complete():
    po = polib.pofile(str(LOCALE / "da" / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    assert untranslated(po) == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogues_cover_every_message_in_the_source(tmp_path):
    """Extract the messages afresh in a copy of the source tree (makemessages
    writes next to the code it scans); every one must already be translated
    into Danish, and English must know it."""
    base = Path(settings.BASE_DIR)
    shutil.copytree(base / "brobygger", tmp_path / "brobygger", ignore=shutil.ignore_patterns("__pycache__", "vendor"))
    shutil.copy(base / "manage.py", tmp_path)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="brobygger.settings", BROBYGGER_INSECURE_DEV_KEY="1")
    env.pop("BROBYGGER_LOCALE_DIR", None)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "da", "-l", "en", "--no-obsolete"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    copied = tmp_path / "brobygger" / "locale"
    da = polib.pofile(str(copied / "da" / "LC_MESSAGES" / "django.po"))
    en = polib.pofile(str(copied / "en" / "LC_MESSAGES" / "django.po"))
    assert untranslated(da) == [], "run `make messages` and translate the new strings"
    assert {e.msgid for e in da} == {e.msgid for e in en}


def test_pages_are_danish_by_default_and_english_on_request(world, client_for):
    client = client_for("counsellor_on_team")
    page = whole_page(client, reverse("home"))
    assert 'lang="da"' in page and "Dine unge" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = whole_page(client, reverse("home"))
    assert 'lang="en"' in page and "Your young people" in page
