"""Policy Tracker items. (Skeleton: the fields others link to; the tracker's own work fills it in.)"""

from django.db import models


class Item(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    is_published = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.title
