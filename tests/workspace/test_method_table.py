"""Tests of the method table shipped with the simulator (no slack-api-ref needed to run it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from handlers.sandbox.workspace import api_ref, method_table, server
from handlers.sandbox.workspace.api_ref import ApiRef

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO.parent / "shared" / "slack-api-ref"


def test_shipped_table_is_what_the_generator_derives_from_the_reference() -> None:
    if not (REFERENCE / "methods").is_dir():
        pytest.skip(f"no Slack API reference at {REFERENCE} to derive the table from")
    shipped = api_ref.TABLE_PATH.read_text(encoding="utf-8")
    assert shipped == method_table.derive(REFERENCE), "run python -m " + method_table.__name__


def test_table_holds_every_served_method_and_agrees_with_the_reference_loader() -> None:
    table = ApiRef()
    assert set(table._cache) == set(server.HANDLERS)
    post = table.get("chat.postMessage")
    assert post.required == ("channel",)
    assert {"text", "blocks", "thread_ts", "metadata"} <= post.args
    assert post.documents("channel_not_found") and not post.documents("name_taken")
    upload = table.get("files.completeUploadExternal")  # from the simulator's own supplement
    assert upload.required == ("files",) and upload.documents("file_not_found")


def test_unknown_method_is_refused_by_the_shipped_table() -> None:
    with pytest.raises(api_ref.ApiRefMissingError, match=r"admin\.users\.list"):
        ApiRef().get("admin.users.list")


def test_generator_writes_one_method_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    methods = tmp_path / "ref" / "methods"
    for name in server.HANDLERS:
        folder = methods / name.split(".")[0]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.json").write_text(
            '{"args": {"b": {"required": true}, "a": {}}, "errors": {"e2": "", "e1": ""},'
            ' "response": {"examples": ["{\\"ok\\": false, \\"error\\": \\"e0\\"}", "not json"]}}'
        )
    out = tmp_path / "methods.json"
    monkeypatch.setattr(method_table, "TABLE_PATH", out)

    assert method_table.main([str(tmp_path / "ref")]) == 0

    lines = out.read_text().splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and len(lines) == len(server.HANDLERS) + 2
    assert lines[1] == (
        '"apps.connections.open": {"args": ["a", "b"], "errors": ["e0", "e1", "e2"], '
        '"required": ["b"]},'
    )
    assert method_table.main([]) == 2


def test_simulator_enforces_the_rules_without_any_reference(tmp_path: Path) -> None:
    """A copy of the package alone, far from ../shared: required args and documented errors."""
    site = tmp_path / "site"
    shutil.copytree(
        REPO / "handlers" / "sandbox" / "workspace", site / "handlers/sandbox/workspace"
    )
    for package in ("handlers", "handlers/sandbox"):
        shutil.copy(REPO / package / "__init__.py", site / package / "__init__.py")
    script = textwrap.dedent(
        """
        import asyncio, os, pytest
        from slack_sdk.errors import SlackApiError
        from slack_sdk.web.async_client import AsyncWebClient
        import handlers.sandbox.workspace as package
        from handlers.sandbox.workspace import SimulatedSlack

        async def main():
            assert package.__file__.startswith(os.environ["PYTHONPATH"]), package.__file__
            async with SimulatedSlack() as fake:
                client = AsyncWebClient(token=fake.token, base_url=fake.base_url)
                try:
                    await client.api_call("chat.postMessage", json={"text": "x"})
                except SlackApiError as exc:
                    print(exc.response["error"], *exc.response["response_metadata"]["messages"])
                with pytest.raises(AssertionError, match="not a documented error"):
                    fake.fail_next("users.info", error="name_taken")
                print("refused")

        asyncio.run(main())
        """
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "channel_not_found [ERROR] missing required field: channel",
        "refused",
    ]
