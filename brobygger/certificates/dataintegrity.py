"""Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C vc-di-eddsa §3.3).

Pure functions over dicts: the caller supplies the private key to sign with, or a
function that finds the public key for a verification method.
"""

import copy
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import multibase
from .jsonld import _BUNDLED_LOADER, canonical_nquads

CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(Exception):
    """The proof is missing, malformed or does not match the document."""


def proof_config(document, *, verification_method, created, purpose="assertionMethod"):
    return {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": purpose,
    }


def hash_data(document, proof, document_loader=_BUNDLED_LOADER):
    """sha256(canonical proof options) || sha256(canonical document), §3.3.4."""
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    options["@context"] = document["@context"]
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    proof_hash = hashlib.sha256(canonical_nquads(options, document_loader).encode()).digest()
    document_hash = hashlib.sha256(canonical_nquads(unsecured, document_loader).encode()).digest()
    return proof_hash + document_hash


def sign(document, private_key: Ed25519PrivateKey, *, verification_method, created, document_loader=_BUNDLED_LOADER):
    """A copy of `document` with a DataIntegrityProof added."""
    proof = proof_config(document, verification_method=verification_method, created=created)
    signature = private_key.sign(hash_data(document, proof, document_loader))
    signed = copy.deepcopy(document)
    signed["proof"] = {**proof, "proofValue": multibase.encode(signature)}
    return signed


def check_shape(document):
    """The proof's fields as we sign them, or ProofError."""
    proof = document.get("proof") if isinstance(document, dict) else None
    if not isinstance(proof, dict):
        raise ProofError("no proof")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("unsupported proof type")
    if proof.get("proofPurpose") != "assertionMethod":
        raise ProofError("wrong proof purpose")
    if not isinstance(proof.get("verificationMethod"), str) or not isinstance(proof.get("proofValue"), str):
        raise ProofError("malformed proof")
    if not isinstance(document.get("@context"), list):
        raise ProofError("no @context")
    return proof


def verify(document, public_key: Ed25519PublicKey, document_loader=_BUNDLED_LOADER):
    """True when the proof matches the document and the key; ProofError when it cannot be read."""
    proof = check_shape(document)
    try:
        signature = multibase.decode(proof["proofValue"])
    except ValueError as error:
        raise ProofError("proofValue is not multibase") from error
    try:
        public_key.verify(signature, hash_data(document, proof, document_loader))
    except InvalidSignature:
        return False
    return True
