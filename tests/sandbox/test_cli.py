"""`python -m bot sandbox` refuses clearly what it cannot start with."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from handlers.sandbox.runner import SandboxFiles

ROOT = Path(__file__).resolve().parents[2]


def sandbox(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "sandbox", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_damaged_workspace_file_is_named_with_the_way_out(tmp_path: Path) -> None:
    (tmp_path / "workspace.json").write_text('{"version": 99}', encoding="utf-8")
    done = sandbox("--data", str(tmp_path), "--port", "0")
    assert done.returncode == 2
    assert "workspace.json" in done.stderr and "--reset" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_port_in_use_is_told(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = sandbox("--data", str(tmp_path), "--port", str(port))
    assert done.returncode == 2
    assert "--port" in done.stderr and "Traceback" not in done.stderr


def test_reset_forgets_only_the_sandboxs_own_files(tmp_path: Path) -> None:
    (tmp_path / "workspace.json").write_text("{broken", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    SandboxFiles(tmp_path).reset()
    assert not (tmp_path / "workspace.json").exists()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
