from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url

from lms.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """Sends a person, after signing in, to their pages in their preferred language;
    rate-limits by the client's address behind our proxies (``lms.client_ip``)."""

    def get_client_ip(self, request) -> str:
        return client_ip(request)

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", "")
        return translate_url(url, language) if language else url
