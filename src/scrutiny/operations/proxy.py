"""Who sent a request, when Scrutiny runs behind a reverse proxy (the production settings).

Every request then arrives from the proxy's address. waitress removes X-Forwarded-For unless it is
told to trust a proxy, so the proxy passes the client's address in X-Real-IP instead, and it is
believed only when the request really came from one of SCRUTINY_TRUSTED_PROXIES: anybody else
could write the header themselves. django-axes counts failed logins by this address."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    if remote in getattr(settings, "SCRUTINY_TRUSTED_PROXIES", ()):
        forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return remote
