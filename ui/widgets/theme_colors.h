#pragma once

#include <QColor>
#include <QPalette>

namespace docrag {

// Colours derived from a palette, so that a dark palette (Fusion dark, a dark desktop theme) reads as
// well as a light one. Accents keep their hue but are made light or dark enough for the background they
// are drawn on; contrast follows WCAG 2 (4.5:1 for text).
class ThemeColors final {
public:
    static constexpr double kTextContrast = 4.5;

    // Relative luminance, 0 (black) to 1 (white).
    static double luminance(const QColor& colour);
    // 1 (the same) to 21 (black on white).
    static double contrast(const QColor& a, const QColor& b);
    // How far apart two colours are, channel by channel (0 to 765): a yellow on white differs plainly
    // from it with hardly any difference in luminance.
    static int difference(const QColor& a, const QColor& b);
    static constexpr int kVisibleDifference = 80;
    // Text lighter than its base: a dark palette.
    static bool isDark(const QPalette& palette);
    // `from` moved towards `to` by `amount` (0: from, 1: to).
    static QColor mix(const QColor& from, const QColor& to, double amount);
    // `accent` lightened or darkened just enough to be read on `background`.
    static QColor readable(const QColor& accent, const QColor& background, double ratio = kTextContrast);
    // Secondary text (badges, paths, details) on `background`: quieter than Text, still readable.
    static QColor muted(const QPalette& palette, QPalette::ColorRole background = QPalette::Base);
    // A highlighter pen behind a cited passage or a matched word: clearly not Base, with Text still
    // readable on it.
    static QColor marker(const QPalette& palette);
    // Text on the marker: the palette's Text, or a shade of it that reads there.
    static QColor markerText(const QPalette& palette);
    // A faint band of `tint` behind whole blocks (questions, code) on Base.
    static QColor band(const QPalette& palette, const QColor& tint);
    // The background and text of a notice ("the source changed since"), on Window.
    static QColor noticeBackground(const QPalette& palette);
    static QColor noticeText(const QPalette& palette);

    // Accent hues, as drawn on a white base.
    static QColor green() { return QColor(0x1d, 0x6b, 0x43); }
    static QColor blue() { return QColor(0x2f, 0x5d, 0x8a); }
    static QColor red() { return QColor(0xb3, 0x26, 0x1e); }
    static QColor amber() { return QColor(0xb0, 0x7a, 0x00); }
    static QColor grey() { return QColor(0x6a, 0x72, 0x7c); }
};

} // namespace docrag
