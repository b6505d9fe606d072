"""Slack Web API method definitions: argument names, required ones, documented error codes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

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

# The fake's own minimal definitions for methods the reference data does not include: the
# arguments Slack's method page names, the required ones, and the errors beyond the common.
_SUPPLEMENT: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "apps.connections.open": ((), (), ("invalid_auth", "not_allowed_token_type")),
    "files.getUploadURLExternal": (
        ("filename", "length", "alt_txt", "snippet_type"),
        ("filename", "length"),
        ("invalid_arguments",),
    ),
    "files.completeUploadExternal": (
        ("files", "channel_id", "channels", "initial_comment", "thread_ts", "blocks"),
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
    """Raised when the reference directory, the shipped table or a method's entry is missing."""


TABLE_PATH = Path(__file__).with_name("methods.json")


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


def method_from_reference(methods_dir: Path, method: str) -> MethodDef:
    """Derive a method from methods/<group>/<method>.json, or from the fake's supplement."""
    path = methods_dir / method.split(".")[0] / f"{method}.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        args = data.get("args") or {}
        required = tuple(sorted(a for a, spec in args.items() if spec.get("required")))
        errors = set(data.get("errors") or {})
        errors |= _example_errors((data.get("response") or {}).get("examples") or [])
        return MethodDef(method, frozenset(args), required, frozenset(errors))
    if method in _SUPPLEMENT:
        args, required, extra = _SUPPLEMENT[method]
        common = frozenset(_COMMON_ERRORS) | frozenset(extra)
        return MethodDef(method, frozenset(args), required, common)
    raise ApiRefMissingError(f"no reference definition for {method} under {methods_dir}")


def method_to_json(method: MethodDef) -> dict[str, list[str]]:
    """Render a method as its entry in the shipped table."""
    return {
        "args": sorted(method.args),
        "errors": sorted(method.errors),
        "required": list(method.required),
    }


def method_from_json(name: str, entry: dict[str, list[str]]) -> MethodDef:
    """Read a method from its entry in the shipped table."""
    return MethodDef(
        name, frozenset(entry["args"]), tuple(entry["required"]), frozenset(entry["errors"])
    )


class ApiRef:
    """Method definitions: the table shipped with the package, or a reference directory."""

    def __init__(self, ref_dir: Path | None = None) -> None:
        self.ref_dir = Path(ref_dir) if ref_dir is not None else None
        self._cache: dict[str, MethodDef] = {}
        if self.ref_dir is None:
            self._cache = _load_table(TABLE_PATH)
        elif not (self.ref_dir / "methods").is_dir():
            raise ApiRefMissingError(
                f"Slack API reference not found at {self.ref_dir / 'methods'} "
                "(leave api_ref_dir out to use the table shipped with the package)."
            )

    def get(self, method: str) -> MethodDef:
        """Return the definition of a method (read from the reference directory on first use)."""
        if method not in self._cache:
            if self.ref_dir is None:
                raise ApiRefMissingError(f"{method} is not in the shipped table {TABLE_PATH}")
            self._cache[method] = method_from_reference(self.ref_dir / "methods", method)
        return self._cache[method]

    def is_documented(self, method: str, error: str) -> bool:
        """Return True when `error` is documented for `method` (or generic)."""
        return self.get(method).documents(error)

    def assert_documented(self, method: str, error: str) -> None:
        """Fail loudly when the fake is about to return an error the method does not document."""
        if not self.is_documented(method, error):
            raise AssertionError(f"{error!r} is not a documented error of {method}")


def _load_table(path: Path) -> dict[str, MethodDef]:
    """Read the shipped method table."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ApiRefMissingError(f"cannot read the method table {path}: {exc}") from exc
    return {name: method_from_json(name, entry) for name, entry in data.items()}
