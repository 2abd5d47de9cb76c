#include "ui/widgets/theme_colors.h"

#include <algorithm>
#include <cmath>

namespace docrag {
namespace {

double linear(double channel) {
    return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

// A warm yellow: the colour people expect of a highlighter, whatever the palette.
const QColor kMarker(0xff, 0xc8, 0x00);

} // namespace

double ThemeColors::luminance(const QColor& colour) {
    const QColor c = colour.toRgb();
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

double ThemeColors::contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

int ThemeColors::difference(const QColor& a, const QColor& b) {
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return std::abs(x.red() - y.red()) + std::abs(x.green() - y.green()) + std::abs(x.blue() - y.blue());
}

bool ThemeColors::isDark(const QPalette& palette) {
    return luminance(palette.color(QPalette::Base)) < luminance(palette.color(QPalette::Text));
}

QColor ThemeColors::mix(const QColor& from, const QColor& to, double amount) {
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    const double t = std::clamp(amount, 0.0, 1.0);
    auto blend = [t](double x, double y) { return x + (y - x) * t; };
    return QColor::fromRgbF(static_cast<float>(blend(a.redF(), b.redF())),
                            static_cast<float>(blend(a.greenF(), b.greenF())),
                            static_cast<float>(blend(a.blueF(), b.blueF())));
}

QColor ThemeColors::readable(const QColor& accent, const QColor& background, double ratio) {
    if (contrast(accent, background) >= ratio)
        return accent;
    // Towards white on a dark background, towards black on a light one, in small steps so that the hue
    // stays recognisable.
    const QColor end = luminance(background) < 0.18 ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 1; step <= 20; ++step) {
        const QColor candidate = mix(accent, end, step / 20.0);
        if (contrast(candidate, background) >= ratio)
            return candidate;
    }
    return end;
}

QColor ThemeColors::muted(const QPalette& palette, QPalette::ColorRole background) {
    const QColor back = palette.color(background);
    const QColor text = palette.color(background == QPalette::Window ? QPalette::WindowText : QPalette::Text);
    return readable(mix(text, back, 0.35), back);
}

QColor ThemeColors::marker(const QPalette& palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // Strong on a light base; on a dark one a full yellow would leave light text unreadable. Paler until
    // Text reads on it, but never so pale that it cannot be told from Base (markerText then adjusts).
    QColor candidate = mix(base, kMarker, isDark(palette) ? 0.4 : 0.55);
    for (double amount = isDark(palette) ? 0.4 : 0.55; amount > 0.1; amount -= 0.025) {
        const QColor paler = mix(base, kMarker, amount);
        if (difference(paler, base) < kVisibleDifference)
            break;
        candidate = paler;
        if (contrast(text, candidate) >= kTextContrast)
            break;
    }
    return candidate;
}

QColor ThemeColors::markerText(const QPalette& palette) {
    return readable(palette.color(QPalette::Text), marker(palette));
}

QColor ThemeColors::band(const QPalette& palette, const QColor& tint) {
    return mix(palette.color(QPalette::Base), tint, isDark(palette) ? 0.14 : 0.08);
}

QColor ThemeColors::noticeBackground(const QPalette& palette) {
    return mix(palette.color(QPalette::Window), kMarker, isDark(palette) ? 0.22 : 0.3);
}

QColor ThemeColors::noticeText(const QPalette& palette) {
    return readable(palette.color(QPalette::WindowText), noticeBackground(palette));
}

} // namespace docrag
