"""An independent verifier accepts our credentials: Digital Bazaar's @digitalbazaar/vc with
the eddsa-rdfc-2022 cryptosuite (Node.js, installed from npm into tests/interop by the
test set-up). Skipped, and said so in the summary, where Node.js or the packages are missing."""

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django_scopes import scope

from brobygger.certificates import credential as documents
from brobygger.certificates import jsonld, selectors
from brobygger.certificates.models import StatusList
from tests.test_certificates import ended_internship, issue_through_pages

INTEROP = Path(__file__).parent / "interop"

pytestmark = pytest.mark.skipif(
    not (shutil.which("node") and (INTEROP / "node_modules" / "@digitalbazaar" / "vc").is_dir()),
    reason="Node.js or tests/interop/node_modules missing (scripts/test.sh installs them with npm ci)",
)


def independent_verdict(tmp_path, credential, organisation):
    contexts = {
        url: json.loads((jsonld.CONTEXTS_DIR / path).read_text()) for url, (path, _sha) in jsonld.BUNDLED.items()
    }
    fixture = {
        "credential": credential,
        "didDocument": documents.did_document(organisation.slug, selectors.issuer_keys(organisation)),
        "contexts": contexts,
    }
    path = tmp_path / "fixture.json"
    path.write_text(json.dumps(fixture, ensure_ascii=False))
    done = subprocess.run(
        ["node", str(INTEROP / "verify.mjs"), str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_digital_bazaar_verifies_our_credential_with_danish_letters(world, client_for, tmp_path):
    certificate = issue_through_pages(world, client_for, ended_internship(world))
    assert "Ærø" in json.dumps(certificate.credential, ensure_ascii=False)
    verdict = independent_verdict(tmp_path, certificate.credential, world.org_a)
    assert verdict == {"verified": True, "errors": []}


def test_digital_bazaar_verifies_our_status_list(world, tmp_path):
    with scope(organisation=world.org_a.pk):
        published = StatusList.objects.get().credential
    verdict = independent_verdict(tmp_path, published, world.org_a)
    assert verdict == {"verified": True, "errors": []}


def test_digital_bazaar_rejects_our_credential_once_changed(world, tmp_path):
    tampered = copy.deepcopy(world.objects["certificate_a"].credential)
    tampered["credentialSubject"]["achievement"]["name"] = "Praktik som direktør"
    verdict = independent_verdict(tmp_path, tampered, world.org_a)
    assert verdict["verified"] is False and verdict["errors"]
