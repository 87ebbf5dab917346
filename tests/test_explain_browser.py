"""Render the explain page of a seed in headless Chromium (skipped where Chromium is missing)."""

from __future__ import annotations

import importlib.util
import shutil
import struct
from pathlib import Path
from types import ModuleType

import pytest

import textclean
from textclean.explain import render_html

SEED = Path(__file__).resolve().parent.parent / "seeds" / "004_9c5419554aa1a0fb.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]


def _screenshot_tool() -> ModuleType:
    """docs/make_screenshot.py: the test renders the page exactly as the docs image is made."""
    spec = importlib.util.spec_from_file_location("make_screenshot", SEED.parents[1] / "docs" / "make_screenshot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_seed_page_renders_in_chromium(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = tmp_path / "explain.html"
    page.write_text(render_html(textclean.clean(SEED.read_text(encoding="utf-8")), title=SEED.name), encoding="utf-8")
    shot = tmp_path / "shot.png"
    _screenshot_tool().screenshot(page, shot, size="1400,1000")
    data = shot.read_bytes()
    assert _png_size(data) == (1400, 1000)
    # the page frame with an empty document compresses to about 30 kB; a screen of text is several times that
    assert len(data) > 80_000
