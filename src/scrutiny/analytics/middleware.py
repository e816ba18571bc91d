"""Counts each request once its answer is ready. It sets no cookie and reads nothing about the
person; whatever goes wrong in counting, the page is answered as if it were not here."""

import logging

from scrutiny.analytics import recorder
from scrutiny.analytics.classify import classify

log = logging.getLogger(__name__)


class UsageCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if counted := classify(request, response):
                recorder.record(counted, response)
        except Exception:
            log.warning("request not counted", exc_info=True)
        return response
