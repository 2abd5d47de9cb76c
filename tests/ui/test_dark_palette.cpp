#include "engine/rag/rag_engine.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "tests/ui/dark_palette.h"
#include "ui/chat/chat_pane.h"
#include "ui/dashboard/dashboard_view.h"
#include "ui/dashboard/summary_card.h"
#include "ui/dashboard/time_series_chart.h"
#include "ui/library/library_view.h"
#include "ui/main_window.h"
#include "ui/sources/source_viewer.h"
#include "ui/widgets/health_indicator.h"
#include "ui/widgets/theme_colors.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QLabel>
#include <QLegend>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QValueAxis>

using namespace docrag;
using test::darkPalette;

namespace {

// Every run of text in `browser` whose colour does not reach 4.5:1 on what it is drawn on (the block's
// background, else the browser's Base).
QStringList unreadableText(QTextBrowser* browser) {
    const QPalette& palette = browser->palette();
    QStringList unreadable;
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        const QBrush blockBackground = block.blockFormat().background();
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.text().trimmed().isEmpty())
                continue;
            const QTextCharFormat format = fragment.charFormat();
            const QColor background = format.background().style() != Qt::NoBrush ? format.background().color()
                                      : blockBackground.style() != Qt::NoBrush
                                          ? blockBackground.color()
                                          : palette.color(QPalette::Base);
            const QColor text = format.foreground().style() != Qt::NoBrush ? format.foreground().color()
                                                                           : palette.color(QPalette::Text);
            const double ratio = ThemeColors::contrast(text, background);
            if (ratio < ThemeColors::kTextContrast)
                unreadable << QStringLiteral("\"%1\": %2 on %3 (%4:1)")
                                  .arg(fragment.text().left(40), text.name(), background.name())
                                  .arg(ratio, 0, 'f', 2);
        }
    }
    return unreadable;
}

// As a desktop does when its theme changes; widgets hear of it through posted events.
void setApplicationPalette(const QPalette& palette) {
    QApplication::setPalette(palette);
    QCoreApplication::processEvents();
}

} // namespace

// The window under a dark palette (Fusion dark): the transcript, the source viewer's highlight, the
// library, the dashboard and the status bar read well, also when the palette changes while they show.
class TestDarkPalette final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;
    QPalette m_light;

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", m_tree.filePath(QStringLiteral("config")).toUtf8());
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        m_light = QApplication::palette();
        m_tree.write(
            QStringLiteral("docs/install.md"),
            QStringLiteral("# Installing\n\n## Virtual environments\n\nCreate a virtual environment with the "
                           "venv module before installing the widget toolkit.\n\n```sh\npython3 -m venv "
                           "env\n```\n\n## Upgrading\n\nUpgrade by running the installer again.\n"));
        m_tree.write(QStringLiteral("docs/venv.md"),
                     QStringLiteral("# The venv module\n\nThe venv module creates a virtual environment in "
                                    "a folder of its own.\n"));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine =
            test::ingestedEngine(options, QStringLiteral("manual"), m_tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
    }

    void cleanup() { QApplication::setPalette(m_light); }

    // Written under the light palette, then switched to dark, then back: each time every text reads.
    void theTranscriptFollowsThePalette() {
        MainWindow window(*m_engine);
        window.show();
        window.chatPane()->ask(QStringLiteral("How do I create a virtual environment with venv?"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        QVERIFY(!window.chatPane()->entries().back().sources.empty());
        auto* transcript = window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"));
        QStringList unreadable = unreadableText(transcript);
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));

        setApplicationPalette(darkPalette());
        QCOMPARE(transcript->palette().color(QPalette::Base), QColor(0x23, 0x23, 0x23));
        unreadable = unreadableText(transcript);
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));
        // What is drawn is dark too: a pixel of the empty margin is Base.
        const QImage drawn = transcript->viewport()->grab().toImage();
        QVERIFY(ThemeColors::luminance(drawn.pixelColor(drawn.width() - 2, drawn.height() - 2)) < 0.05);

        // A new answer under the dark palette, and the palette back to light.
        window.chatPane()->ask(QStringLiteral("How do I upgrade?"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        unreadable = unreadableText(transcript);
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));
        setApplicationPalette(m_light);
        unreadable = unreadableText(transcript);
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));
    }

    // The cited passage stands out from the page, and its text still reads on the highlight.
    void theSourceHighlightReadsOnADarkPalette() {
        setApplicationPalette(darkPalette());
        MainWindow window(*m_engine);
        window.show();
        window.chatPane()->ask(QStringLiteral("How do I create a virtual environment with venv?"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        QSignalSpy shown(window.sourceViewer(), &SourceViewer::shown);
        emit window.chatPane()->citationActivated(window.chatPane()->entries().back().sources.front());
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(shown.front().front().toBool());
        auto* browser = window.findChild<QTextBrowser*>(QStringLiteral("documentBrowser"));
        const QList<QTextEdit::ExtraSelection> selections = browser->extraSelections();
        QCOMPARE(selections.size(), 1);
        const QColor base = browser->palette().color(QPalette::Base);
        const QColor background = selections.front().format.background().color();
        const QColor text = selections.front().format.foreground().style() != Qt::NoBrush
                                ? selections.front().format.foreground().color()
                                : browser->palette().color(QPalette::Text);
        QVERIFY2(ThemeColors::difference(background, base) >= ThemeColors::kVisibleDifference,
                 qPrintable(background.name() + QStringLiteral(" on ") + base.name()));
        QVERIFY2(ThemeColors::contrast(text, background) >= ThemeColors::kTextContrast,
                 qPrintable(text.name() + QStringLiteral(" on ") + background.name()));
        // The rest of the document reads as well.
        const QStringList unreadable = unreadableText(browser);
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));
        // The "source changed" notice too.
        auto* notice = window.findChild<QLabel*>(QStringLiteral("noticeLabel"));
        QVERIFY(ThemeColors::contrast(notice->palette().color(QPalette::WindowText),
                                      notice->palette().color(QPalette::Window)) >=
                ThemeColors::kTextContrast);
        QVERIFY(ThemeColors::luminance(notice->palette().color(QPalette::Window)) < 0.2); // no light patch
    }

    void theLibrarySearchReadsOnADarkPalette() {
        MainWindow window(*m_engine);
        window.show();
        QSignalSpy searched(window.library(), &LibraryView::searchFinished);
        window.library()->search(QStringLiteral("venv module"));
        QTRY_COMPARE(searched.count(), 1);
        QVERIFY(searched.front().front().toInt() > 0);
        // Switched while the results show: they are written again.
        setApplicationPalette(darkPalette());
        auto* results = window.findChild<QTextBrowser*>(QStringLiteral("searchResultsBrowser"));
        const QStringList unreadable = unreadableText(results);
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));
        // The matched words are marked in a colour that differs from the page.
        bool marked = false;
        for (QTextBlock block = results->document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QBrush background = it.fragment().charFormat().background();
                marked = marked || (background.style() != Qt::NoBrush &&
                                    ThemeColors::difference(background.color(),
                                                            results->palette().color(QPalette::Base)) >=
                                        ThemeColors::kVisibleDifference);
            }
        }
        QVERIFY(marked);
    }

    void theDashboardAndStatusBarReadOnADarkPalette() {
        MainWindow window(*m_engine);
        window.show();
        window.findChild<QAction*>(QStringLiteral("dashboardAction"))->trigger();
        QSignalSpy refreshed(window.dashboard(), &DashboardView::refreshed);
        QTRY_VERIFY(refreshed.count() >= 1);
        setApplicationPalette(darkPalette());
        const QColor base = darkPalette().color(QPalette::Base);
        const QList<TimeSeriesChart*> charts = window.dashboard()->findChildren<TimeSeriesChart*>();
        QCOMPARE(charts.size(), 3);
        for (TimeSeriesChart* view : charts) {
            QChart* chart = view->chart();
            const QColor background = chart->backgroundBrush().color();
            QVERIFY2(ThemeColors::luminance(background) < 0.05, qPrintable(background.name()));
            QVERIFY(ThemeColors::contrast(chart->titleBrush().color(), background) >=
                    ThemeColors::kTextContrast);
            QVERIFY(ThemeColors::contrast(chart->legend()->labelColor(), background) >=
                    ThemeColors::kTextContrast);
            for (QAbstractAxis* axis : chart->axes())
                QVERIFY(ThemeColors::contrast(axis->labelsColor(), background) >= ThemeColors::kTextContrast);
            QCOMPARE(background, base);
        }
        for (SummaryCard* card : window.dashboard()->findChildren<SummaryCard*>()) {
            for (QLabel* label : card->findChildren<QLabel*>()) {
                const QPalette& p = label->palette();
                QVERIFY2(ThemeColors::contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) >=
                             ThemeColors::kTextContrast,
                         qPrintable(label->objectName()));
            }
        }
        // The health lights' symbols read on the status bar.
        static const QRegularExpression colour(QStringLiteral("color:(#[0-9a-fA-F]{6})"));
        for (HealthIndicator* light : window.findChildren<HealthIndicator*>()) {
            const auto match = colour.match(light->text());
            QVERIFY2(match.hasMatch(), qPrintable(light->text()));
            QVERIFY2(
                ThemeColors::contrast(QColor(match.captured(1)), light->palette().color(QPalette::Window)) >=
                    ThemeColors::kTextContrast,
                qPrintable(light->text()));
        }
    }
};

QTEST_MAIN(TestDarkPalette)
#include "test_dark_palette.moc"
