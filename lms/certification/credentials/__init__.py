"""Open Badges 3.0 credentials: JSON-LD documents signed with an Ed25519 Data
Integrity proof (``eddsa-rdfc-2022``), the issuers' keys and DID documents, the
Bitstring Status Lists and badge baking. Pure functions over documents here;
the records and their services live in ``lms.certification.models.credentials``
and ``lms.certification.services.credentials``."""
