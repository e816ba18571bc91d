"""The real files the business-plan tests read."""

from pathlib import Path

HERE = Path(__file__).parent
APPENDIX = HERE / "appendix-1-2026-27.csv"  # appendix 1 of the NPM business plan 2026-27, as published
OBJECTIVES = HERE / "objectives-2026-27.csv"  # its strategic objectives and the communications plan 2026-27
