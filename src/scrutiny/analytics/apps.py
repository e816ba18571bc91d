"""Usage counts without cookies or personal data, shown to the secretariat."""
from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "scrutiny.analytics"
    verbose_name = "Analytics"

    def ready(self):
        # The staff home links to the analytics page for those who may read it, without the
        # curation app knowing of us (as the review queue does).
        from django.template import engines
        from django.template.backends.jinja2 import Jinja2

        from scrutiny.accounts import access, roles

        def analytics_visible(request) -> bool:
            return bool(request) and access.can(request.user, roles.VIEW_ANALYTICS)

        for engine in engines.all():
            if isinstance(engine, Jinja2):
                engine.env.globals["analytics_visible"] = analytics_visible
