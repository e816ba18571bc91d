"""The monthly bulletin composer: sections as the NPM bulletin has them, e-mail HTML with inlined CSS, plain text and a web archive."""
from django.apps import AppConfig


class BulletinConfig(AppConfig):
    name = "scrutiny.bulletin"
    verbose_name = "Bulletin"
