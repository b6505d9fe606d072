"""The Teams app's two icons, drawn in code and written as PNG with the standard library.

The mark is three people, the middle one in front: a case team. Shapes are signed distance
functions in a unit square, so the edges are anti-aliased at any size without a drawing library.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable

COLOR_SIZE = 192  # Teams: the full-colour icon, 192×192
OUTLINE_SIZE = 32  # Teams: the outline icon, 32×32, white on transparent
ACCENT = (0x1E, 0x6F, 0x6A)  # the colour icon's background and the manifest's accentColor
WHITE = (255, 255, 255)

Shape = Callable[[float, float], float]  # (x, y) → signed distance, negative inside


def accent_hex() -> str:
    return "#" + "".join(f"{c:02x}" for c in ACCENT)


def color_icon() -> bytes:
    """192×192: a rounded square in the accent colour with the people in white."""
    scale = 1 / COLOR_SIZE
    background = _rounded_square(0.0, 1.0, radius=0.22)
    people = _people(centre=0.5, width=0.62)

    def pixel(x: float, y: float) -> tuple[int, int, int, int]:
        fill = _coverage(background(x, y), scale)
        ink = _coverage(people(x, y), scale)
        red, green, blue = (round(a + (w - a) * ink) for a, w in zip(ACCENT, WHITE, strict=True))
        return red, green, blue, round(255 * fill)

    return _png(COLOR_SIZE, pixel)


def outline_icon() -> bytes:
    """32×32: the people alone, white, on transparent."""
    scale = 1 / OUTLINE_SIZE
    people = _people(centre=0.5, width=0.94)
    return _png(OUTLINE_SIZE, lambda x, y: (*WHITE, round(255 * _coverage(people(x, y), scale))))


def _people(*, centre: float, width: float) -> Shape:
    """Three people side by side, the middle one larger and in front, with a gap around it."""
    unit = width / 2
    middle = _person(centre, centre - 0.04 * unit, unit * 0.62)
    left = _person(centre - unit * 0.62, centre + 0.06 * unit, unit * 0.48)
    right = _person(centre + unit * 0.62, centre + 0.06 * unit, unit * 0.48)
    gap = unit * 0.1

    def shape(x: float, y: float) -> float:
        front = middle(x, y)
        behind = max(min(left(x, y), right(x, y)), gap - front)  # cut away around the front one
        return min(front, behind)

    return shape


def _person(cx: float, cy: float, size: float) -> Shape:
    """A head over rounded shoulders, centred on (cx, cy), `size` tall from the middle."""
    head_r = size * 0.42
    head_y = cy - size * 0.38
    body_r = size * 0.8
    body_y = cy + size * 0.98
    neck = size * 0.08

    def shape(x: float, y: float) -> float:
        head = math.hypot(x - cx, y - head_y) - head_r
        shoulders = max(math.hypot(x - cx, y - body_y) - body_r, y - body_y)  # upper half-disc
        apart = max(shoulders, neck - head)  # a thin gap between head and shoulders
        return min(head, apart)

    return shape


def _rounded_square(low: float, high: float, *, radius: float) -> Shape:
    middle, half = (low + high) / 2, (high - low) / 2 - radius

    def shape(x: float, y: float) -> float:
        dx, dy = abs(x - middle) - half, abs(y - middle) - half
        outside = math.hypot(max(dx, 0.0), max(dy, 0.0))
        return outside + min(max(dx, dy), 0.0) - radius

    return shape


def _coverage(distance: float, pixel: float) -> float:
    """How much of a pixel a shape covers, from the signed distance at the pixel's centre."""
    return min(1.0, max(0.0, 0.5 - distance / pixel))


def _png(size: int, pixel: Callable[[float, float], tuple[int, int, int, int]]) -> bytes:
    """An RGBA PNG (8 bits a channel, no filtering), each pixel sampled at its centre."""
    rows = bytearray()
    for row in range(size):
        rows.append(0)  # filter type None
        y = (row + 0.5) / size
        for column in range(size):
            rows.extend(pixel((column + 0.5) / size, y))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
