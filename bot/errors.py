"""Errors the core raises to give the user a clear answer."""

from __future__ import annotations


class UserError(Exception):
    """A refusal or problem to explain to the user; `key` names a catalog message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class AlreadyHandled(Exception):
    """The request's key was recorded before: a replay, a redelivery or the same form
    submitted again, which changes nothing."""
