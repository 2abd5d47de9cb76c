#include "engine/index/page_evidence.h"

#include <QTest>

using namespace docrag;

namespace {

Hit hit(qint64 document, const QString& heading) {
    Hit h;
    h.documentId = document;
    h.headingPath = heading;
    return h;
}

RerankParts scored(double lexical) {
    RerankParts p;
    p.lexical = lexical;
    return p;
}

} // namespace

// Page-level evidence on hand-made pools whose expected order is known.
class TestPageEvidence final : public QObject {
    Q_OBJECT

private slots:
    // A page that matches in three sections overtakes a page with one slightly better passage.
    void aPageMatchingInSeveralSectionsWins() {
        const std::vector<Hit> hits = {
            hit(1, QStringLiteral("Terminal size")), hit(2, QStringLiteral("os.path > getsize")),
            hit(2, QStringLiteral("os > stat")), hit(2, QStringLiteral("Files > sizes"))};
        std::vector<RerankParts> parts = {scored(1.0), scored(0.9), scored(0.6), scored(0.5)};
        PageEvidence::add(hits, 0.8, parts);
        QCOMPARE(parts[0].page, 0.0); // one section: no evidence beyond itself
        // Page 2's evidence: 0.5 * 0.6 + 0.25 * 0.5 = 0.425, the most of any page: the full weight.
        QCOMPARE(parts[1].page, 0.8);
        QCOMPARE(parts[3].page, 0.8);
        QVERIFY(parts[1].total() > parts[0].total());
    }

    // Pieces of one section (a long passage split in two) are one piece of evidence, not two.
    void piecesOfOneSectionAreNoEvidence() {
        const std::vector<Hit> hits = {hit(1, QString()), hit(1, QString()), hit(2, QString())};
        std::vector<RerankParts> parts = {scored(1.0), scored(0.9), scored(0.95)};
        PageEvidence::add(hits, 0.8, parts);
        for (const RerankParts& p : parts)
            QCOMPARE(p.page, 0.0);
    }

    // Evidence is relative to the page with the most: weaker pages get a share of the weight.
    void evidenceIsScaledToTheStrongestPage() {
        const std::vector<Hit> hits = {hit(1, QStringLiteral("a")), hit(1, QStringLiteral("b")),
                                       hit(2, QStringLiteral("a")), hit(2, QStringLiteral("b"))};
        std::vector<RerankParts> parts = {scored(1.0), scored(0.8), scored(1.0), scored(0.4)};
        PageEvidence::add(hits, 1.0, parts);
        QCOMPARE(parts[0].page, 1.0);
        QCOMPARE(parts[2].page, 0.5);
        std::vector<RerankParts> none = {scored(1.0), scored(0.8), scored(1.0), scored(0.4)};
        PageEvidence::add(hits, 0.0, none);
        QCOMPARE(none[0].page, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestPageEvidence)
#include "test_page_evidence.moc"
