#include "engine/core/hashing.h"
#include "engine/core/token_counter.h"
#include "engine/ingest/chunker.h"

#include <QTest>

using namespace docrag;

namespace {

Block heading(int level, const QString& text, const QString& anchor, int line) {
    Block b;
    b.kind = BlockKind::Heading;
    b.level = level;
    b.text = text;
    b.anchor = anchor;
    b.lineStart = b.lineEnd = line;
    return b;
}

Block paragraph(const QString& text, int from, int to, const QString& anchor = {}, int page = 0) {
    Block b;
    b.text = text;
    b.lineStart = from;
    b.lineEnd = to;
    b.anchor = anchor;
    b.page = page;
    return b;
}

Block code(const QString& text, int from, const QString& language = QStringLiteral("python")) {
    Block b;
    b.kind = BlockKind::Code;
    b.text = text;
    b.language = language;
    b.lineStart = from;
    b.lineEnd = from + static_cast<int>(text.count(QLatin1Char('\n')));
    return b;
}

Block headingEnd(int level, int line) {
    Block b;
    b.kind = BlockKind::HeadingEnd;
    b.level = level;
    b.lineStart = b.lineEnd = line;
    return b;
}

// `count` short lowercase words, one token each: "worda wordb ...".
QString words(int count, const QString& stem = QStringLiteral("word")) {
    QStringList list;
    for (int i = 0; i < count; ++i)
        list << stem + QChar(u'a' + i % 26);
    return list.join(QLatin1Char(' '));
}

ParsedDocument document(std::vector<Block> blocks, const QString& title = QStringLiteral("Guide")) {
    ParsedDocument d;
    d.title = title;
    d.format = QStringLiteral("markdown");
    d.blocks = std::move(blocks);
    return d;
}

} // namespace

class TestChunker final : public QObject {
    Q_OBJECT

private slots:
    void headingsStartChunksAndFormThePath() {
        const auto chunks = Chunker().chunk(document({
            heading(1, QStringLiteral("Guide"), QStringLiteral("guide"), 1),
            paragraph(QStringLiteral("Intro text."), 3, 3, QStringLiteral("guide")),
            heading(2, QStringLiteral("Install"), QStringLiteral("install"), 5),
            paragraph(QStringLiteral("Run the installer."), 7, 8, QStringLiteral("install")),
            heading(3, QStringLiteral("On Linux"), QStringLiteral("on-linux"), 10),
            paragraph(QStringLiteral("Use apt."), 12, 12, QStringLiteral("on-linux")),
            heading(2, QStringLiteral("Usage"), QStringLiteral("usage"), 14),
            paragraph(QStringLiteral("Ask a question."), 16, 17, QStringLiteral("usage")),
        }));
        QCOMPARE(chunks.size(), size_t(4));
        // The h1 repeats the title: it is not part of the heading path.
        QCOMPARE(chunks[0].headingPath, QString());
        QCOMPARE(chunks[1].headingPath, QStringLiteral("Install"));
        QCOMPARE(chunks[2].headingPath, QStringLiteral("Install > On Linux"));
        QCOMPARE(chunks[3].headingPath, QStringLiteral("Usage"));
        QCOMPARE(chunks[2].text, QStringLiteral("Use apt."));
        QCOMPARE(chunks[1].locStart, 7);
        QCOMPARE(chunks[1].locEnd, 8);
        QCOMPARE(chunks[3].anchor, QStringLiteral("usage"));
        for (size_t i = 0; i < chunks.size(); ++i)
            QCOMPARE(chunks[i].ordinal, static_cast<int>(i));
    }

    void embedTextCarriesTitleAndPathAndTheHashFollowsIt() {
        const auto chunks = Chunker().chunk(document({
            heading(2, QStringLiteral("Install"), QStringLiteral("install"), 1),
            paragraph(QStringLiteral("Run it."), 2, 2),
        }));
        QCOMPARE(chunks.size(), size_t(1));
        QCOMPARE(chunks[0].embedText, QStringLiteral("Guide > Install\nRun it."));
        QCOMPARE(chunks[0].textHash, Hashing::xxh3(QStringView(chunks[0].embedText)));
        QCOMPARE(chunks[0].tokenCount, TokenCounter::estimate(chunks[0].text));
        // Same text under another title embeds differently.
        const auto other =
            Chunker().chunk(document({paragraph(QStringLiteral("Run it."), 2, 2)}, QStringLiteral("Other")));
        QVERIFY(other[0].textHash != chunks[0].textHash);
    }

    void longSectionsSplitWithinBudgetWithOverlap() {
        ChunkerOptions options;
        options.targetTokens = 100;
        options.overlapTokens = 30;
        std::vector<Block> blocks = {heading(2, QStringLiteral("Long"), QStringLiteral("long"), 1)};
        for (int i = 0; i < 10; ++i)
            blocks.push_back(
                paragraph(words(25, QStringLiteral("p") + QChar(u'a' + i)), 10 * i + 2, 10 * i + 5));
        const auto chunks = Chunker(options).chunk(document(blocks));
        QVERIFY(chunks.size() >= 3);
        for (size_t i = 0; i < chunks.size(); ++i) {
            QVERIFY2(chunks[i].tokenCount <= options.targetTokens + options.overlapTokens,
                     qPrintable(QString::number(chunks[i].tokenCount)));
            QCOMPARE(chunks[i].headingPath, QStringLiteral("Long"));
            if (i > 0) {
                // The last paragraph of the previous chunk opens this one.
                const QString previousTail = chunks[i - 1].text.split(QStringLiteral("\n\n")).last();
                QVERIFY(chunks[i].text.startsWith(previousTail));
                QVERIFY(chunks[i].locStart <= chunks[i - 1].locEnd);
            }
        }
        QCOMPARE(chunks.front().locStart, 2);
        QCOMPARE(chunks.back().locEnd, 95);
        // Every paragraph is in some chunk.
        for (int i = 0; i < 10; ++i) {
            const QString first = QStringLiteral("p") + QChar(u'a' + i) + QLatin1Char('a');
            QVERIFY(std::any_of(chunks.begin(), chunks.end(),
                                [&](const Chunk& c) { return c.text.contains(first); }));
        }
    }

    void codeBlocksStayWholeAndFenced() {
        ChunkerOptions options;
        options.targetTokens = 60;
        options.maxTokens = 400;
        QStringList lines;
        for (int i = 0; i < 20; ++i)
            lines << QStringLiteral("value_%1 = compute(%1)").arg(i);
        const QString source = lines.join(QLatin1Char('\n'));
        const auto chunks = Chunker(options).chunk(document({
            paragraph(words(40), 1, 3),
            code(source, 5),
            paragraph(QStringLiteral("After the code."), 26, 26),
        }));
        const auto withCode = std::find_if(chunks.begin(), chunks.end(), [](const Chunk& c) {
            return c.text.contains(QLatin1String("value_0"));
        });
        QVERIFY(withCode != chunks.end());
        QVERIFY(withCode->text.contains(QStringLiteral("```python\n") + source + QStringLiteral("\n```")));
        QCOMPARE(withCode->locStart, 5);
        QVERIFY(withCode->locEnd >= 24);
    }

    void hugeCodeIsCutAtLineEndsWithExactLines() {
        ChunkerOptions options;
        options.targetTokens = 50;
        options.maxTokens = 80;
        QStringList lines;
        for (int i = 0; i < 60; ++i)
            lines << QStringLiteral("line_%1 = %1").arg(i);
        const auto chunks = Chunker(options).chunk(document({code(lines.join(QLatin1Char('\n')), 100)}));
        QVERIFY(chunks.size() > 2);
        int expectedStart = 100;
        for (const Chunk& c : chunks) {
            QCOMPARE(c.locStart, expectedStart);
            QVERIFY(c.text.startsWith(QStringLiteral("```python\nline_%1 ").arg(expectedStart - 100)));
            QVERIFY(c.text.endsWith(QStringLiteral("\n```")));
            expectedStart = c.locEnd + 1;
        }
        QCOMPARE(chunks.back().locEnd, 159);
    }

    void pagesAreNeverMixed() {
        const auto chunks = Chunker().chunk(document({
            paragraph(QStringLiteral("Page one text."), 1, 2, {}, 1),
            paragraph(QStringLiteral("More on one."), 4, 4, {}, 1),
            paragraph(QStringLiteral("Page two text."), 1, 3, {}, 2),
        }));
        QCOMPARE(chunks.size(), size_t(2));
        QCOMPARE(chunks[0].page, 1);
        QCOMPARE(chunks[0].text, QStringLiteral("Page one text.\n\nMore on one."));
        QCOMPARE(chunks[1].page, 2);
        QCOMPARE(chunks[1].locStart, 1);
        QCOMPARE(chunks[1].locEnd, 3);
    }

    void definitionsGetTheirOwnChunkOnceTheCurrentOneHasSubstance() {
        ChunkerOptions options;
        options.minTokens = 40;
        Block open =
            heading(7, QStringLiteral("open(file, mode='r', buffering=-1)"), QStringLiteral("open"), 10);
        Block ord = heading(7, QStringLiteral("ord(c)"), QStringLiteral("ord"), 20);
        Block pow = heading(7, QStringLiteral("pow(base, exp, mod=None)"), QStringLiteral("pow"), 30);
        const auto chunks = Chunker(options).chunk(document({
            heading(2, QStringLiteral("Built-in Functions"), QStringLiteral("built-in-functions"), 1),
            open,
            paragraph(words(30), 11, 14, QStringLiteral("open")),
            headingEnd(7, 15),
            ord,
            paragraph(QStringLiteral("Return the code point."), 21, 21, QStringLiteral("ord")),
            headingEnd(7, 22),
            pow,
            paragraph(QStringLiteral("Return base to the power exp."), 31, 31, QStringLiteral("pow")),
            headingEnd(7, 32),
            paragraph(QStringLiteral("Text after the definitions."), 40, 40,
                      QStringLiteral("built-in-functions")),
        }));
        QCOMPARE(chunks.size(), size_t(2));
        QCOMPARE(chunks[0].headingPath, QStringLiteral("Built-in Functions > open()"));
        QCOMPARE(chunks[0].anchor, QStringLiteral("open"));
        QVERIFY(chunks[0].text.startsWith(QStringLiteral("open(file, mode='r', buffering=-1)\n\n")));
        QCOMPARE(chunks[0].locStart, 10);
        // Two short definitions and the text after them share one chunk, cited at the first.
        QCOMPARE(chunks[1].headingPath, QStringLiteral("Built-in Functions > ord()"));
        QCOMPARE(chunks[1].anchor, QStringLiteral("ord"));
        QVERIFY(chunks[1].text.contains(QLatin1String("pow(base, exp, mod=None)")));
        QVERIFY(chunks[1].text.endsWith(QLatin1String("Text after the definitions.")));
        QCOMPARE(chunks[1].locStart, 20);
        QCOMPARE(chunks[1].locEnd, 40);
    }

    // Issue 12: a file of a million headings made a million passages; a single line of many megabytes was
    // split into a list of all its words first.
    void aCapStopsTheChunksAndSaysWhere() {
        std::vector<Block> blocks;
        for (int i = 0; i < 1000; ++i) {
            blocks.push_back(heading(2, QStringLiteral("Heading %1").arg(i), {}, 2 * i + 1));
            blocks.push_back(paragraph(QStringLiteral("Text %1.").arg(i), 2 * i + 2, 2 * i + 2));
        }
        int cappedAt = 0;
        const auto capped = Chunker().chunk(document(blocks), 100, &cappedAt);
        QCOMPARE(capped.size(), size_t(100));
        QCOMPARE(cappedAt, 201); // heading 100 and everything after it
        const auto whole = Chunker().chunk(document(blocks), 1000, &cappedAt);
        QCOMPARE(whole.size(), size_t(1000));
        QCOMPARE(cappedAt, -1);
    }

    void aHugeLineIsCutAsItIsRead() {
        QString line;
        line.reserve(20 << 20);
        while (line.size() < (20 << 20))
            line += QStringLiteral("lorem ipsum dolor sit amet ");
        line += QString(5000, QLatin1Char('x')); // and a "word" longer than any passage
        int cappedAt = 0;
        const auto chunks = Chunker().chunk(document({paragraph(line, 1, 1)}), 50, &cappedAt);
        QCOMPARE(chunks.size(), size_t(50));
        QCOMPARE(cappedAt, 1);
        for (const Chunk& c : chunks)
            QVERIFY(c.tokenCount <= ChunkerOptions().targetTokens + ChunkerOptions().overlapTokens + 8);
        const auto tail = Chunker().chunk(document({paragraph(QString(5000, QLatin1Char('y')), 1, 1)}));
        QVERIFY(tail.size() >= 2);
        for (const Chunk& c : tail)
            QVERIFY(c.tokenCount <= ChunkerOptions().targetTokens + ChunkerOptions().overlapTokens + 8);
    }

    void emptyDocumentsHaveNoChunks() {
        QCOMPARE(Chunker().chunk(document({})).size(), size_t(0));
        QCOMPARE(Chunker().chunk(document({heading(1, QStringLiteral("Only a title"), {}, 1)})).size(),
                 size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestChunker)
#include "test_chunker.moc"
