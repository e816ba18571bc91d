"""Suite-wide test set-up. Data comes from factories (tests/factories.py) and the generator."""

import pytest

DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


def pytest_configure(config):
    config.addinivalue_line("markers", "no_database: the test never touches a database (set automatically)")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # scripts/run-tests.sh runs the suite twice, on SQLite then PostgreSQL; the second pass
    # skips what cannot differ between them.
    for item in items:
        if item.get_closest_marker("django_db") is None and not DATABASE_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.no_database)


@pytest.fixture(autouse=True)
def reference_data(request):
    """The bodies, vocabularies and themes that migrations load. A transactional test (a live
    server for the browser) empties every table when it ends, so put them back when missing."""
    if "no_database" in request.keywords:
        return
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from scrutiny.catalogue.models import Body
    from scrutiny.catalogue.reference import load_reference_data

    if not Body.objects.exists():
        load_reference_data()
