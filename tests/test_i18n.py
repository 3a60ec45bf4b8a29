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

LOCALE = Path(settings.BASE_DIR) / "brobygger" / "locale"


def untranslated(po):
    return [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def test_danish_catalogue_is_complete():
    po = polib.pofile(str(LOCALE / "da" / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    assert untranslated(po) == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogues_cover_every_message_in_the_source(tmp_path):
    """Extract the messages afresh into a copy of the catalogues; every one
    must already be translated into Danish, and English must know it."""
    shutil.copytree(LOCALE, tmp_path / "locale")
    env = dict(os.environ, BROBYGGER_LOCALE_DIR=str(tmp_path / "locale"), DJANGO_SETTINGS_MODULE="tests.settings")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "da",
            "-l",
            "en",
            "--no-obsolete",
            "--ignore=.venv",
            "--ignore=node_modules",
            "--ignore=tests",
            "--ignore=var",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    da = polib.pofile(str(tmp_path / "locale" / "da" / "LC_MESSAGES" / "django.po"))
    en = polib.pofile(str(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    assert untranslated(da) == [], "run `make messages` and translate the new strings"
    assert {e.msgid for e in da} == {e.msgid for e in en}


def test_pages_are_danish_by_default_and_english_on_request(world, client_for):
    client = client_for("counsellor_on_team")
    page = client.get(reverse("home")).content.decode()
    assert 'lang="da"' in page and "Dine unge" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("home")).content.decode()
    assert 'lang="en"' in page and "Your young people" in page
