import pytest

from scrutiny.analytics import recorder


@pytest.fixture
def counts():
    """A fresh buffer: what other tests in this process left in memory is not ours to count."""
    recorder.BUFFER.discard()
    yield recorder
    recorder.BUFFER.discard()
