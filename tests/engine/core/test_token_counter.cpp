#include "engine/core/token_counter.h"

#include <QTest>

using namespace docrag;

class TestTokenCounter final : public QObject {
    Q_OBJECT

private slots:
    void countsWordsNumbersAndPunctuation() {
        QCOMPARE(TokenCounter::estimate(u""), 0);
        QCOMPARE(TokenCounter::estimate(u"hello world"), 2);
        QCOMPARE(TokenCounter::estimate(u"internationalization"), 4); // long words split
        QCOMPARE(TokenCounter::estimate(u"123456"), 2);               // digits in threes
        QCOMPARE(TokenCounter::estimate(u"f(x);"), 4);
        QCOMPARE(TokenCounter::estimate(u"a\n\n    b"), 3); // a newline run is one token
    }

    void proseIsAboutFourCharactersPerToken() {
        const QString prose = QStringLiteral(
            "The quick brown fox jumps over the lazy dog. Documentation sets are large, and answers must "
            "cite "
            "the exact passage they come from, with the page or the lines, so that readers can check them.");
        const double ratio = static_cast<double>(prose.size()) / TokenCounter::estimate(prose);
        QVERIFY2(ratio > 3.5 && ratio < 5.5, qPrintable(QString::number(ratio)));
    }
};

QTEST_GUILESS_MAIN(TestTokenCounter)
#include "test_token_counter.moc"
