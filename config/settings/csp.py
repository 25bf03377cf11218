"""Content-Security-Policy (django-csp, lms/csp.py): a strict policy for the site's
pages and a looser, report-only one for the Wagtail admin."""

# Content-Security-Policy (django-csp, lms/csp.py). The site's pages: everything from
# the site itself, no inline script and no style attribute (progress bars use
# classes, scripts are files in static/js/). No nonce: pages are cached whole for
# anonymous visitors and learners (lms/page_cache.py), and a cached nonce would not
# match the next response's header. Uploads and embeds are served from the site.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],  # lms.csp.ADMIN_PREFIXES: report-only there
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# The Wagtail admin writes inline scripts (date and time widgets, inline panels) and
# style attributes (Draftail, choosers): the strict policy would break editing, so
# the admin gets this looser policy as report-only (see docs/deployment.md).
ADMIN_CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],  # lms.csp.ADMIN_PREFIXES: report-only there
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
