"""JSON-LD canonicalisation (RDFC-1.0, the algorithm pyld calls URDNA2015) with a
document loader that serves only the contexts bundled in ``contexts/``: nothing is
fetched from the network, and any other context URL is refused."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
VC_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"

BUNDLED = {
    VC_V2: "credentials-v2.jsonld",
    OB_V3: "ob-v3p0-context-3.0.3.jsonld",
    VC_EXAMPLES_V2: "credentials-examples-v2.jsonld",
}


class CanonicalisationError(ValueError):
    """The document cannot be canonicalised safely (an unknown context, a term
    no context defines, or not JSON-LD at all)."""


@cache
def _bundled(url: str) -> dict:
    return json.loads((CONTEXTS_DIR / BUNDLED[url]).read_text(encoding="utf-8"))


def document_loader(url: str, options=None) -> dict:
    """pyld's loader: the bundled copy of a known context, else an error."""
    if url not in BUNDLED:
        raise jsonld.JsonLdError(
            "Context not bundled", "jsonld.LoadDocumentError", {"url": url}
        )
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": _bundled(url),
    }


def _refuse_dropped(term) -> None:
    raise CanonicalisationError(f"undefined term {term!r}")


def canonicalise(document: dict) -> str:
    """The RDFC-1.0 N-Quads of ``document``. "Safe mode": a property that no
    context defines would silently vanish from the quads (and so from what the
    signature covers), so it is an error here."""
    processor = jsonld.JsonLdProcessor(on_property_dropped=_refuse_dropped)
    try:
        return processor.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader,
            },
        )
    except CanonicalisationError:
        raise
    except Exception as error:  # pyld on hostile input: any failure is "cannot"
        raise CanonicalisationError(str(error)[:200]) from error
