"""Slack Web API method definitions (required args, documented errors) from shared/slack-api-ref."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]

# Errors every method may return regardless of what its reference page lists.
GENERIC_ERRORS = frozenset({"invalid_auth", "not_authed", "unknown_method"})

# Errors shared by (almost) every method in the reference; used for methods the reference lacks.
_COMMON_ERRORS = [
    "access_denied",
    "accesslimited",
    "account_inactive",
    "fatal_error",
    "invalid_arg_name",
    "invalid_array_arg",
    "invalid_charset",
    "invalid_form_data",
    "invalid_post_type",
    "missing_post_type",
    "missing_scope",
    "not_allowed_token_type",
    "not_authed",
    "ratelimited",
    "request_timeout",
    "service_unavailable",
    "team_added_to_org",
    "token_expired",
    "token_revoked",
    "two_factor_setup_required",
    "unknown_method",
]

# The fake's own minimal definitions for methods the reference data does not include.
_SUPPLEMENT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "apps.connections.open": ((), ("invalid_auth", "not_allowed_token_type")),
    "files.getUploadURLExternal": (("filename", "length"), ("invalid_arguments",)),
    "files.completeUploadExternal": (
        ("files",),
        (
            "invalid_arguments",
            "file_not_found",
            "channel_not_found",
            "not_in_channel",
            "is_archived",
        ),
    ),
}


class ApiRefMissingError(RuntimeError):
    """Raised when the slack-api-ref directory or a needed method file cannot be found."""


def default_ref_dir() -> Path:
    """Return shared/slack-api-ref next to the repository root."""
    return REPO_ROOT.parent / "shared" / "slack-api-ref"


@dataclass(frozen=True)
class MethodDef:
    """One Web API method: its argument names, required ones and documented error codes."""

    name: str
    args: frozenset[str]
    required: tuple[str, ...]
    errors: frozenset[str] = field(default_factory=frozenset)

    def documents(self, error: str) -> bool:
        """Return True when the method may return this error code."""
        return error in self.errors or error in GENERIC_ERRORS


def _example_errors(examples: list[str]) -> set[str]:
    """Collect error codes that appear in the reference's ok:false response examples."""
    found: set[str] = set()
    for text in examples:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("ok") is False and data.get("error"):
            found.add(str(data["error"]))
    return found


class ApiRef:
    """Loads and caches method definitions from the reference directory."""

    def __init__(self, ref_dir: Path | None = None) -> None:
        self.ref_dir = Path(ref_dir) if ref_dir is not None else default_ref_dir()
        self.methods_dir = self.ref_dir / "methods"
        if not self.methods_dir.is_dir():
            raise ApiRefMissingError(
                f"Slack API reference not found at {self.methods_dir}; expected shared/"
                "slack-api-ref as a sibling of the repository root (or pass api_ref_dir=)."
            )
        self._cache: dict[str, MethodDef] = {}

    def get(self, method: str) -> MethodDef:
        """Return the definition of a method, loading it on first use."""
        if method not in self._cache:
            self._cache[method] = self._load(method)
        return self._cache[method]

    def _load(self, method: str) -> MethodDef:
        """Read methods/<group>/<method>.json, or fall back to the fake's supplement."""
        path = self.methods_dir / method.split(".")[0] / f"{method}.json"
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            args = data.get("args") or {}
            required = tuple(sorted(a for a, spec in args.items() if spec.get("required")))
            errors = set(data.get("errors") or {})
            errors |= _example_errors((data.get("response") or {}).get("examples") or [])
            return MethodDef(method, frozenset(args), required, frozenset(errors))
        if method in _SUPPLEMENT:
            required, extra = _SUPPLEMENT[method]
            common = frozenset(_COMMON_ERRORS) | frozenset(extra)
            return MethodDef(method, frozenset(required), required, common)
        raise ApiRefMissingError(f"no reference definition for {method} under {self.methods_dir}")

    def is_documented(self, method: str, error: str) -> bool:
        """Return True when `error` is documented for `method` (or generic)."""
        return self.get(method).documents(error)

    def assert_documented(self, method: str, error: str) -> None:
        """Fail loudly when the fake is about to return an error the method does not document."""
        if not self.is_documented(method, error):
            raise AssertionError(f"{error!r} is not a documented error of {method}")
