#include "ui/widgets/health_indicator.h"

#include <QSet>
#include <QTest>
#include <QTextDocument>

using namespace docrag;

namespace {

// What a person reads on the light, colours aside.
QString shownText(const HealthIndicator& light) {
    QTextDocument document;
    document.setHtml(light.text());
    return document.toPlainText().trimmed();
}

} // namespace

// The status bar's health lights say their state in words, not by colour alone.
class TestHealthIndicator final : public QObject {
    Q_OBJECT

private slots:
    void statesAreTold_data() {
        QTest::addColumn<HealthIndicator::State>("state");
        QTest::addColumn<QString>("word");
        QTest::newRow("ok") << HealthIndicator::State::Ok << QStringLiteral("OK");
        QTest::newRow("warning") << HealthIndicator::State::Warning << QStringLiteral("limited");
        QTest::newRow("failed") << HealthIndicator::State::Failed << QStringLiteral("failing");
        QTest::newRow("unknown") << HealthIndicator::State::Unknown << QStringLiteral("unknown");
    }

    void statesAreTold() {
        QFETCH(HealthIndicator::State, state);
        QFETCH(QString, word);
        HealthIndicator light(QStringLiteral("Model"));
        light.setState(state, QStringLiteral("details of the check"));
        const QString shown = shownText(light);
        QVERIFY2(shown.contains(QStringLiteral("Model")) && shown.contains(word), qPrintable(shown));
        // A screen reader says the same, and the details.
        QVERIFY2(light.accessibleName().contains(QStringLiteral("Model")) &&
                     light.accessibleName().contains(word),
                 qPrintable(light.accessibleName()));
        QCOMPARE(light.accessibleDescription(), QStringLiteral("details of the check"));
    }

    // Four states, four different texts: without colour no two look alike.
    void everyStateReadsDifferently() {
        QSet<QString> texts;
        for (HealthIndicator::State state :
             {HealthIndicator::State::Unknown, HealthIndicator::State::Ok, HealthIndicator::State::Warning,
              HealthIndicator::State::Failed}) {
            HealthIndicator light(QStringLiteral("Index"));
            light.setState(state, QStringLiteral("x"));
            texts.insert(shownText(light));
        }
        QCOMPARE(texts.size(), 4);
    }

    // The name is text, never markup.
    void theNameIsEscaped() {
        HealthIndicator light(QStringLiteral("<b>Disk</b>"));
        light.setState(HealthIndicator::State::Ok, QStringLiteral("fine"));
        QVERIFY2(shownText(light).contains(QStringLiteral("<b>Disk</b>")), qPrintable(shownText(light)));
    }
};

QTEST_MAIN(TestHealthIndicator)
#include "test_health_indicator.moc"
