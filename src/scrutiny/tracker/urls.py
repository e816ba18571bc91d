"""Policy Tracker addresses (stable: bookmarked, cited, checked by scripts)."""

urlpatterns = []
