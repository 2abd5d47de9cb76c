#include "engine/ingest/rst_loader.h"
#include "tests/support/block_dump.h"
#include "tests/support/load_or_fail.h"
#include "tests/support/read_fixture.h"

#include <QTest>

namespace docrag {
namespace {

using test::BlockDump;
using test::loadOrFail;
using test::readFixture;

ParsedDocument loadOk(const QByteArray& bytes, const QString& path = QStringLiteral("/docs/intro.rst")) {
    return loadOrFail(RstLoader(), path, bytes);
}

// The text of the only paragraph of a one-paragraph document.
QString paragraphText(const QByteArray& rst) {
    const ParsedDocument doc = loadOk(rst);
    if (doc.blocks.size() != 1)
        return QStringLiteral("<%1 blocks>").arg(doc.blocks.size());
    return doc.blocks.front().text;
}

} // namespace

class TestRstLoader final : public QObject {
    Q_OBJECT

private slots:
    void loadsTheCsvFixture() {
        const ParsedDocument doc = loadOk(readFixture(QStringLiteral("loaders/csv_module.rst")));
        QCOMPARE(doc.format, QStringLiteral("rst"));
        QCOMPARE(doc.title, QStringLiteral("csv --- CSV File Reading"));
        QVERIFY(doc.notes.isEmpty());
        const QStringList expected = {
            QStringLiteral("H1 3-5 #csv-module csv --- CSV File Reading"),
            QStringLiteral(
                "P 12-14 #csv-module The so-called CSV format is the most common import format. See "
                "csv.reader and writer; read the RFC for version details [1]."),
            QStringLiteral("H2 19-20 #module-contents Module Contents"),
            QStringLiteral("H7 22-22 #csv.reader reader(csvfile, dialect='excel', **fmtparams)"),
            QStringLiteral("P 24-24 #csv.reader Return a reader object. A short usage example:"),
            QStringLiteral(
                "C[] 26-28 #csv.reader >>> import csv\n>>> with open('eggs.csv', newline='') as f:\n"
                "...     print(f.read())"),
            QStringLiteral("P 30-30 #csv.reader New in version 3.2."),
            QStringLiteral("/H7 30-30 #csv.reader "),
            QStringLiteral("H7 32-32 #csv.Dialect Dialect"),
            QStringLiteral("P 34-34 #csv.Dialect A container class."),
            QStringLiteral("H8 36-36 #csv.Dialect.delimiter delimiter"),
            QStringLiteral("P 38-38 #csv.Dialect.delimiter A one-character string."),
            QStringLiteral("/H8 38-38 #csv.Dialect.delimiter "),
            QStringLiteral("H8 40-41 #csv.Dialect.validate Dialect.validate(); Dialect.validate(strict)"),
            QStringLiteral("P 44-44 #csv.Dialect.validate Checks the dialect."),
            QStringLiteral("/H8 44-44 #csv.Dialect.validate "),
            QStringLiteral("/H7 44-44 #csv.Dialect "),
            QStringLiteral("P 47-47 #module-contents Notes are kept as paragraphs."),
            QStringLiteral("H2 49-50 #examples Examples"),
            QStringLiteral("P 52-52 #examples The simplest example:"),
            QStringLiteral("C[] 54-56 #examples import csv\nwith open('some.csv') as f:\n    pass"),
            QStringLiteral("P 58-58 #examples Expanded form:"),
            QStringLiteral("C[] 62-62 #examples raw literal"),
            QStringLiteral("C[python] 68-68 #examples writer.writerow(['Spam'] * 5)"),
            QStringLiteral("P 70-71 #examples - first item with a continuation line"),
            QStringLiteral("P 72-72 #examples - second item"),
            QStringLiteral("P 74-74 #examples 1. numbered"),
            QStringLiteral("H3 76-77 #sub-section Sub Section"),
            QStringLiteral("P 79-79 #sub-section Last words."),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void sectionLevelsFollowFirstAppearance() {
        const QByteArray rst = "Part\n####\n\n"
                               "=======\nChapter\n=======\n\n"
                               "Section\n=======\n\n"
                               "Other chapter\n=============\n\n"
                               "Part two\n########\n";
        const ParsedDocument doc = loadOk(rst);
        QCOMPARE(BlockDump::describeAll(doc), (QStringList{
                                                  QStringLiteral("H1 1-2 #part Part"),
                                                  QStringLiteral("H2 4-6 #chapter Chapter"),
                                                  QStringLiteral("H3 8-9 #section Section"),
                                                  QStringLiteral("H3 11-12 #other-chapter Other chapter"),
                                                  QStringLiteral("H1 14-15 #part-two Part two"),
                                              }));
    }

    void anchorsAreDocutilsIds() {
        const QByteArray rst = "1. What's new in 3.11?\n======================\n\n"
                               "Überblick & Straße\n------------------\n\n"
                               "Привет мир\n----------\n\n"
                               "Duplicate\n---------\n\n"
                               "Duplicate\n---------\n\n"
                               ".. _Custom_Label:\n\n"
                               "Labelled\n--------\n\n"
                               ".. _python: https://www.python.org\n\n"
                               "External target is not a label\n------------------------------\n";
        QStringList anchors;
        for (const Block& block : loadOk(rst).blocks)
            anchors.append(block.anchor);
        QCOMPARE(anchors, (QStringList{
                              QStringLiteral("what-s-new-in-3-11"),
                              QStringLiteral("uberblick-strasze"),
                              QStringLiteral("привет-мир"),
                              QStringLiteral("duplicate"),
                              QStringLiteral("duplicate-1"),
                              QStringLiteral("custom-label"),
                              QStringLiteral("external-target-is-not-a-label"),
                          }));
    }

    void underlineLengthRules() {
        // docutils accepts a short underline from four characters on, with a warning.
        QCOMPARE(BlockDump::describeAll(loadOk("A longer title\n-----\n")),
                 QStringList{QStringLiteral("H1 1-2 #a-longer-title A longer title")});
        QCOMPARE(BlockDump::describeAll(loadOk("Not a title\n---\n")),
                 QStringList{QStringLiteral("P 1-2 # Not a title ---")});
    }

    void inlineMarkupIsReducedToVisibleText_data() {
        QTest::addColumn<QByteArray>("rst");
        QTest::addColumn<QString>("text");
        QTest::newRow("literal") << QByteArray("Use ``a *b* `c` ``.") << QStringLiteral("Use a *b* `c` .");
        QTest::newRow("emphasis") << QByteArray("*one* and **two** and (*three*)")
                                  << QStringLiteral("one and two and (three)");
        QTest::newRow("not emphasis") << QByteArray("2*3*4 and f(*args, **kwargs) and a * b")
                                      << QStringLiteral("2*3*4 and f(*args, **kwargs) and a * b");
        QTest::newRow("roles") << QByteArray(":func:`open`, :py:meth:`~dict.get`, :ref:`the guide <guide>`")
                               << QStringLiteral("open, get, the guide");
        QTest::newRow("suffix role") << QByteArray("call `spam`:func: now")
                                     << QStringLiteral("call spam now");
        QTest::newRow("references") << QByteArray(
                                           "`Python <https://python.org>`_ and `anon <x>`__ and Spam_ end")
                                    << QStringLiteral("Python and anon and Spam end");
        QTest::newRow("not references") << QByteArray("__init__ and snake_case and _private")
                                        << QStringLiteral("__init__ and snake_case and _private");
        QTest::newRow("escapes") << QByteArray("\\*not emphasis\\* and back\\\\slash")
                                 << QStringLiteral("*not emphasis* and back\\slash");
        QTest::newRow("substitution and footnote") << QByteArray("Version |release| [#]_ and [CIT2002]_.")
                                                   << QStringLiteral("Version release [#] and [CIT2002].");
        QTest::newRow("unclosed") << QByteArray("a ``b and *c") << QStringLiteral("a ``b and *c");
    }

    void inlineMarkupIsReducedToVisibleText() {
        QFETCH(QByteArray, rst);
        QFETCH(QString, text);
        QCOMPARE(paragraphText(rst), text);
    }

    void literalBlockMarkers() {
        const QByteArray rst = "Spaced marker ::\n\n    code one\n\n"
                               ".. highlight:: c\n\n"
                               "Default language::\n\n"
                               "    int x;\n\n"
                               "        indented more\n\n"
                               "Not literal::\n"
                               "Back at zero.\n";
        QCOMPARE(BlockDump::describeAll(loadOk(rst)),
                 (QStringList{
                     QStringLiteral("P 1-1 # Spaced marker"),
                     QStringLiteral("C[] 3-3 # code one"),
                     QStringLiteral("P 7-7 # Default language:"),
                     QStringLiteral("C[c] 9-11 # int x;\n\n    indented more"),
                     QStringLiteral("P 13-14 # Not literal:: Back at zero."),
                 }));
    }

    void directivesCommentsAndTargets() {
        const QByteArray rst =
            ".. toctree::\n   :maxdepth: 2\n\n   intro\n   api\n\n"
            "..\n   empty comment body\n\n"
            ".. warning:: Mind the\n   gap.\n\n"
            ".. seealso::\n\n   Module :mod:`json`\n\n"
            ".. image:: logo.png\n   :alt: Logo\n\n"
            ".. |name| image:: x.png\n\n"
            ".. [1] A footnote\n   with two lines.\n\n"
            ".. versionchanged:: 3.4 Accepts *bytes*.\n\n"
            ".. only:: html\n\n   Shown in HTML.\n\n"
            ".. c:function:: PyObject* PyList_New(Py_ssize_t len)\n\n   Return a new list.\n";
        QCOMPARE(BlockDump::describeAll(loadOk(rst)),
                 (QStringList{
                     QStringLiteral("P 10-11 # Mind the gap."),
                     QStringLiteral("P 15-15 # Module json"),
                     QStringLiteral("P 22-23 # [1] A footnote with two lines."),
                     QStringLiteral("P 25-25 # Changed in version 3.4: Accepts bytes."),
                     QStringLiteral("P 29-29 # Shown in HTML."),
                     QStringLiteral("P 31-31 # PyObject* PyList_New(Py_ssize_t len)"),
                     QStringLiteral("P 33-33 # Return a new list."),
                 }));
    }

    void nestedDefinitionsCloseAtDedentAndEndOfFile() {
        const QByteArray rst = ".. currentmodule:: pkg.mod\n\n"
                               ".. py:class:: Outer(arg)\n\n"
                               "   .. py:class:: Inner\n\n"
                               "      .. py:method:: run()\n\n"
                               "         Runs.\n\n"
                               "   .. py:function:: helper\n"
                               "      :module: other\n\n"
                               "      Helps.\n";
        QCOMPARE(BlockDump::describeAll(loadOk(rst)),
                 (QStringList{
                     QStringLiteral("H7 3-3 #pkg.mod.Outer Outer(arg)"),
                     QStringLiteral("H8 5-5 #pkg.mod.Outer.Inner Inner"),
                     QStringLiteral("H9 7-7 #pkg.mod.Outer.Inner.run run()"),
                     QStringLiteral("P 9-9 #pkg.mod.Outer.Inner.run Runs."),
                     QStringLiteral("/H9 9-9 #pkg.mod.Outer.Inner.run "),
                     QStringLiteral("/H8 9-9 #pkg.mod.Outer.Inner "),
                     QStringLiteral("H8 11-11 #other.Outer.helper helper"),
                     QStringLiteral("P 14-14 #other.Outer.helper Helps."),
                     QStringLiteral("/H8 14-14 #other.Outer.helper "),
                     QStringLiteral("/H7 14-14 #pkg.mod.Outer "),
                 }));
    }

    void tables() {
        const QByteArray rst = "+--------+---------+\n"
                               "| Name   | Meaning |\n"
                               "+========+=========+\n"
                               "| ``-v`` | be      |\n"
                               "|        | verbose |\n"
                               "+--------+---------+\n\n"
                               "=====  ===========\n"
                               "Code   Description\n"
                               "=====  ===========\n"
                               "200    OK\n"
                               "404    Not\n"
                               "       found\n"
                               "=====  ===========\n";
        QCOMPARE(BlockDump::describeAll(loadOk(rst)), (QStringList{
                                                          QStringLiteral("P 2-2 # Name | Meaning"),
                                                          QStringLiteral("P 4-5 # -v | be verbose"),
                                                          QStringLiteral("P 9-9 # Code | Description"),
                                                          QStringLiteral("P 11-11 # 200 | OK"),
                                                          QStringLiteral("P 12-13 # 404 | Not found"),
                                                      }));
    }

    void listsFieldsAndLineBlocks() {
        const QByteArray rst = "* star item\n\n"
                               "#. auto\n"
                               "(2) paren\n\n"
                               ":param x: the value,\n   described at length.\n"
                               ":returns: nothing\n\n"
                               "| line one\n| line two\n\n"
                               ">>> 1 + 1\n2\n";
        QCOMPARE(BlockDump::describeAll(loadOk(rst)),
                 (QStringList{
                     QStringLiteral("P 1-1 # - star item"),
                     QStringLiteral("P 3-3 # #. auto"),
                     QStringLiteral("P 4-4 # (2) paren"),
                     QStringLiteral("P 6-7 # param x: the value, described at length."),
                     QStringLiteral("P 8-8 # returns: nothing"),
                     QStringLiteral("P 10-11 # line one line two"),
                     QStringLiteral("C[python] 13-14 # >>> 1 + 1\n2"),
                 }));
    }

    void titleFallsBackToBaseName() {
        QCOMPARE(loadOk("Just text.\n", QStringLiteral("/d/howto-sockets.rst")).title,
                 QStringLiteral("howto-sockets"));
    }

    void emptyInputHasNoBlocks() {
        QVERIFY(loadOk(QByteArray()).blocks.empty());
        QVERIFY(loadOk("\n\n.. a comment only\n\n").blocks.empty());
    }

    void crlfLineEndings() {
        const ParsedDocument doc = loadOk("Title\r\n=====\r\n\r\nText here::\r\n\r\n   code\r\n   more\r\n");
        QCOMPARE(BlockDump::describeAll(doc), (QStringList{
                                                  QStringLiteral("H1 1-2 #title Title"),
                                                  QStringLiteral("P 4-4 #title Text here:"),
                                                  QStringLiteral("C[] 6-7 #title code\nmore"),
                                              }));
        for (const Block& block : doc.blocks)
            QVERIFY(!block.text.contains(QLatin1Char('\r')));
    }

    void latin1IsDecodedWithANote() {
        const QByteArray latin1 =
            QStringLiteral("Résumé général\n==============\n\nLes crèmes brûlées sont très "
                           "appréciées à la française.\n")
                .toLatin1();
        const ParsedDocument doc = loadOk(latin1);
        QCOMPARE(BlockDump::describeAll(doc),
                 (QStringList{
                     QStringLiteral("H1 1-2 #resume-general Résumé général"),
                     QStringLiteral(
                         "P 4-4 #resume-general Les crèmes brûlées sont très appréciées à la française."),
                 }));
        QCOMPARE(doc.notes.size(), 1);
        QVERIFY2(doc.notes.front().startsWith(QLatin1String("decoded as ")), qPrintable(doc.notes.front()));
    }

    void binaryInputIsUnsupported() {
        const QByteArray bytes("PK\x03\x04\x14\0\0\0\x08\0\0\0!\0\0\0", 16);
        const Result<ParsedDocument> result = RstLoader().load(QStringLiteral("x.rst"), bytes);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
    }

    void hugeParagraph() {
        QByteArray rst = "Big\n===\n\n";
        const int lines = 20000;
        for (int i = 0; i < lines; ++i)
            rst += "word ``number`` " + QByteArray::number(i) + " of *a* long paragraph\n";
        const ParsedDocument doc = loadOk(rst);
        QCOMPARE(doc.blocks.size(), size_t(2));
        QCOMPARE(doc.blocks[1].lineStart, 4);
        QCOMPARE(doc.blocks[1].lineEnd, lines + 3);
        QVERIFY(
            doc.blocks[1].text.startsWith(QLatin1String("word number 0 of a long paragraph word number 1 ")));
        QVERIFY(doc.blocks[1].text.endsWith(QLatin1String("word number 19999 of a long paragraph")));
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestRstLoader)
#include "test_rst_loader.moc"
