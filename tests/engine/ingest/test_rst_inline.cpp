#include "engine/ingest/rst_inline.h"

#include <QTest>

namespace docrag {

class TestRstInline final : public QObject {
    Q_OBJECT

private slots:
    void reduce_data() {
        QTest::addColumn<QString>("rst");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain text, whitespace collapsed")
            << QStringLiteral("  one\n  two\t three  ") << QStringLiteral("one two three");
        QTest::newRow("literal keeps inner markup")
            << QStringLiteral("``*a* :ref:`b```") << QStringLiteral("*a* :ref:`b`");
        QTest::newRow("strong inside parentheses")
            << QStringLiteral("(**bold**), *it*.") << QStringLiteral("(bold), it.");
        QTest::newRow("emphasis needs a boundary before")
            << QStringLiteral("x*y* and 2**8") << QStringLiteral("x*y* and 2**8");
        QTest::newRow("emphasis must not end after a space")
            << QStringLiteral("*a * b*") << QStringLiteral("a * b");
        QTest::newRow("role with explicit title")
            << QStringLiteral(":class:`Reader <csv.Reader>` wins") << QStringLiteral("Reader wins");
        QTest::newRow("role with tilde and bang")
            << QStringLiteral(":meth:`~a.b.c` :func:`!nolink`") << QStringLiteral("c nolink");
        QTest::newRow("interpreted text, angle target only")
            << QStringLiteral("see `<https://x.org>`_") << QStringLiteral("see https://x.org");
        QTest::newRow("suffix role and anonymous reference")
            << QStringLiteral("`len`:func: and `here <x>`__") << QStringLiteral("len and here");
        QTest::newRow("named references and underscores") << QStringLiteral("PEP8_, a__b, __dunder__, word_.")
                                                          << QStringLiteral("PEP8, a__b, __dunder__, word.");
        QTest::newRow("substitution reference")
            << QStringLiteral("|version|_ is out") << QStringLiteral("version is out");
        QTest::newRow("footnote with space is not a footnote")
            << QStringLiteral("[a b]_ and [2]_") << QStringLiteral("[a b]_ and [2]");
        QTest::newRow("escapes") << QStringLiteral("\\`x\\` a\\ b \\\\") << QStringLiteral("`x` ab \\");
        QTest::newRow("non-ASCII boundaries")
            << QStringLiteral("\u00AB*Zitat*\u00BB \u2014 :term:`Stra\u00DFe`")
            << QStringLiteral("\u00ABZitat\u00BB \u2014 Stra\u00DFe");
        QTest::newRow("empty") << QString() << QString();
    }

    void reduce() {
        QFETCH(QString, rst);
        QFETCH(QString, text);
        QCOMPARE(RstInline::reduce(rst), text);
    }

    void markupReachIsBounded() {
        // A closing marker 2000 characters or more away is not looked for.
        const QString near = QStringLiteral("*") + QString(1990, QLatin1Char('x')) + QStringLiteral("*");
        QCOMPARE(RstInline::reduce(near), QString(1990, QLatin1Char('x')));
        const QString far = QStringLiteral("*") + QString(2500, QLatin1Char('x')) + QStringLiteral("*");
        QCOMPARE(RstInline::reduce(far), far);
        const QString manyStars = QStringLiteral("*a ").repeated(20000);
        QCOMPARE(RstInline::reduce(manyStars), manyStars.trimmed());
    }

    void docutilsId_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("id");
        QTest::newRow("punctuation becomes one dash")
            << QStringLiteral("What's new in 3.11?") << QStringLiteral("what-s-new-in-3-11");
        QTest::newRow("leading digits and dashes dropped")
            << QStringLiteral("3.2. -- Closing") << QStringLiteral("closing");
        QTest::newRow("accents decomposed")
            << QStringLiteral("Cr\u00E8me Br\u00FBl\u00E9e") << QStringLiteral("creme-brulee");
        QTest::newRow("digraphs and specials")
            << QStringLiteral("Stra\u00DFe \u00C6sop \u0152uvre \u00D8re \u0141\u00F3d\u017A \u0110")
            << QStringLiteral("strasze-aesop-oeuvre-ore-lodz-d");
        QTest::newRow("non-Latin letters vanish without a dash")
            << QStringLiteral("a\u0416b") << QStringLiteral("ab");
        QTest::newRow("no ASCII letters")
            << QStringLiteral("\u041F\u0440\u0438\u0432\u0435\u0442 42") << QString();
        QTest::newRow("only punctuation") << QStringLiteral("--- ? ---") << QString();
    }

    void docutilsId() {
        QFETCH(QString, title);
        QFETCH(QString, id);
        QCOMPARE(RstInline::docutilsId(title), id);
    }

    void sectionId_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("id");
        QTest::newRow("docutils id when there is one")
            << QStringLiteral("\u00DCberblick & Stra\u00DFe") << QStringLiteral("uberblick-strasze");
        QTest::newRow("Cyrillic slug")
            << QStringLiteral("\u041F\u0440\u0438\u0432\u0435\u0442, \u043C\u0438\u0440!")
            << QStringLiteral("\u043F\u0440\u0438\u0432\u0435\u0442-\u043C\u0438\u0440");
        QTest::newRow("CJK slug keeps digits")
            << QStringLiteral(" \u65E5\u672C\u8A9E \u30C6\u30AD\u30B9\u30C8 2 ")
            << QStringLiteral("\u65E5\u672C\u8A9E-\u30C6\u30AD\u30B9\u30C8-2");
        QTest::newRow("nothing usable") << QStringLiteral("?!") << QString();
    }

    void sectionId() {
        QFETCH(QString, title);
        QFETCH(QString, id);
        QCOMPARE(RstInline::sectionId(title), id);
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestRstInline)
#include "test_rst_inline.moc"
