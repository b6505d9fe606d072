"""The running bot of the end-to-end tests, for the page's round trips through it."""

from tests.e2e.conftest import bot

__all__ = ["bot"]
