"""Re-make the explain-page screenshot shown in the docs (``docs/img/explain-seed-004.png``).

Run it by hand after the default pipeline changes (``make docs`` does not run
it; the image is committed)::

    .venv/bin/python docs/make_screenshot.py [SEED] [--out PNG] [--keep-html HTML]

Needs Debian's ``chromium`` on the PATH.  Chromium runs headless with every
background network feature switched off, on a page that loads nothing.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textclean import clean  # noqa: E402
from textclean.explain import render_html  # noqa: E402

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def screenshot(html_path: pathlib.Path, png_path: pathlib.Path, *, size: str = "1400,1000") -> None:
    """Render ``html_path`` in headless Chromium and save a PNG of the first screen."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={png_path}",
                f"--window-size={size}",
                html_path.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", default=str(ROOT / "seeds" / "004_9c5419554aa1a0fb.txt"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "img" / "explain-seed-004.png"))
    parser.add_argument("--keep-html", metavar="HTML", help="also keep the rendered page here")
    parser.add_argument("--size", default="1400,1000", help="window size WIDTH,HEIGHT (default: 1400,1000)")
    args = parser.parse_args()

    seed = pathlib.Path(args.seed)
    page = render_html(clean(seed.read_text(encoding="utf-8")), title=f"seeds/{seed.name}")
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html_path = pathlib.Path(tmp) / "explain.html"
        html_path.write_text(page, encoding="utf-8")
        if args.keep_html:
            shutil.copyfile(html_path, args.keep_html)
        screenshot(html_path, out, size=args.size)
    print(f"wrote {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
