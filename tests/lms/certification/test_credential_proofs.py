"""The eddsa-rdfc-2022 cryptosuite against the W3C specification's own test
vectors (vc-di-eddsa, "Alumni Credential"), the bundled-contexts-only loader and
the pieces of a credential (multibase, status list, baking)."""

import json
from pathlib import Path

import pytest
from PIL import Image

from lms.certification.credentials import baking, jsonld, multibase, proofs, statuslist
from tests.lms.certification import independent_verifier

VECTORS = Path(__file__).parent / "vectors"


def _vector():
    signed = json.loads((VECTORS / "signedDataInt.json").read_text())
    keys = json.loads((VECTORS / "keyPair.json").read_text())
    return signed, keys


def test_canonical_document_is_the_specifications():
    signed, _keys = _vector()
    unsecured = {k: v for k, v in signed.items() if k != "proof"}
    assert (
        jsonld.canonicalise(unsecured) == (VECTORS / "canonDocDataInt.txt").read_text()
    )


def test_our_signature_reproduces_the_specifications_example_byte_for_byte():
    """Ed25519 is deterministic: the same key, document and proof options must
    give the spec's proofValue exactly."""
    signed, keys = _vector()
    unsecured = {k: v for k, v in signed.items() if k != "proof"}
    ours = proofs.sign(
        unsecured,
        private_key=multibase.private_key_from_multikey(keys["privateKeyMultibase"]),
        verification_method=signed["proof"]["verificationMethod"],
        created=signed["proof"]["created"],
    )
    assert ours["proof"] == signed["proof"]


def test_the_specifications_example_verifies_with_ours_and_the_independent_verifier():
    signed, keys = _vector()
    public = multibase.public_key_from_multikey(keys["publicKeyMultibase"])
    assert proofs.verify(signed, resolve_key=lambda _vm: public)
    independent_verifier.check_proof(signed, public)


def test_a_changed_claim_fails_both_verifiers():
    signed, keys = _vector()
    signed["credentialSubject"]["alumniOf"] = "The School of Exampled"
    public = multibase.public_key_from_multikey(keys["publicKeyMultibase"])
    with pytest.raises(proofs.ProofError) as error:
        proofs.verify(signed, resolve_key=lambda _vm: public)
    assert error.value.reason == "signature"
    with pytest.raises(independent_verifier.Invalid):
        independent_verifier.check_proof(signed, public)


def test_the_loader_refuses_any_context_not_bundled():
    document = {"@context": ["https://example.org/evil-context"], "name": "x"}
    with pytest.raises(jsonld.CanonicalisationError):
        jsonld.canonicalise(document)


def test_a_term_no_context_defines_is_an_error_not_silently_unsigned():
    document = {
        "@context": [jsonld.VC_V2, jsonld.OB_V3],
        "type": ["VerifiableCredential"],
        "notATerm": "would vanish from the signed quads",
    }
    with pytest.raises(jsonld.CanonicalisationError):
        jsonld.canonicalise(document)


def test_base58_round_trips_with_leading_zero_bytes():
    data = b"\0\0\x01\xff" + bytes(range(40))
    assert multibase.b58decode(multibase.b58encode(data)) == data


def test_status_list_sets_exactly_the_given_bits_and_meets_the_minimum_size():
    bits = statuslist.decode(statuslist.encode([0, 7, 131_071], 131_072))
    assert len(bits) == 16_384
    assert [i for i in range(131_072) if statuslist.bit(bits, i)] == [0, 7, 131_071]


def test_a_baked_png_gives_back_the_credential_text():
    png = baking.bake_png(Image.new("RGB", (8, 8)), '{"a": "证书"}')
    assert baking.unbake_png(png, max_text=1000) == '{"a": "证书"}'


def test_an_svg_credential_is_found_without_parsing_xml():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">'
        '<openbadges:credential><![CDATA[{"a": 1}]]></openbadges:credential></svg>'
    )
    assert baking.unbake_svg(svg) == '{"a": 1}'
