"""The monthly bulletin composer: sections as the NPM bulletin has them, e-mail HTML with inlined CSS, plain text and a web archive."""
from django.apps import AppConfig
from django.utils.translation import gettext_noop


class BulletinConfig(AppConfig):
    name = "scrutiny.bulletin"
    verbose_name = "Bulletin"

    def ready(self):
        from scrutiny.accounts import roles
        from scrutiny.curation.tools import Tool, register

        register(Tool(gettext_noop("Monthly bulletin"), "bulletin_manage", roles.MAKE_OUTPUTS))
