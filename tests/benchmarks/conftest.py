import pytest


@pytest.fixture(scope="package")
def bench_cache(tmp_path_factory):
    """One cache for the folder, so the demo template is generated and ingested once."""
    return tmp_path_factory.mktemp("bench-cache")
