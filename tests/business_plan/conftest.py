import csv

import pytest

from business_plan.files import APPENDIX


@pytest.fixture
def appendix() -> list[dict]:
    with APPENDIX.open(newline="") as f:
        return [row for row in csv.DictReader(f) if row["code"] != "workload"]
