"""Deaths in custody addresses (stable: bookmarked, cited, checked by scripts)."""

urlpatterns = []
