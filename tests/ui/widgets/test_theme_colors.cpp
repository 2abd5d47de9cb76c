#include "ui/widgets/theme_colors.h"

#include <QTest>

using namespace docrag;

namespace {

QPalette paletteOf(const QColor& base, const QColor& text) {
    QPalette p;
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::Window, base);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::WindowText, text);
    return p;
}

} // namespace

class TestThemeColors final : public QObject {
    Q_OBJECT

private slots:
    void contrastFollowsWcag() {
        QCOMPARE(ThemeColors::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(ThemeColors::contrast(Qt::white, Qt::white), 1.0);
        // #777 on white is the classic just-below-AA grey (4.48).
        QVERIFY(ThemeColors::contrast(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
        QVERIFY(ThemeColors::contrast(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
    }

    void readableKeepsWhatReadsAndFixesWhatDoesNot() {
        const QColor green = ThemeColors::green();
        QCOMPARE(ThemeColors::readable(green, Qt::white), green);
        const QColor dark(0x23, 0x23, 0x23);
        QVERIFY(ThemeColors::contrast(green, dark) < 4.5);
        const QColor fixed = ThemeColors::readable(green, dark);
        QVERIFY(ThemeColors::contrast(fixed, dark) >= 4.5);
        QVERIFY(fixed.green() > fixed.red()); // still green
    }

    void derivedColoursWorkOnBothPalettes_data() {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << paletteOf(Qt::white, Qt::black);
        QTest::newRow("dark") << paletteOf(QColor(0x23, 0x23, 0x23), Qt::white);
        QTest::newRow("dark blue") << paletteOf(QColor(0x1e, 0x1e, 0x2e), QColor(0xcd, 0xd6, 0xf4));
        QTest::newRow("grey on grey") << paletteOf(QColor(0x3c, 0x3f, 0x41), QColor(0xbb, 0xbb, 0xbb));
    }

    void derivedColoursWorkOnBothPalettes() {
        QFETCH(QPalette, palette);
        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        QVERIFY(ThemeColors::contrast(ThemeColors::muted(palette), base) >= 4.5);
        const QColor marker = ThemeColors::marker(palette);
        QVERIFY(ThemeColors::difference(marker, base) >= ThemeColors::kVisibleDifference);
        QVERIFY(ThemeColors::contrast(ThemeColors::markerText(palette), marker) >= 4.5);
        QVERIFY(ThemeColors::contrast(ThemeColors::markerText(palette), text) < 1.5); // still the text colour
        QVERIFY(ThemeColors::contrast(ThemeColors::noticeText(palette),
                                      ThemeColors::noticeBackground(palette)) >= 4.5);
    }
};

QTEST_MAIN(TestThemeColors)
#include "test_theme_colors.moc"
