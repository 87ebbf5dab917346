"""A small progress line on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Counts records and bytes; redraws at most ten times a second on a TTY."""

    def __init__(self, label: str, *, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.records = 0
        self.bytes = 0
        self._start = time.monotonic()
        self._last = 0.0

    def update(self, records: int = 1, nbytes: int = 0) -> None:
        self.records += records
        self.bytes += nbytes
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= 0.1:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._start, 1e-9)
        rate = self.bytes / elapsed / 1e6
        self.stream.write(f"\r{self.label}: {self.records:,} records, {self.bytes / 1e6:,.1f} MB, {rate:,.1f} MB/s ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
