"""Each review test has its own models folder, so a retrained model never leaks into another
test's ingest (nor into the developer's scrutiny-files)."""

import pytest

from factories import staff_member


@pytest.fixture(autouse=True)
def models_dir(settings, tmp_path):
    settings.SCRUTINY_MODELS_DIR = tmp_path / "models"
    return settings.SCRUTINY_MODELS_DIR


@pytest.fixture
def editor(db):
    return staff_member("editor", name="eira@npm.example.org")
