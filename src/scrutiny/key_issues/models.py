"""Key Issues. (Skeleton: the fields others link to; the key issues' own work fills it in.)"""

from django.db import models


class KeyIssue(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    is_published = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.title
