"""Report families, in the order the corpus rotates through them.

Each family module offers SLUG, SHORT (the name prefix), PAGES (low, typical, high page
counts), commission(rng) and write(commission, rng, density) -> Report.
"""

from scrutiny_demo.families import hmip_2022

FAMILIES = [hmip_2022]
