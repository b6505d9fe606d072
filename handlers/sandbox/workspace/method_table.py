"""Writes methods.json, the compact method table the simulator ships, from a slack-api-ref copy.

Usage: python -m handlers.sandbox.workspace.method_table /path/to/slack-api-ref
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from handlers.sandbox.workspace.api_ref import (
    TABLE_PATH,
    method_from_reference,
    method_to_json,
)
from handlers.sandbox.workspace.methods import HANDLERS


def derive(ref_dir: Path) -> str:
    """Return the table text for every method the simulator serves, one method a line."""
    methods_dir = ref_dir / "methods"
    if not methods_dir.is_dir():
        raise SystemExit(f"no methods/ folder under {ref_dir}")
    entries = {name: method_to_json(method_from_reference(methods_dir, name)) for name in HANDLERS}
    lines = [f"{json.dumps(name)}: {json.dumps(entries[name])}" for name in sorted(entries)]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: list[str]) -> int:
    """Rewrite the shipped table from the reference directory named on the command line."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    TABLE_PATH.write_text(derive(Path(argv[0])), encoding="utf-8")
    print(f"wrote {TABLE_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
