"""What inspectors write about, theme by theme, in the words they use.

Each theme offers narrative sentences (evidence), problems (what a concern says), fixes (what
a recommendation asks, after "should"), strengths (good practice) and notes (points of note).
Placeholders: {pct} a percentage, {num} a count, {days} a number of days, {place} the
establishment's short name, {unit} a wing or ward name.
"""

from scrutiny_demo.vocabulary.governance import THEMES as GOVERNANCE
from scrutiny_demo.vocabulary.respect import THEMES as RESPECT
from scrutiny_demo.vocabulary.safety import THEMES as SAFETY

THEMES = {**SAFETY, **RESPECT, **GOVERNANCE}
