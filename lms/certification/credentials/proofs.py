"""The ``eddsa-rdfc-2022`` cryptosuite (W3C vc-di-eddsa): a Data Integrity proof
made with Ed25519 over the SHA-256 hashes of the canonical proof options and the
canonical document (RDFC-1.0). Pure functions: keys come in as raw bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .jsonld import CanonicalisationError, canonicalise
from .multibase import multibase_decode, multibase_encode

CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(ValueError):
    """Why a proof does not verify, in a word a verdict can show: ``malformed``
    (no usable proof), ``unknown_key``, ``signature`` (the bytes signed are not
    these)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason


def _hash_data(document: dict, proof_config: dict) -> bytes:
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof_config = {**proof_config, "@context": document.get("@context")}
    return (
        hashlib.sha256(canonicalise(proof_config).encode()).digest()
        + hashlib.sha256(canonicalise(unsecured).encode()).digest()
    )


def sign(
    document: dict,
    *,
    private_key: bytes,
    verification_method: str,
    created: str,
    proof_purpose: str = "assertionMethod",
) -> dict:
    """``document`` with a ``proof`` added (a new dict; the input is unchanged)."""
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    key = Ed25519PrivateKey.from_private_bytes(private_key)
    signature = key.sign(_hash_data(document, proof))
    return {**document, "proof": {**proof, "proofValue": multibase_encode(signature)}}


def verify(document: dict, *, resolve_key: Callable[[str], bytes | None]) -> dict:
    """Checks the proof of ``document``; returns the proof. ``resolve_key`` maps a
    verification method id to the raw public key, or None when it is unknown.
    Raises ``ProofError``."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        raise ProofError("malformed", "no proof")
    if (
        proof.get("type") != "DataIntegrityProof"
        or proof.get("cryptosuite") != CRYPTOSUITE
        or proof.get("proofPurpose") != "assertionMethod"
        or not isinstance(proof.get("verificationMethod"), str)
        or not isinstance(proof.get("proofValue"), str)
    ):
        raise ProofError("malformed", "not an eddsa-rdfc-2022 assertion proof")
    public_key = resolve_key(proof["verificationMethod"])
    if public_key is None:
        raise ProofError("unknown_key")
    try:
        signature = multibase_decode(proof["proofValue"])
    except ValueError:
        raise ProofError("signature", "proof value is not base58-btc") from None
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    try:
        data = _hash_data(document, config)
    except CanonicalisationError as error:
        raise ProofError("signature", str(error)) from None
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        raise ProofError("signature") from None
    return proof
