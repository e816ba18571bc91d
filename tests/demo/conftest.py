import pytest

from scrutiny_demo.corpus import generate


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """One report of every family, in whichever format the rotation gives it."""
    outdir = tmp_path_factory.mktemp("demo")
    written = generate(9, seed=7, outdir=str(outdir), processes=1)
    return outdir, written
