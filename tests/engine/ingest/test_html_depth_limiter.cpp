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

    // Tag names in any case: upper-case void and optional-end elements do not nest, an upper-case script
    // holds no markup, and a long custom element (longer than any name the lists hold) nests.
    void namesAreMatchedWhateverTheirCase() {
        const QByteArray page = "<HTML><Body><UL><LI><P>one<Li>two<BR><IMG src=x><Input></UL>"
                                "<SCRIPT>document.write('<div><div><div><div>')</SCRIPT>"
                                "<a-very-long-custom-element><Section><DIV>x</DIV></Section>"
                                "</a-very-long-custom-element></Body></HTML>";
        const auto result = HtmlDepthLimiter::limit(page, 3);
        QCOMPARE(result.deepest, 3);
        const auto flattened = HtmlDepthLimiter::limit(page, 2);
        QCOMPARE(flattened.deepest, 3);
        QCOMPARE(flattened.html.count("<DIV>"), 0);
        QVERIFY(flattened.html.contains("<SCRIPT>document.write('<div><div><div><div>')</SCRIPT>"));
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
