"""The Teams app package: Microsoft's schema, the command menu against the core's grammar,
the icons, the zip's contents and the ids, and `python -m handlers.teams.package`."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bot.command_input import CommandInput
from bot.config import ConfigError
from bot.plan.commands import AddGoal, AddStep, EditStep, parse_askel
from bot.teams.commands import ShowHelp, parse_tiimi
from handlers.teams.package import (
    CLIENT_ID,
    MANIFEST_VERSION,
    PackageSettings,
    build_localizations,
    build_manifest,
    build_package,
    package_settings,
)

# .ci/run fetches npm's @microsoft/app-manifest and names its v1.25 manifest schema here
SCHEMA_VARIABLE = "TIIMI_TEAMS_MANIFEST_SCHEMA"
APP_ID = "0b7c5e2a-4d1f-4e8a-9c3b-6a2f1e0d9c8b"
BOT_ID = "5f3e2d1c-0b9a-4876-8543-210fedcba987"
ENV = {
    "TEAMS_APP_ID": APP_ID,
    CLIENT_ID: BOT_ID,
    "TEAMS_BOT_ENDPOINT": "https://tiimi.hyvinvointialue.example/api/messages",
}
ADAPTER_WORDS = {"koti"}  # the Teams adapter's own word for the home card, not the core's
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def settings() -> PackageSettings:
    return package_settings(ENV)


@pytest.fixture(scope="module")
def manifest(settings: PackageSettings) -> dict[str, Any]:
    return build_manifest(settings, app_version="1.2.3")


@pytest.fixture(scope="module")
def package(settings: PackageSettings) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(build_package(settings, app_version="1.2.3")))


@pytest.fixture(scope="module")
def manifest_schema() -> Path:
    """Microsoft's published v1.25 schema; never skipped under CI."""
    raw = os.environ.get(SCHEMA_VARIABLE, "")
    if not raw:
        if os.environ.get("CI"):
            pytest.fail(f"{SCHEMA_VARIABLE} is not set under CI (.ci/run fetches the schema)")
        pytest.skip(f"{SCHEMA_VARIABLE} is not set (bash .ci/run shows how to fetch the schema)")
    path = Path(raw)
    assert path.is_file(), f"{SCHEMA_VARIABLE} names no file: {path}"
    return path


def schema_errors(schema_path: Path, document: dict[str, Any]) -> list[str]:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return sorted(
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    )


def test_the_packaged_manifest_is_valid_by_microsofts_schema(
    manifest_schema: Path, package: zipfile.ZipFile
) -> None:
    schema = json.loads(manifest_schema.read_text(encoding="utf-8"))
    assert schema["properties"]["manifestVersion"]["const"] == MANIFEST_VERSION
    manifest = json.loads(package.read("manifest.json"))
    assert schema_errors(manifest_schema, manifest) == []


def test_the_localization_files_are_valid_by_microsofts_schema(
    manifest_schema: Path, package: zipfile.ZipFile
) -> None:
    localization_schema = manifest_schema.with_name("MicrosoftTeams.Localization.schema.json")
    assert localization_schema.is_file()
    for name in ("sv.json", "en.json"):
        assert schema_errors(localization_schema, json.loads(package.read(name))) == [], name


def test_the_schema_catches_a_broken_manifest(
    manifest_schema: Path, manifest: dict[str, Any]
) -> None:
    broken = {**manifest, "id": "not-a-guid", "bots": [{**manifest["bots"][0], "scopes": ["x"]}]}
    errors = schema_errors(manifest_schema, broken)
    assert any(error.startswith("id:") for error in errors)
    assert any(error.startswith("bots/0/scopes/0:") for error in errors)


def test_the_zip_holds_exactly_the_manifest_icons_and_translations(
    package: zipfile.ZipFile, manifest: dict[str, Any]
) -> None:
    assert sorted(package.namelist()) == sorted(
        ["manifest.json", "color.png", "outline.png", "sv.json", "en.json"]
    )
    assert json.loads(package.read("manifest.json")) == manifest
    referenced = {manifest["icons"]["color"], manifest["icons"]["outline"]} | {
        language["file"] for language in manifest["localizationInfo"]["additionalLanguages"]
    }
    assert referenced | {"manifest.json"} == set(package.namelist())


def test_the_ids_and_domain_are_those_given(manifest: dict[str, Any]) -> None:
    assert manifest["id"] == APP_ID
    assert manifest["manifestVersion"] == MANIFEST_VERSION
    assert manifest["version"] == "1.2.3"
    (bot,) = manifest["bots"]
    assert bot["botId"] == BOT_ID
    assert manifest["webApplicationInfo"]["id"] == BOT_ID
    assert manifest["validDomains"] == ["tiimi.hyvinvointialue.example"]
    assert manifest["developer"]["privacyUrl"] == "https://tiimi.hyvinvointialue.example"


def test_the_bot_lives_in_personal_and_group_chats_only(manifest: dict[str, Any]) -> None:
    (bot,) = manifest["bots"]
    assert bot["scopes"] == ["personal", "groupChat"]
    assert bot["supportsFiles"] is False and bot["isNotificationOnly"] is False
    assert [tab["entityId"] for tab in manifest["staticTabs"]] == ["conversations", "about"]
    assert manifest["authorization"]["permissions"]["resourceSpecific"] == [
        {"name": "ChatSettings.ReadWrite.Chat", "type": "Application"}
    ]


def menu(manifest: dict[str, Any]) -> list[tuple[str, str]]:
    (bot,) = manifest["bots"]
    return [
        (command_list["scopes"][0], command["title"])
        for command_list in bot["commandLists"]
        for command in command_list["commands"]
    ]


def test_the_menus_are_short_and_translated(manifest: dict[str, Any]) -> None:
    (bot,) = manifest["bots"]
    assert [command_list["scopes"] for command_list in bot["commandLists"]] == [
        ["personal"],
        ["groupChat"],
    ]
    for command_list in bot["commandLists"]:
        assert len(command_list["commands"]) <= 12
    assert all(len(title) <= 32 for _, title in menu(manifest))
    for name, strings in build_localizations().items():
        descriptions = [key for key in strings if key.endswith(".description")]
        assert len(descriptions) == len(menu(manifest)), name
        assert strings["name.short"] == manifest["name"]["short"] == "Tiimi"  # the @mention


def parse_menu_command(title: str) -> object:
    word, _, rest = title.partition(" ")
    if word == "tiimi":
        return parse_tiimi(CommandInput.of(rest))
    if word == "askel":
        return parse_askel(CommandInput.of(rest), today=date(2026, 12, 7))
    raise AssertionError(f"{title!r} is neither a tiimi nor an askel command")


def test_every_menu_command_parses_as_a_command(manifest: dict[str, Any]) -> None:
    """No menu entry falls through to the help for unknown words or becomes a step's text."""
    for scope, title in menu(manifest):
        if title in ADAPTER_WORDS:
            assert scope == "personal", title
            continue
        command = parse_menu_command(title)  # a UserError would fail the test
        assert command != ShowHelp(unknown=True), title
        assert not isinstance(command, AddStep | AddGoal | EditStep), title


def test_a_misspelt_menu_command_would_be_caught() -> None:
    assert parse_menu_command("tiimi suunitelma") == ShowHelp(unknown=True)
    assert isinstance(parse_menu_command("askel lsita"), AddStep)


def read_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int, int]]]:
    """Width, height and RGBA pixels of an 8-bit RGBA PNG with unfiltered rows."""
    assert data.startswith(PNG_SIGNATURE)
    position, chunks = len(PNG_SIGNATURE), []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.append((kind, body))
        position += 12 + length
    kinds = [kind for kind, _ in chunks]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (depth, color_type, interlace) == (8, 6, 0)
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = 1 + 4 * width
    assert len(raw) == stride * height
    pixels = []
    for row in range(height):
        assert raw[row * stride] == 0  # filter type None
        line = raw[row * stride + 1 : (row + 1) * stride]
        pixels += [(line[i], line[i + 1], line[i + 2], line[i + 3]) for i in range(0, len(line), 4)]
    return width, height, pixels


def test_the_color_icon_is_192_square_with_a_white_mark(package: zipfile.ZipFile) -> None:
    width, height, pixels = read_png(package.read("color.png"))
    assert (width, height) == (192, 192)
    assert pixels[192 * 96 + 96][3] == 255  # the middle is opaque
    assert (255, 255, 255, 255) in pixels and (0x1E, 0x6F, 0x6A, 255) in pixels


def test_the_outline_icon_is_32_square_white_on_transparent(package: zipfile.ZipFile) -> None:
    width, height, pixels = read_png(package.read("outline.png"))
    assert (width, height) == (32, 32)
    assert all(pixel[:3] == (255, 255, 255) for pixel in pixels)
    alphas = [pixel[3] for pixel in pixels]
    assert alphas[0] == 0 and alphas.count(255) > 100 and alphas.count(0) > 300


def test_the_same_settings_build_the_same_bytes(settings: PackageSettings) -> None:
    assert build_package(settings, app_version="1.0.0") == build_package(
        settings, app_version="1.0.0"
    )


def test_missing_and_malformed_settings_are_each_named() -> None:
    with pytest.raises(ConfigError) as missing:
        package_settings({})
    assert [problem.split()[0] for problem in missing.value.problems] == [
        "TEAMS_APP_ID",
        CLIENT_ID,
        "TEAMS_BOT_ENDPOINT",
    ]
    with pytest.raises(ConfigError) as malformed:
        package_settings(
            {
                **ENV,
                "TEAMS_APP_ID": "tiimi",
                "TEAMS_BOT_ENDPOINT": "http://tiimi.example",
                "TEAMS_PRIVACY_URL": "tietosuoja.html",
            }
        )
    assert [problem.split()[0] for problem in malformed.value.problems] == [
        "TEAMS_APP_ID",
        "TEAMS_BOT_ENDPOINT",
        "TEAMS_PRIVACY_URL",
    ]


def run_package_command(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    keep = {name: value for name, value in os.environ.items() if name in ("PATH", "HOME", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "handlers.teams.package", "--out", str(tmp_path / "app.zip")],
        cwd=tmp_path,  # no .env of the developer's is read
        env={**keep, "PYTHONPATH": str(REPO), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_command_writes_the_package(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"TEAMS_APP_ID={APP_ID}\n", encoding="utf-8")
    done = run_package_command(tmp_path, {k: v for k, v in ENV.items() if k != "TEAMS_APP_ID"})
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "app.zip") as package:
        assert json.loads(package.read("manifest.json"))["id"] == APP_ID  # read from .env
    assert APP_ID in done.stdout


def test_the_command_stops_with_status_2_naming_the_missing_variable(tmp_path: Path) -> None:
    done = run_package_command(tmp_path, {k: v for k, v in ENV.items() if k != CLIENT_ID})
    assert done.returncode == 2
    assert CLIENT_ID in done.stderr and "TEAMS_APP_ID" not in done.stderr
    assert not (tmp_path / "app.zip").exists()
