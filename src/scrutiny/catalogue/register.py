"""The establishment register: one place, however many names it has been published under."""

from django.utils.text import slugify

from scrutiny.catalogue.models import Establishment, EstablishmentAlias, Nation, Setting, establishment_key


def find_establishment(name: str, setting: Setting | None = None) -> Establishment | None:
    """The place this name refers to: an exact alias first, then the renaming-proof key, which
    must agree on setting where both know it (a prison and a police station may share a town)."""
    alias = EstablishmentAlias.objects.filter(name__iexact=name.strip()).select_related("establishment").first()
    if alias:
        return alias.establishment
    candidates = [a.establishment for a in EstablishmentAlias.objects.filter(key=establishment_key(name)).select_related("establishment")]
    for place in candidates:
        if setting is None or place.setting_id in (None, setting.pk):
            return place
    return None


def register_establishment(name: str, setting: Setting | None, nation: Nation | None) -> Establishment:
    """Find the place, or add it to the register for a person to confirm. A new name for a known
    place becomes one of its aliases, so both names lead to the same page."""
    name = " ".join(name.split())
    place = find_establishment(name, setting)
    if place is None:
        place = Establishment.objects.create(
            slug=_free_slug(name), name=name, setting=setting, nation=nation, needs_review=True
        )
    EstablishmentAlias.objects.get_or_create(
        name=name, defaults={"establishment": place, "key": establishment_key(name)}
    )
    return place


def _free_slug(name: str) -> str:
    base = slugify(name)[:100] or "establishment"
    slug, n = base, 1
    while Establishment.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
