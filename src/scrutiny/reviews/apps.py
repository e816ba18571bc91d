"""The Scottish independent reviews tracker: reviews, their recommendations, responses and implementation."""
from django.apps import AppConfig
from django.utils.translation import gettext_noop


class ReviewsConfig(AppConfig):
    name = "scrutiny.reviews"
    verbose_name = "Independent reviews"

    def ready(self):
        from scrutiny.accounts import roles
        from scrutiny.curation.tools import Tool, register

        register(Tool(gettext_noop("Independent reviews"), "manage_independent_reviews", roles.EDIT_REVIEWS))
