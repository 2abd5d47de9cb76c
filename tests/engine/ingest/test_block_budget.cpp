#include "engine/ingest/block_budget.h"

#include <QTest>

using namespace docrag;

namespace {

Block paragraph(const QString& text, int line) {
    Block b;
    b.text = text;
    b.lineStart = line;
    b.lineEnd = line + static_cast<int>(text.count(QLatin1Char('\n')));
    return b;
}

} // namespace

class TestBlockBudget final : public QObject {
    Q_OBJECT

private slots:
    void splitsALongBlockAtSpacesWithItsLines() {
        IngestLimits limits;
        limits.maxBlockChars = 100;
        BlockBudget budget(limits);
        std::vector<Block> blocks;
        QString text;
        for (int i = 0; i < 60; ++i)
            text += QStringLiteral("word%1%2").arg(i).arg(i % 10 == 9 ? QLatin1Char('\n') : QLatin1Char(' '));
        QVERIFY(budget.append(blocks, paragraph(text, 10)));
        QVERIFY(blocks.size() > 3);
        QString joined;
        for (const Block& b : blocks) {
            QVERIFY(b.text.size() <= 100);
            QVERIFY(b.lineStart >= 10 && b.lineEnd <= 16 && b.lineStart <= b.lineEnd);
            joined += b.text;
        }
        QCOMPARE(joined, text); // nothing lost, nothing added
        ParsedDocument doc;
        budget.annotate(doc);
        QCOMPARE(doc.notes.size(), 1);
        QVERIFY2(doc.notes.front().contains(QLatin1String("split")), qPrintable(doc.notes.front()));
    }

    void stopsTheLoaderOnceTheFileHasGivenEnough() {
        IngestLimits limits;
        limits.maxPassagesPerFile = 10; // 80 blocks, 40960 characters
        BlockBudget budget(limits);
        std::vector<Block> blocks;
        int line = 1;
        while (budget.append(blocks, paragraph(QStringLiteral("short"), line)))
            ++line;
        QCOMPARE(static_cast<qint64>(blocks.size()), limits.maxBlocks());
        QVERIFY(budget.spent());
        QVERIFY(!budget.append(blocks, paragraph(QStringLiteral("more"), line + 1)));
        ParsedDocument doc;
        budget.annotate(doc);
        QVERIFY2(doc.notes.join(QString()).contains(QStringLiteral("from line %1").arg(line)),
                 qPrintable(doc.notes.join(QString())));

        BlockBudget text(limits);
        blocks.clear();
        QVERIFY(!text.append(blocks, paragraph(QString(100000, QLatin1Char('x')), 1)));
        qsizetype kept = 0;
        for (const Block& b : blocks)
            kept += b.text.size();
        QCOMPARE(kept, limits.maxTextChars());
    }
};

QTEST_GUILESS_MAIN(TestBlockBudget)
#include "test_block_budget.moc"
