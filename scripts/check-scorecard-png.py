#!/usr/bin/env python3
"""Checks that a screenshot of an HTML scorecard shows every family's highlight.

Usage: check-scorecard-png.py SHOT.png SCORECARD.html [MIN_PIXELS]

The scorecard names the families highlighted in the author's voice and their exact
colours in <meta name="slant-highlights" content="family=#rrggbb ...">. This counts
the pixels of each colour in the PNG (decoded here with zlib: standard library only)
and fails when a family present in the article has fewer than MIN_PIXELS (default 40).
The legend's swatches are drawn one unit off the highlight colour, so only the
article's highlights count.

Exit status: 0 every family visible, 1 some family not visible, 2 bad input.
"""
import re
import struct
import sys
import zlib


def decode_png(path):
    """Returns (width, height, channels, rows) with rows as bytes, unfiltered."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError(f"{path}: no IHDR chunk")
    width, height, depth, color_type, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(color_type)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are supported "
                         f"(depth {depth}, colour type {color_type}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            raise ValueError(f"{path}: unknown PNG filter {kind} in row {y}")
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def highlight_colours(html_path):
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    m = re.search(r'<meta name="slant-highlights" content="([^"]*)">', html)
    if m is None:
        raise ValueError(f"{html_path}: no slant-highlights meta tag (not a Slant scorecard?)")
    colours = {}
    for item in m.group(1).split():
        family, _, hex_colour = item.partition("=")
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", hex_colour):
            raise ValueError(f"{html_path}: bad colour {item!r}")
        colours[family] = bytes.fromhex(hex_colour[1:])
    return colours


def count_pixels(rows, channels, colours):
    counts = {family: 0 for family in colours}
    wanted = {rgb: family for family, rgb in colours.items()}
    for row in rows:
        pixels = row if channels == 3 else bytes(b for i, b in enumerate(row) if i % 4 != 3)
        for rgb, family in wanted.items():
            # Count whole pixels only: a match must start on a pixel boundary.
            start = pixels.find(rgb)
            while start != -1:
                if start % 3 == 0:
                    counts[family] += 1
                    start = pixels.find(rgb, start + 3)
                else:
                    start = pixels.find(rgb, start + 1)
    return counts


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    minimum = int(argv[3]) if len(argv) == 4 else 40
    try:
        colours = highlight_colours(argv[2])
        width, height, channels, rows = decode_png(argv[1])
    except (OSError, ValueError, zlib.error) as e:
        print(f"check-scorecard-png: {e}", file=sys.stderr)
        return 2
    if not colours:
        print(f"check-scorecard-png: {argv[2]} has no highlighted families to check", file=sys.stderr)
        return 1
    counts = count_pixels(rows, channels, colours)
    missing = [f for f, n in counts.items() if n < minimum]
    for family, n in counts.items():
        print(f"{family:16} {'#' + colours[family].hex():8} {n:7} px{'  NOT VISIBLE' if family in missing else ''}")
    if missing:
        print(f"check-scorecard-png: {width}x{height} screenshot shows no highlight for: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"check-scorecard-png: all {len(counts)} families highlighted in the {width}x{height} screenshot")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
