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


class QueryError(VeilleError):
    """A filter of a store query cannot be read ("--quad 7", "--since 2023/01")."""


class StoreError(VeilleError):
    """The corpus store cannot be used: not a veille database, or made by a newer veille."""


class StoreBusy(StoreError):
    """Another process holds the database file (DuckDB allows one writer, or many readers).

    The message names the file and says to retry; the CLI exits with status 75
    (``EX_TEMPFAIL``), so a script can tell "retry later" from a failure.
    """

    def __init__(self, path: str) -> None:
        super().__init__(
            f"database {path} is busy (another process has it open); retry when it finishes"
        )
        self.path = path
