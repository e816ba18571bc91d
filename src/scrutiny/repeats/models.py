"""A repeat link: a finding that asks what an earlier finding asked.

At the same establishment (the two reports share a place) it is a *repeat*; anywhere else, by
any body, a *shared concern*. "Earlier" is by the reports' publication dates, then report id, so
a historic report ingested late is still the earlier side. Links are machine-made by
scrutiny.repeats.services (at ingest, and by `scrutiny repeats rebuild`), scored by
scrutiny.core.similarity; a link says nothing about publication, so public pages filter both ends.
"""

from django.db import models

from scrutiny.findings.models import Finding


class Relation(models.TextChoices):
    REPEAT = "repeat", "Repeated at the same establishment"
    SHARED_CONCERN = "shared_concern", "Shared concern elsewhere"


class Repeat(models.Model):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="repeat_links")
    earlier = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="later_links")
    relation = models.CharField(max_length=20, choices=Relation.choices, db_index=True)
    score = models.FloatField(help_text="similarity of the two texts (scrutiny.core.similarity)")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["finding", "earlier"], name="repeat_pair_unique"),
            models.CheckConstraint(condition=~models.Q(finding=models.F("earlier")), name="repeat_not_itself"),
        ]
        indexes = [models.Index(fields=["relation", "earlier"])]

    def __str__(self) -> str:
        return f"{self.finding_id} {self.relation} of {self.earlier_id} ({self.score:.2f})"
