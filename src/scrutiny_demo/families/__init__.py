"""Report families, in the order the corpus rotates through them.

Each family module offers SLUG, SHORT (the name prefix), PAGES (low, typical, high page
counts), commission(rng) and write(commission, rng, density) -> Report.
"""

from scrutiny_demo.families import (
    care_inspectorate,
    cjini,
    cqc_mha,
    hmip_2009,
    hmip_2022,
    hmip_review,
    hmips,
    imb,
    police_custody,
)

FAMILIES = [hmip_2022, hmip_2009, hmip_review, police_custody, hmips, imb, cjini,
            care_inspectorate, cqc_mha]
