#!/usr/bin/env python3
"""Render `tmux capture-pane -e -p` output (text with SGR colour codes) to a PNG in DejaVu Sans Mono.

Usage: render_ansi.py CAPTURE.ansi OUT.png COLUMNS ROWS

Colours follow the xterm palette, bold/dim/italic/underline/reverse are honoured, wide characters take
two cells, and braille patterns (which DejaVu Sans Mono lacks) are drawn dot by dot so the map looks
as it does in a terminal."""
import re
import sys
import unicodedata

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SIZE = 16
PALETTE = [(0x1d, 0x1f, 0x21), (0xcc, 0x33, 0x33), (0x5f, 0xa8, 0x3b), (0xd7, 0xaf, 0x3c),
           (0x46, 0x82, 0xc8), (0xaf, 0x5f, 0xaf), (0x3c, 0xaa, 0xb4), (0xc8, 0xc8, 0xc8),
           (0x66, 0x66, 0x66), (0xff, 0x55, 0x55), (0x8a, 0xe2, 0x34), (0xfc, 0xe9, 0x4f),
           (0x72, 0x9f, 0xcf), (0xd4, 0x8e, 0xd4), (0x66, 0xd9, 0xe0), (0xff, 0xff, 0xff)]
BACKGROUND = (0x1d, 0x1f, 0x21)
# Light box-drawing characters as (up, down, left, right) arms.
BOX = {"─": (0, 0, 1, 1), "│": (1, 1, 0, 0), "┌": (0, 1, 0, 1), "┐": (0, 1, 1, 0), "└": (1, 0, 0, 1),
       "┘": (1, 0, 1, 0), "├": (1, 1, 0, 1), "┤": (1, 1, 1, 0), "┬": (0, 1, 1, 1), "┴": (1, 0, 1, 1), "┼": (1, 1, 1, 1)}
FOREGROUND = (0xd8, 0xd8, 0xd8)


def xterm256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def parse(text, columns, rows):
    """Turns the capture into a grid of (char, fg, bg, bold, dim, italic, underline)."""
    blank = (" ", None, None, False, False, False, False)
    grid = [[blank] * columns for _ in range(rows)]
    lines = text.split("\n")[:rows]
    for y, line in enumerate(lines):
        fg = bg = None
        bold = dim = italic = underline = reverse = False
        x = 0
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                codes = [int(c) if c else 0 for c in token[2:-1].split(";")] or [0]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        fg = bg = None
                        bold = dim = italic = underline = reverse = False
                    elif c == 1: bold = True
                    elif c == 2: dim = True
                    elif c == 3: italic = True
                    elif c == 4: underline = True
                    elif c == 7: reverse = True
                    elif c == 22: bold = dim = False
                    elif c == 23: italic = False
                    elif c == 24: underline = False
                    elif c == 27: reverse = False
                    elif 30 <= c <= 37: fg = PALETTE[c - 30]
                    elif 90 <= c <= 97: fg = PALETTE[c - 90 + 8]
                    elif c == 39: fg = None
                    elif 40 <= c <= 47: bg = PALETTE[c - 40]
                    elif 100 <= c <= 107: bg = PALETTE[c - 100 + 8]
                    elif c == 49: bg = None
                    elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                        if c == 38: fg = xterm256(codes[i + 2])
                        else: bg = xterm256(codes[i + 2])
                        i += 2
                    i += 1
                continue
            for ch in token:
                if unicodedata.combining(ch) and x > 0:
                    continue
                if x >= columns:
                    break
                f, b = fg or FOREGROUND, bg or BACKGROUND
                if reverse:
                    f, b = b, f
                grid[y][x] = (ch, f, b, bold, dim, italic, underline)
                x += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return grid


def render(grid, out):
    mono = {(b, i): ImageFont.truetype(FONT_DIR + name, SIZE) for (b, i), name in {
        (False, False): "DejaVuSansMono.ttf", (True, False): "DejaVuSansMono-Bold.ttf",
        (False, True): "DejaVuSansMono-Oblique.ttf", (True, True): "DejaVuSansMono-BoldOblique.ttf"}.items()}
    fallback = ImageFont.truetype(FONT_DIR + "DejaVuSans.ttf", SIZE)
    covered = set(TTFont(FONT_DIR + "DejaVuSansMono.ttf").getBestCmap())
    cell_w = round(mono[(False, False)].getlength("M"))
    ascent, descent = mono[(False, False)].getmetrics()
    cell_h = ascent + descent + 2
    rows, columns = len(grid), len(grid[0])
    pad = 12
    image = Image.new("RGB", (columns * cell_w + 2 * pad, rows * cell_h + 2 * pad), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(grid):
        for x, (ch, fg, bg, bold, dim, italic, underline) in enumerate(row):
            left, top = pad + x * cell_w, pad + y * cell_h
            fg = fg or FOREGROUND
            bg = bg or BACKGROUND
            if dim:
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            if bg != BACKGROUND:
                draw.rectangle([left, top, left + cell_w - 1, top + cell_h - 1], fill=bg)
            code = ord(ch)
            if 0x2800 < code <= 0x28FF:
                # Braille: eight dots in two columns of four, as a terminal font draws them.
                bits = code - 0x2800
                order = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]
                r = max(1, cell_w // 6)
                for bit, (dx, dy) in enumerate(order):
                    if bits & (1 << bit):
                        cx = left + cell_w * (1 + 2 * dx) // 4
                        cy = top + cell_h * (1 + 2 * dy) // 8
                        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg)
            elif ch in BOX:
                # Box drawing joins up across the whole cell, as in a terminal, whatever the line spacing.
                up, down, left_arm, right_arm = BOX[ch]
                cx, cy = left + cell_w // 2, top + cell_h // 2
                width = 2 if bold else 1
                if up: draw.line([cx, top, cx, cy], fill=fg, width=width)
                if down: draw.line([cx, cy, cx, top + cell_h], fill=fg, width=width)
                if left_arm: draw.line([left, cy, cx, cy], fill=fg, width=width)
                if right_arm: draw.line([cx, cy, left + cell_w, cy], fill=fg, width=width)
            elif ch != " ":
                font = mono[(bold, italic)] if code in covered else fallback
                draw.text((left, top + 1), ch, font=font, fill=fg)
            if underline:
                draw.line([left, top + cell_h - 2, left + cell_w - 1, top + cell_h - 2], fill=fg)
    image.save(out)


if __name__ == "__main__":
    capture, out, columns, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    render(parse(open(capture, encoding="utf-8").read(), columns, rows), out)
