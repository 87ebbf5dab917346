"""Options that several sub-commands share, declared once."""

from __future__ import annotations

from typing import Any

__all__ = ["add_decoding_options", "add_pipeline_options"]


def add_decoding_options(p: Any) -> None:
    """``--encoding`` and ``--decode-errors``."""
    p.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    p.add_argument(
        "--decode-errors",
        choices=("strict", "replace"),
        default="strict",
        help="'replace' turns undecodable bytes into U+FFFD instead of stopping (default: strict)",
    )


def add_pipeline_options(p: Any) -> None:
    """``--aggressiveness`` and ``--model``: how the default pipeline is built."""
    p.add_argument(
        "--aggressiveness",
        choices=("conservative", "balanced", "aggressive"),
        default="balanced",
        help="how much structural rules may remove (default: balanced)",
    )
    p.add_argument("--model", metavar="FILE", help="a boilerplate model learned with 'textclean learn'")
