"""JSON-LD canonicalisation with contexts bundled in the project.

The document loader serves only the files in `contexts/`, each checked against its
pinned SHA-256, and refuses every other URL: verifying a credential never goes to
the network, and a context that changed under us cannot silently change what a
signature covers.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).parent / "contexts"

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

BUNDLED = {
    CREDENTIALS_V2: ("credentials-v2.jsonld", "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"),
    OPEN_BADGES_V3: ("ob-context-3.0.3.jsonld", "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"),
}


class ContextProblem(Exception):
    """A context could not be loaded from the bundle."""


class UnknownContext(ContextProblem):
    """The document names a context we do not carry, so we cannot check it offline."""


class ContextChanged(ContextProblem):
    """A bundled context no longer matches its pinned SHA-256."""


class UndefinedTerm(ValueError):
    """A property no context defines: it would be dropped, and so ride along unsigned."""


def _refuse_dropped(expanded_property):
    raise UndefinedTerm(expanded_property)


@cache
def _read(path, sha256):
    raw = Path(path).read_bytes()
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise ContextChanged(f"The bundled context {path} does not match its pinned SHA-256")
    return json.loads(raw)


def loader(contexts):
    """A pyld document loader over `contexts` ({url: (path, sha256)})."""

    def load(url, options=None):
        if url not in contexts:
            raise UnknownContext(url)
        path, sha256 = contexts[url]
        document = _read(str(CONTEXTS_DIR / path) if not Path(path).is_absolute() else path, sha256)
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": document}

    return load


_BUNDLED_LOADER = loader(BUNDLED)


def canonical_nquads(document, document_loader=_BUNDLED_LOADER):
    """RDF Dataset Canonicalization of `document` as N-Quads.

    pyld 3.3 implements URDNA2015, which RDFC-1.0 renamed; the two agree on every
    input without the rare control characters RDFC-1.0 escapes differently (see
    docs/certificates.md). A property no context defines is refused (the "safe
    mode" of the Data Integrity spec) instead of being silently dropped, so
    nothing can ride along unsigned.
    """
    processor = jsonld.JsonLdProcessor(on_property_dropped=_refuse_dropped)
    try:
        return processor.normalize(
            document,
            {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": document_loader},
        )
    except jsonld.JsonLdError as error:
        cause = error
        while cause is not None:
            if isinstance(cause, ContextProblem | UndefinedTerm):
                raise cause from error
            cause = getattr(cause, "cause", None) or cause.__cause__
        raise
