"""drf-spectacular hooks: the published schema is the platform's own API."""


def public_api_only(endpoints):
    """Keeps ``/api/`` endpoints; Wagtail's admin API (``/admin/api/``) is internal
    to the admin and not part of the documented, versioned API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
