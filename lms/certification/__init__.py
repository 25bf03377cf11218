"""Certification: occupations, skill levels, issuing bodies, certificates and
their history, verification, the credentials API, imports and the HR board.

The rest of ``lms`` and the other apps reach it through ``lms.certification.services``,
``lms.certification.selectors`` and the provider registry (``lms.providers``)."""
