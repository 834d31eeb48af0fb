"""One exception root for veille, with a few subclasses whose messages say the fix."""

from __future__ import annotations


class VeilleError(Exception):
    """Root of every error veille raises on purpose."""


class InputError(VeilleError):
    """A document cannot be read: empty, binary, undecodable, too large, malformed.

    The message names the input and the reason in one line; batch paths record it and
    go on with the other inputs.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(VeilleError):
    """The spaCy model or a data file is missing or broken (a configuration fault)."""
