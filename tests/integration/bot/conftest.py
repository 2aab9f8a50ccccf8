"""The fake Bot API server for the runner's tests."""

from tests.support.fake_bot_fixtures import fake_bot_api  # noqa: F401
