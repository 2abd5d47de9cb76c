#include "engine/ingest/html_depth_limiter.h"
#include "engine/ingest/html_loader.h"

#include <QElapsedTimer>
#include <QTest>

using namespace docrag;

class TestHtmlDepthLimiter final : public QObject {
    Q_OBJECT

private slots:
    void leavesOrdinaryPagesAlone() {
        const QByteArray page = "<html><body><ul><li><p>one<li>two</ul><div><div><span>x</span></div></div>"
                                "<script>if (a < b) document.write('<div><div><div>')</script><br><img src=x>"
                                "</body></html>";
        const auto result = HtmlDepthLimiter::limit(page, 3);
        QVERIFY(result.html.isEmpty());
        QCOMPARE(result.deepest, 3);
    }

    void flattensWhatIsTooDeepKeepingTheText() {
        QByteArray page = "<html><body>";
        for (int i = 0; i < 10; ++i)
            page += "<div class=\"a>b\">" + QByteArray::number(i) + " ";
        page += "deep";
        for (int i = 0; i < 10; ++i)
            page += "</DIV>";
        page += "<p>after</p></body></html>";
        const auto result = HtmlDepthLimiter::limit(page, 4);
        QCOMPARE(result.deepest, 10);
        QCOMPARE(result.html.count("<div"), 4);
        QCOMPARE(result.html.count("</DIV>"), 4);
        for (int i = 0; i < 10; ++i)
            QVERIFY(result.html.contains(QByteArray::number(i) + " "));
        QVERIFY(result.html.contains("deep"));
        QVERIFY(result.html.contains("<p>after</p>"));
    }

    // The loader on 100,000 nested divs: before the cap, gumbo took 16 s over it.
    void aHugelyNestedPageLoadsQuickly() {
        QByteArray page = "<html><body>" + QByteArray("<div>").repeated(100000) + "deep text" +
                          QByteArray("</div>").repeated(100000) + "<p>after it</p></body></html>";
        QElapsedTimer timer;
        timer.start();
        auto doc = HtmlLoader().load(QStringLiteral("deep.html"), page);
        QVERIFY(doc.ok());
        QVERIFY(timer.elapsed() < 5000); // generous: a guard against the quadratic, not a benchmark
        QString text;
        for (const Block& b : doc->blocks)
            text += b.text + QLatin1Char(' ');
        QVERIFY2(text.contains(QLatin1String("deep text")) && text.contains(QLatin1String("after it")),
                 qPrintable(text));
        QVERIFY2(doc->notes.join(QString()).contains(QLatin1String("flattened")),
                 qPrintable(doc->notes.join(QString())));
    }
};

QTEST_GUILESS_MAIN(TestHtmlDepthLimiter)
#include "test_html_depth_limiter.moc"
