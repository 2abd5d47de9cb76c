#include "engine/embed/local_embedder.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <numeric>

using namespace docrag;

namespace {

std::vector<float> embed(const LocalEmbedder& e, const QString& text) {
    std::vector<float> v(static_cast<size_t>(e.dimension()));
    e.embedOne(text, v);
    return v;
}

double dot(const std::vector<float>& a, const std::vector<float>& b) {
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
}

} // namespace

class TestLocalEmbedder final : public QObject {
    Q_OBJECT

private slots:
    void idNamesVersionAndDimension() {
        QCOMPARE(LocalEmbedder().id(), QStringLiteral("local-hash-v1-384"));
        QCOMPARE(LocalEmbedder(256).id(), QStringLiteral("local-hash-v1-256"));
        QCOMPARE(LocalEmbedder(256).dimension(), 256);
    }

    void vectorsAreUnitLength() {
        LocalEmbedder e;
        const auto v = embed(e, QStringLiteral("Open a file and read it line by line."));
        QVERIFY(std::abs(dot(v, v) - 1.0) < 1e-5);
        const auto empty = embed(e, QString());
        QCOMPARE(dot(empty, empty), 0.0);
    }

    void sameTextSameVectorOnEveryThread() {
        LocalEmbedder e;
        const QString text = QStringLiteral("The quick brown fox jumps over the lazy dog");
        const auto here = embed(e, text);
        const auto there = QtConcurrent::run([&] { return embed(e, text); }).result();
        QCOMPARE(here, there);
    }

    // Pins the features: stored vectors must stay valid across builds and machines. If this fails,
    // the embedder changed and LocalEmbedder::kVersion must be bumped.
    void vectorsAreStableAcrossVersions() {
        LocalEmbedder e(64);
        const auto v = embed(e, QStringLiteral("Reading files: use open() and iterate over lines."));
        QString signature;
        for (int i = 0; i < 16; ++i)
            signature += QString::number(v[static_cast<size_t>(i)], 'f', 4) + QLatin1Char(' ');
        QCOMPARE(signature.trimmed(),
                 QStringLiteral(
                     "-0.0830 0.0000 0.2676 0.0000 0.0000 -0.3156 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 "
                     "-0.2140 0.0000 -0.0830 0.0000"));
    }

    void relatedTextsAreCloserThanUnrelatedOnes() {
        LocalEmbedder e;
        const auto query = embed(e, QStringLiteral("how to read a file line by line"));
        const auto related =
            embed(e, QStringLiteral("To read lines from a file, loop over the file object: for line in f"));
        const auto unrelated =
            embed(e, QStringLiteral("The decimal module supports correctly rounded arithmetic"));
        QVERIFY(dot(query, related) > dot(query, unrelated) + 0.1);
    }

    void stemmingAndStopwordsMatter() {
        LocalEmbedder e;
        // Inflected forms share a stem; stopwords alone carry no signal.
        const auto a = embed(e, QStringLiteral("parsing arguments"));
        const auto b = embed(e, QStringLiteral("parse argument"));
        QVERIFY(dot(a, b) > 0.5);
        const auto stop = embed(e, QStringLiteral("the of and to"));
        QCOMPARE(dot(stop, stop), 0.0);
    }

    void batchEmbeddingMatchesSingle() {
        LocalEmbedder e(32);
        const std::vector<QString> texts = {QStringLiteral("alpha beta"), QStringLiteral("gamma delta")};
        std::vector<float> out(64);
        QVERIFY(e.embed(texts, out).ok());
        QCOMPARE(std::vector<float>(out.begin() + 32, out.end()), embed(e, texts[1]));
        std::vector<float> wrong(10);
        QVERIFY(!e.embed(texts, wrong).ok());
        std::stop_source stop;
        stop.request_stop();
        QCOMPARE(e.embed(texts, out, stop.get_token()).error().code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestLocalEmbedder)
#include "test_local_embedder.moc"
