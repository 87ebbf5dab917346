"""Sub-commands.  Each module exposes ``register(subparsers)``; REGISTRY lists them in help order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textclean.cli.commands import clean, dedup, explain, learn

REGISTRY: list[Callable[[Any], None]] = [clean.register, explain.register, dedup.register, learn.register]
