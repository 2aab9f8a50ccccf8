"""A stdout whose reader has gone, for commands piped into `head`."""

from __future__ import annotations


class ClosedPipe:
    """A stdout whose reader has gone."""

    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        raise OSError("not a real file")
