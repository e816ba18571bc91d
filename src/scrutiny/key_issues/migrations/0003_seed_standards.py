"""The standards a key issue can engage, seeded once; staff may add more later."""

from django.db import migrations

STANDARDS = [
    # (slug, name, group, link)
    ("opcat-article-1", "OPCAT article 1: regular visits to places of detention", "OPCAT", "https://www.ohchr.org/en/instruments-mechanisms/instruments/optional-protocol-convention-against-torture"),
    ("opcat-article-4", "OPCAT article 4: places where people are deprived of their liberty", "OPCAT", "https://www.ohchr.org/en/instruments-mechanisms/instruments/optional-protocol-convention-against-torture"),
    ("opcat-articles-19-20", "OPCAT articles 19 and 20: the powers of national preventive mechanisms", "OPCAT", "https://www.ohchr.org/en/instruments-mechanisms/instruments/optional-protocol-convention-against-torture"),
    ("echr-article-3", "ECHR article 3: prohibition of torture and inhuman or degrading treatment", "European Convention on Human Rights", "https://www.echr.coe.int/documents/d/echr/convention_ENG"),
    ("uncat-article-2", "UNCAT article 2: effective measures to prevent torture", "UN Convention against Torture", "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading"),
    ("uncat-article-11", "UNCAT article 11: review of custody and interrogation rules", "UN Convention against Torture", "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading"),
    ("uncat-article-16", "UNCAT article 16: other cruel, inhuman or degrading treatment", "UN Convention against Torture", "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading"),
    ("mandela-rules", "UN Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules)", "UN rules", "https://www.unodc.org/documents/justice-and-prison-reform/Nelson_Mandela_Rules-E-ebook.pdf"),
    ("bangkok-rules", "UN Rules for the Treatment of Women Prisoners (the Bangkok Rules)", "UN rules", "https://www.unodc.org/documents/justice-and-prison-reform/Bangkok_Rules_ENG_22032015.pdf"),
    ("havana-rules", "UN Rules for the Protection of Juveniles Deprived of their Liberty (the Havana Rules)", "UN rules", "https://www.ohchr.org/en/instruments-mechanisms/instruments/united-nations-rules-protection-juveniles-deprived-their-liberty"),
    ("cpt-standards", "CPT standards", "Council of Europe", "https://www.coe.int/en/web/cpt/standards"),
    ("crpd", "UN Convention on the Rights of Persons with Disabilities", "UN conventions", "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-persons-disabilities"),
]


def seed(apps, schema_editor):
    Standard = apps.get_model("key_issues", "Standard")
    for position, (slug, name, group, link) in enumerate(STANDARDS, start=1):
        Standard.objects.update_or_create(slug=slug, defaults={"name": name, "group": group, "link": link, "position": position})


def unseed(apps, schema_editor):
    apps.get_model("key_issues", "Standard").objects.filter(slug__in=[s[0] for s in STANDARDS], key_issues=None).delete()


class Migration(migrations.Migration):
    dependencies = [("key_issues", "0002_standards_and_evidence")]
    operations = [migrations.RunPython(seed, unseed)]
