#include "engine/embed/local_embedder.h"

#include "engine/core/hashing.h"
#include "engine/embed/text_analyzer.h"

#include <algorithm>
#include <cmath>

namespace docrag {
namespace {

constexpr quint64 kBigramSeed = 0xb16a;
constexpr quint64 kGramSeed = 0xc4a7;
constexpr float kWordWeight = 1.0f;
constexpr float kBigramWeight = 0.6f;
constexpr float kGramWeight = 0.2f;
constexpr int kGram = 4;

struct Scratch final {
    TextAnalyzer analyzer;
    QString lowered;
    std::vector<TextAnalyzer::Term> terms;
};

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

quint64 mix(quint64 a, quint64 b) {
    const quint64 pair[2] = {a, b};
    return Hashing::xxh3(QByteArrayView(reinterpret_cast<const char*>(pair), sizeof(pair)), kBigramSeed);
}

void add(std::span<float> v, quint64 hash, float weight) {
    // Bucket from the high bits (fast range reduction), sign from an unrelated bit.
    const auto bucket = static_cast<size_t>((static_cast<unsigned __int128>(hash) * v.size()) >> 64);
    v[bucket] += (hash & (1ull << 17)) ? weight : -weight;
}

} // namespace

LocalEmbedder::LocalEmbedder(int dimension)
    : m_dimension(std::max(16, dimension)) {}

QString LocalEmbedder::id() const {
    return QStringLiteral("local-hash-v%1-%2").arg(kVersion).arg(m_dimension);
}

void LocalEmbedder::embedOne(QStringView text, std::span<float> out) const {
    std::fill(out.begin(), out.end(), 0.0f);
    Scratch& s = scratch();
    s.analyzer.analyze(text, s.lowered, s.terms);
    quint64 previous = 0;
    for (const TextAnalyzer::Term& term : s.terms) {
        if (term.stopword) {
            previous = 0;
            continue;
        }
        add(out, term.stemHash, kWordWeight);
        if (previous != 0)
            add(out, mix(previous, term.stemHash), kBigramWeight);
        previous = term.stemHash;

        // Character 4-grams of the surface form catch spelling variants and identifier pieces that
        // stemming misses; short words are covered by the word feature alone.
        if (term.length >= kGram + 1) {
            const QChar* word = s.lowered.constData() + term.start;
            for (qsizetype i = 0; i + kGram <= term.length; ++i)
                add(out, Hashing::xxh3(QStringView(word + i, kGram), kGramSeed), kGramWeight);
        }
    }
    // Sublinear weighting: a term repeated ten times should not count ten times as much.
    double norm = 0.0;
    for (float& x : out) {
        x = std::copysign(std::log1p(std::fabs(x)), x);
        norm += static_cast<double>(x) * x;
    }
    if (norm > 0.0) {
        const auto inv = static_cast<float>(1.0 / std::sqrt(norm));
        for (float& x : out)
            x *= inv;
    }
}

Status LocalEmbedder::embed(std::span<const QString> texts, std::span<float> out,
                            std::stop_token stop) const {
    const auto dim = static_cast<size_t>(m_dimension);
    if (out.size() != texts.size() * dim)
        return Error{ErrorCode::Internal, QStringLiteral("embedding buffer has the wrong size")};
    for (size_t i = 0; i < texts.size(); ++i) {
        if (stop.stop_requested())
            return Error{ErrorCode::Cancelled, QStringLiteral("cancelled")};
        embedOne(texts[i], out.subspan(i * dim, dim));
    }
    return {};
}

} // namespace docrag
