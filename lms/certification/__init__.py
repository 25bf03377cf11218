"""Certification: occupations, the eight skill levels, issuing bodies and their
numbering, certificates and their history, verification, signed PDFs, the
credentials API, imports and the HR board.

The rest of ``lms`` and the other apps reach it only through:

- ``lms.certification.services``: the state changes (issue, record, renew, edit,
  suspend, reinstate, revoke, reminders, the import's steps);
- ``lms.certification.selectors``: the reads (holders, the board, the ladder);
- its models, through ``lms.models`` (foreign keys, forms, the admin);
- facts other apps hold, through the provider registry (``lms.providers``).

Wiring only: ``lms.models`` imports ``.models`` (so Django registers them, app label
"lms"), ``LmsConfig.ready`` calls ``.startup.connect()``, ``lms.tasks`` imports
``.tasks`` (names kept as ``lms.tasks.*``), ``config.urls`` includes ``.urls`` and
``.urls_api``, ``load_demo`` (and the demo world's certificates) call ``.demo``.
``tests/lms/certification/test_boundary.py`` fails on any other import from
outside."""
