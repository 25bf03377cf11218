"""A verifier of Open Badges 3.0 credentials written from the specifications
(W3C vc-di-eddsa ``eddsa-rdfc-2022``, Data Integrity, did:web, Bitstring Status
List), with ``cryptography`` and pyld only: it imports nothing of ours, so a
credential it accepts is one another party would accept. It reads the JSON-LD
context files (data) from the repository and fetches documents through a
callable (the Django test client in the tests)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from pathlib import Path
from urllib.parse import unquote

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld

CONTEXT_FILES = Path(__file__).parents[3] / "lms/certification/credentials/contexts"
CONTEXTS = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": (
        "ob-v3p0-context-3.0.3.jsonld"
    ),
}
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


class Invalid(Exception):
    pass


def _loader(url, options=None):
    if url not in CONTEXTS:
        raise jsonld.JsonLdError("no network", "jsonld.LoadDocumentError")
    document = json.loads((CONTEXT_FILES / CONTEXTS[url]).read_text())
    return {"contextUrl": None, "documentUrl": url, "document": document}


def _b58(text: str) -> bytes:
    n = 0
    for c in text:
        n = n * 58 + B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def _canon(document) -> bytes:
    def dropped(term):
        raise Invalid(f"term {term} is not defined by any context")

    nquads = jsonld.JsonLdProcessor(on_property_dropped=dropped).normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": _loader,
        },
    )
    return nquads.encode()


def ed25519_key(multikey: str) -> bytes:
    """Multikey: ``z`` + base58btc(0xed01 + 32 bytes)."""
    if not multikey.startswith("z"):
        raise Invalid("not base58btc")
    data = _b58(multikey[1:])
    if data[:2] != b"\xed\x01" or len(data) != 34:
        raise Invalid("not an Ed25519 multikey")
    return data[2:]


def check_proof(document: dict, public_key: bytes) -> None:
    """vc-di-eddsa §3.3.2 (verify proof, eddsa-rdfc-2022)."""
    proof = dict(document["proof"])
    if proof.get("type") != "DataIntegrityProof":
        raise Invalid("proof type")
    if proof.get("cryptosuite") != "eddsa-rdfc-2022":
        raise Invalid("cryptosuite")
    proof_value = proof.pop("proofValue")
    if not proof_value.startswith("z"):
        raise Invalid("proofValue is not base58btc")
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof["@context"] = document["@context"]
    data = (
        hashlib.sha256(_canon(proof)).digest()
        + hashlib.sha256(_canon(unsecured)).digest()
    )
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            _b58(proof_value[1:]), data
        )
    except Exception as error:
        raise Invalid("signature") from error


def did_web_url(did: str) -> str:
    """did:web:host%3Aport:a:b → https://host:port/a/b/did.json (DID web §3.2)."""
    parts = did.split(":")
    if parts[:2] != ["did", "web"]:
        raise Invalid("not did:web")
    host = unquote(parts[2])
    path = "/".join(parts[3:]) or ".well-known"
    return f"https://{host}/{path}/did.json"


def resolve_key(verification_method: str, fetch) -> bytes:
    did = verification_method.split("#")[0]
    did_document = fetch(did_web_url(did))
    if did_document.get("id") != did:
        raise Invalid("DID document of another DID")
    if verification_method not in did_document.get("assertionMethod", []):
        raise Invalid("key not authorised for assertions")
    for method in did_document.get("verificationMethod", []):
        if method.get("id") == verification_method:
            return ed25519_key(method["publicKeyMultibase"])
    raise Invalid("key not in the DID document")


def status_bit(entry: dict, fetch) -> bool:
    """Bitstring Status List §3.2: the bit at ``statusListIndex``."""
    listing = fetch(entry["statusListCredential"])
    issuer = listing["issuer"]
    issuer = issuer["id"] if isinstance(issuer, dict) else issuer
    check_proof(listing, resolve_key(listing["proof"]["verificationMethod"], fetch))
    subject = listing["credentialSubject"]
    if subject["statusPurpose"] != entry["statusPurpose"]:
        raise Invalid("status purpose")
    encoded = subject["encodedList"]
    if not encoded.startswith("u"):
        raise Invalid("encodedList is not base64url")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=="))
    if len(bits) * 8 < 131_072:
        raise Invalid("status list shorter than the minimum")
    index = int(entry["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def verify_credential(document: dict, fetch) -> dict:
    """Checks an OpenBadgeCredential: types, contexts, issuer = DID of the key,
    the proof, and reads its status bits. Returns {purpose: bit}."""
    if document["@context"][0] != "https://www.w3.org/ns/credentials/v2":
        raise Invalid("VC 2.0 context first")
    if not {"VerifiableCredential", "OpenBadgeCredential"} <= set(document["type"]):
        raise Invalid("types")
    method = document["proof"]["verificationMethod"]
    issuer = document["issuer"]
    if (issuer["id"] if isinstance(issuer, dict) else issuer) != method.split("#")[0]:
        raise Invalid("the key is not the issuer's")
    check_proof(document, resolve_key(method, fetch))
    return {
        e["statusPurpose"]: status_bit(e, fetch) for e in document["credentialStatus"]
    }
