"""Bulletin addresses (stable: bookmarked, cited, checked by scripts)."""

urlpatterns = []
