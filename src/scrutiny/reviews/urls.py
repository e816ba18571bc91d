"""Independent reviews addresses (stable: bookmarked, cited, checked by scripts)."""

urlpatterns = []
