"""Keep deaths with their place when the register merges two places.

taxonomy.establishments.merge moves the duplicate's names to the place it really is, then deletes
the duplicate. Just before the delete, each death still linked to it is pointed at the place its
wording in the source now leads to (the names have moved already)."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from scrutiny.catalogue.models import Establishment, EstablishmentAlias


@receiver(pre_delete, sender=Establishment, dispatch_uid="custody_deaths_follow_merge")
def follow_merge(sender, instance, **kwargs):
    from scrutiny.custody_deaths.models import Death

    for death in Death.objects.filter(establishment=instance):
        alias = EstablishmentAlias.objects.filter(name__iexact=death.establishment_in_source).exclude(establishment=instance).first()
        if alias is not None:
            Death.objects.filter(pk=death.pk).update(establishment=alias.establishment)
