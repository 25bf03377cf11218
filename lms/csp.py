"""Content-Security-Policy (django-csp): the site's own pages get the strict policy
of ``CONTENT_SECURITY_POLICY`` (scripts, styles, images and fonts from the site only;
no inline script, no style attribute). The Wagtail admin needs more — its date and
time widgets and inline panels write inline ``<script>`` blocks, Draftail and the
choosers set style attributes — so it is sent ``ADMIN_CONTENT_SECURITY_POLICY`` as
report-only: the browser names what it would block, nothing breaks for editors."""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIXES = ("/admin/",)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False):
        # The enforced policy skips the admin by EXCLUDE_URL_PREFIXES (settings).
        if report_only and request.path_info.startswith(ADMIN_PREFIXES):
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                nonce=getattr(request, "_csp_nonce", None),
            )
        return super().get_policy_parts(request, response, report_only)
