"""`python -m handlers.teams.package [--out tiimi-teams.zip]`: the Teams app package.

The zip a Teams admin uploads: manifest.json (schema 1.25), the two icons and the Swedish and
English localization files. The ids come from the same variables the bot reads
(docs/teams-deployment.md).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.config import ConfigError, read_environment
from handlers.teams.icons import accent_hex, color_icon, outline_icon
from handlers.teams.manifest_text import (
    APP_TEXT,
    CASE_CHAT_COMMANDS,
    DEFAULT_LANGUAGE,
    OTHER_LANGUAGES,
    PERSONAL_COMMANDS,
    SHORT_NAME,
    MenuCommand,
)
from handlers.teams.settings import SDK_PREFIX

MANIFEST_VERSION = "1.25"
_SCHEMAS = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}"
MANIFEST_SCHEMA_URL = f"{_SCHEMAS}/MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA_URL = f"{_SCHEMAS}/MicrosoftTeams.Localization.schema.json"
CLIENT_ID = SDK_PREFIX + "CLIENTID"
# The case chat's own resource-specific permissions, consented when Tiimi installs itself in
# a chat it created (Graph: TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All):
# ChatSettings.ReadWrite.Chat renames the chat's topic when the team closes.
CHAT_RSC_PERMISSIONS = ("ChatSettings.ReadWrite.Chat",)
COLOR_ICON, OUTLINE_ICON = "color.png", "outline.png"
DEFAULT_OUT = Path("tiimi-teams.zip")
_GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # fixed, so that the same settings give the same bytes


@dataclass(frozen=True)
class PackageSettings:
    app_id: str  # the manifest's id (TEAMS_APP_ID)
    client_id: str  # the Entra app registration's client id: the bot's id
    bot_domain: str  # the bot's public host, for validDomains
    developer_name: str
    website_url: str
    privacy_url: str
    terms_url: str


def package_settings(env: Mapping[str, str]) -> PackageSettings:
    """Validate the variables the package needs; one ConfigError names each bad one."""
    problems: list[str] = []

    def get(name: str) -> str:
        return env.get(name, "").strip()

    def guid(name: str, meaning: str) -> str:
        value = get(name)
        if not value:
            problems.append(f"{name} is required ({meaning}, a GUID)")
        elif not _GUID.fullmatch(value):
            problems.append(f"{name} must be a GUID such as 00000000-0000-0000-0000-000000000000")
        return value

    def https_url(name: str, default: str = "") -> str:
        value = get(name) or default
        parts = urlsplit(value)
        if value and (parts.scheme != "https" or not parts.hostname):
            problems.append(f"{name} must be an https:// URL")
        return value

    app_id = guid("TEAMS_APP_ID", "the Teams app's manifest id")
    client_id = guid(CLIENT_ID, "the Entra app registration's application (client) id")
    endpoint = https_url("TEAMS_BOT_ENDPOINT")
    if not endpoint:
        problems.append("TEAMS_BOT_ENDPOINT is required (the bot's public https:// address)")
    bot_domain = urlsplit(endpoint).hostname or ""
    site = f"https://{bot_domain}" if bot_domain else ""  # the developer pages' default
    developer = get("TEAMS_DEVELOPER_NAME") or SHORT_NAME
    if len(developer) > 32:
        problems.append("TEAMS_DEVELOPER_NAME must be at most 32 characters")
    settings = PackageSettings(
        app_id=app_id,
        client_id=client_id,
        bot_domain=bot_domain,
        developer_name=developer,
        website_url=https_url("TEAMS_DEVELOPER_URL", site),
        privacy_url=https_url("TEAMS_PRIVACY_URL", site),
        terms_url=https_url("TEAMS_TERMS_URL", site),
    )
    if problems:
        raise ConfigError(problems)
    return settings


def build_manifest(settings: PackageSettings, *, app_version: str) -> dict[str, Any]:
    text = APP_TEXT[DEFAULT_LANGUAGE]
    return {
        "$schema": MANIFEST_SCHEMA_URL,
        "manifestVersion": MANIFEST_VERSION,
        "version": app_version,
        "id": settings.app_id,
        "localizationInfo": {
            "defaultLanguageTag": DEFAULT_LANGUAGE,
            "additionalLanguages": [
                {"languageTag": language, "file": f"{language}.json"}
                for language in OTHER_LANGUAGES
            ],
        },
        "developer": {
            "name": settings.developer_name,
            "websiteUrl": settings.website_url,
            "privacyUrl": settings.privacy_url,
            "termsOfUseUrl": settings.terms_url,
        },
        "name": {"short": SHORT_NAME, "full": text.full_name},
        "description": {"short": text.short_description, "full": text.full_description},
        "icons": {"color": COLOR_ICON, "outline": OUTLINE_ICON},
        "accentColor": accent_hex(),
        "bots": [
            {
                "botId": settings.client_id,
                "scopes": ["personal", "groupChat"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    _command_list("personal", PERSONAL_COMMANDS),
                    _command_list("groupChat", CASE_CHAT_COMMANDS),
                ],
            }
        ],
        "staticTabs": [  # the personal chat with the bot (the home card lives there) first
            {"entityId": "conversations", "scopes": ["personal"]},
            {"entityId": "about", "scopes": ["personal"]},
        ],
        "validDomains": [settings.bot_domain],
        "webApplicationInfo": {
            "id": settings.client_id,
            "resource": f"api://botid-{settings.client_id}",  # unused by RSC, but required
        },
        "authorization": {
            "permissions": {
                "resourceSpecific": [
                    {"name": name, "type": "Application"} for name in CHAT_RSC_PERMISSIONS
                ]
            }
        },
    }


def build_localizations() -> dict[str, dict[str, str]]:
    """The localization files by file name: names, descriptions and command descriptions."""
    files: dict[str, dict[str, str]] = {}
    for language in OTHER_LANGUAGES:
        text = APP_TEXT[language]
        strings = {
            "$schema": LOCALIZATION_SCHEMA_URL,
            "name.short": SHORT_NAME,
            "name.full": text.full_name,
            "description.short": text.short_description,
            "description.full": text.full_description,
        }
        for list_index, commands in enumerate((PERSONAL_COMMANDS, CASE_CHAT_COMMANDS)):
            for index, command in enumerate(commands):
                key = f"bots[0].commandLists[{list_index}].commands[{index}].description"
                strings[key] = command.description[language]
        files[f"{language}.json"] = strings
    return files


def build_package(settings: PackageSettings, *, app_version: str) -> bytes:
    """The zip to upload to Teams, with the files at its root."""
    files: dict[str, bytes] = {
        "manifest.json": _json(build_manifest(settings, app_version=app_version)),
        COLOR_ICON: color_icon(),
        OUTLINE_ICON: outline_icon(),
    }
    files.update({name: _json(content) for name, content in build_localizations().items()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


def _command_list(scope: str, commands: tuple[MenuCommand, ...]) -> dict[str, Any]:
    return {
        "scopes": [scope],
        "commands": [
            {"title": command.title, "description": command.description[DEFAULT_LANGUAGE]}
            for command in commands
        ],
    }


def _json(content: Mapping[str, Any]) -> bytes:
    return (json.dumps(content, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _app_version(raw: str) -> str:
    if not _SEMVER.fullmatch(raw):
        raise argparse.ArgumentTypeError("must be a version such as 1.0.3")
    return raw


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m handlers.teams.package",
        description="Build the Teams app package (manifest, icons, translations) to upload.",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"the zip to write (default {DEFAULT_OUT})"
    )
    parser.add_argument(
        "--app-version",
        type=_app_version,
        default=installed_version("tiimi"),
        help="the app's version; raise it for every upload that updates the app "
        "(default: Tiimi's version)",
    )
    options = parser.parse_args(argv)
    try:
        settings = package_settings(read_environment())
    except ConfigError as error:
        print("The Teams app package cannot be built:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    options.out.write_bytes(build_package(settings, app_version=options.app_version))
    print(
        f"Wrote {options.out}: Teams app {settings.app_id}, version {options.app_version}, "
        f"bot {settings.client_id} at {settings.bot_domain}. Upload it in the Teams admin "
        "center (Teams apps → Manage apps → Upload new app)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
