"""Key Issues addresses (stable: bookmarked, cited, checked by scripts)."""

urlpatterns = []
