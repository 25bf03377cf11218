"""Reads for the content pages, one module per kind of page: home_page, profiles,
stories, studios (and alliances), search, and what they share (shared). Import from
the module that owns the read; this package re-exports nothing. Each page costs a
fixed number of queries: listings prefetch what their cards show, and links to other
pages follow the visitor's language through ``translation_key`` in one query."""
