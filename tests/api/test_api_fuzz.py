"""Schemathesis fuzzes every operation of the API against its own published description,
/api/openapi.json, loaded through the WSGI application: no answer may be a server error, and
every answer must match the schema the description gives for it (bounded: a few examples each).

Each operation's strategy is driven here with Hypothesis directly: schemathesis's pytest
integration (`from_fixture` + `parametrize`) reads a private attribute that pytest 9 removed."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.django_db

EXAMPLES = 15


@pytest.fixture
def wsgi_application():
    """The site as a WSGI server runs it, inside the test's transaction: as Django's own test
    client does, requests must not close the connection that holds the test's data."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_no_operation_fails_or_answers_outside_its_description(world, wsgi_application):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 13
    called = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        def answers_within_its_description(case):
            called.append(case.call_and_validate().status_code)

        answers_within_its_description()
    assert len(called) >= 2 * len(operations) and 200 in called
