#!/usr/bin/env python3
"""Check that every asset reference in the vendored USWDS files resolves.

Django's ManifestStaticFilesStorage rewrites ``url(...)``, ``@import`` and
``sourceMappingURL`` references in CSS/JS files during ``collectstatic`` and
fails if a referenced file does not exist.  This script applies the same
patterns (copied from django.contrib.staticfiles.storage) to every ``*.css``
and ``*.js`` file under the vendored USWDS directory and reports references
that do not point to a file inside that directory.

Usage:
    python3 scripts/check_uswds_refs.py [DIR]
        Check DIR (default: soars/core/static/uswds next to this script's
        repository).  Exit 0 if all references resolve, 1 otherwise (with a
        list of missing files on stderr).

    python3 scripts/check_uswds_refs.py --list-css-refs CSS_FILE ROOT
        Print, one per line, the paths (relative to ROOT) referenced by
        url(...) / @import in CSS_FILE.  Used by refresh_uswds.sh to decide
        which fonts and images to copy out of the npm package.

Plain standard-library Python 3; does not need Django or Node.
"""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag

# Same expressions as django.contrib.staticfiles.storage.HashedFilesMixin.patterns
# (Django compiles them with re.IGNORECASE).
CSS_URL_PATTERNS = (
    re.compile(r"""(?P<matched>url\(['"]{0,1}\s*(?P<url>.*?)["']{0,1}\))""", re.I),
    re.compile(r"""(?P<matched>@import\s*["']\s*(?P<url>.*?)["'])""", re.I),
)
CSS_MAP_PATTERN = re.compile(r"(?m)^(?P<matched>/\*#[ \t](?-i:sourceMappingURL)=(?P<url>.*)[ \t]*\*/)$", re.I)
JS_MAP_PATTERN = re.compile(r"(?m)^(?P<matched>//# (?-i:sourceMappingURL)=(?P<url>.*))$", re.I)

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "soars" / "core" / "static" / "uswds"


def _is_ignored(url: str) -> bool:
    """References Django leaves alone (see HashedFilesMixin.url_converter)."""
    if re.match(r"^[a-z]+:", url) or url.startswith("//"):
        return True  # data: URIs, absolute URLs
    if url.startswith("#"):
        return True  # fragment-only, e.g. SVG filters
    path, _fragment = urldefrag(url)
    return not path  # e.g. the empty url() inside @supports tests


def references(file: Path) -> list[str]:
    """Raw reference strings in a CSS or JS file, in order of appearance."""
    text = file.read_text(encoding="utf-8")
    found: list[str] = []
    if file.suffix == ".css":
        for pattern in CSS_URL_PATTERNS:
            found.extend(m.group("url").strip() for m in pattern.finditer(text))
        found.extend(m.group("url").strip() for m in CSS_MAP_PATTERN.finditer(text))
    elif file.suffix == ".js":
        found.extend(m.group("url").strip() for m in JS_MAP_PATTERN.finditer(text))
    return found


def resolve(file: Path, url: str, root: Path) -> str | None:
    """Path of the referenced file relative to root (POSIX), or None if ignored.

    A reference that escapes root or is absolute is returned as-is prefixed
    with "!" so the caller reports it.
    """
    if _is_ignored(url):
        return None
    path, _fragment = urldefrag(url)
    path = unquote(path.split("?", 1)[0])
    if path.startswith("/"):
        return "!" + url
    file_dir = file.parent.relative_to(root).as_posix()
    joined = posixpath.normpath(posixpath.join(file_dir, path))
    if joined == ".." or joined.startswith("../"):
        return "!" + url
    return joined


def check(root: Path) -> int:
    if not root.is_dir():
        print(f"error: {root} is not a directory", file=sys.stderr)
        return 1
    missing: list[str] = []
    checked = 0
    files = sorted(p for p in root.rglob("*") if p.suffix in (".css", ".js") and p.is_file())
    for file in files:
        rel_file = file.relative_to(root).as_posix()
        for url in references(file):
            target = resolve(file, url, root)
            if target is None:
                continue
            checked += 1
            if target.startswith("!"):
                missing.append(f"{rel_file}: {url} (absolute or outside {root.name}/)")
            elif not (root / target).is_file():
                missing.append(f"{rel_file}: {url} -> {target}")
    print(f"checked {checked} references in {len(files)} CSS/JS files under {root}")
    if missing:
        print(f"{len(missing)} missing file(s):", file=sys.stderr)
        for line in missing:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("OK: every reference resolves to a vendored file")
    return 0


def list_css_refs(css_file: Path, root: Path) -> int:
    css_file = css_file.resolve()
    root = root.resolve()
    seen: set[str] = set()
    text = css_file.read_text(encoding="utf-8")
    for pattern in CSS_URL_PATTERNS:
        for m in pattern.finditer(text):
            target = resolve(css_file, m.group("url").strip(), root)
            if target is None or target in seen:
                continue
            if target.startswith("!"):
                print(f"error: unsupported reference {target[1:]}", file=sys.stderr)
                return 1
            seen.add(target)
    for target in sorted(seen):
        print(target)
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if argv and argv[0] == "--list-css-refs":
        if len(argv) != 3:
            print("usage: check_uswds_refs.py --list-css-refs CSS_FILE ROOT", file=sys.stderr)
            return 2
        return list_css_refs(Path(argv[1]), Path(argv[2]))
    if len(argv) > 1:
        print("usage: check_uswds_refs.py [DIR]", file=sys.stderr)
        return 2
    return check(Path(argv[0]).resolve() if argv else DEFAULT_DIR)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
