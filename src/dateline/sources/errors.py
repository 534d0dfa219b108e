"""The one error type of the sources stage."""

from __future__ import annotations


class InputError(Exception):
    """A bad input item: `item` names it, the message says why."""

    def __init__(self, item: str, cause: str) -> None:
        super().__init__(f"{item}: {cause}")
        self.item = item
        self.cause = cause
