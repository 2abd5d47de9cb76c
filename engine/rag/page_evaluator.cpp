#include "engine/rag/page_evaluator.h"

#include "engine/ingest/loader.h"
#include "engine/ingest/loader_registry.h"
#include "engine/llm/extractive_answerer.h"
#include "engine/rag/plain_bm25.h"
#include "engine/rag/rag_engine.h"

#include <QElapsedTimer>
#include <QFile>

namespace docrag {
namespace {

constexpr int kDepth = 10;
constexpr int kChunks = 60; // hits asked for: enough to fill ten pages

} // namespace

PageEvaluator::PageEvaluator(RagEngine& engine)
    : m_engine(engine) {}

int PageEvaluator::firstAnswer(const QStringList& pages, const PageQuestion& question) {
    for (qsizetype i = 0; i < pages.size() && i < kDepth; ++i) {
        if (PageQuestionSet::answers(pages[i], question))
            return static_cast<int>(i) + 1;
    }
    return 0;
}

PageScores PageEvaluator::score(const std::vector<int>& ranks) {
    PageScores s;
    if (ranks.empty())
        return s;
    for (int rank : ranks) {
        s.hitAt1 += rank == 1 ? 1.0 : 0.0;
        s.hitAt5 += rank >= 1 && rank <= 5 ? 1.0 : 0.0;
        s.mrrAt10 += rank >= 1 ? 1.0 / rank : 0.0;
    }
    const double n = static_cast<double>(ranks.size());
    s.hitAt1 /= n;
    s.hitAt5 /= n;
    s.mrrAt10 /= n;
    return s;
}

Status PageEvaluator::answerOffline(const PageQuestion& question, const SearchOptions& options,
                                    PageQuestionResult& result, int& answering, int& cited) const {
    // The passages an offline `ask` gets: the same search with the ask's own top-k.
    SearchOptions ask;
    ask.collections = options.collections;
    ask.mode = options.mode;
    ask.tuning = options.tuning;
    ask.snippets = false;
    auto hits = m_engine.search(question.text, ask);
    if (!hits)
        return hits.error();
    const Answer answer = ExtractiveAnswerer().answer(question.text, *hits);
    for (const Source& s : answer.sources) {
        ++cited;
        if (PageQuestionSet::answers(s.path, question))
            ++answering;
    }
    if (!answer.sources.empty())
        result.extractiveFirst = answer.sources.front().path;
    return {};
}

Result<int> PageEvaluator::buildBaseline(qint64 collectionId, PlainBm25& baseline) {
    auto documents = m_engine.documents(collectionId);
    if (!documents)
        return documents.error();
    const LoaderRegistry loaders;
    for (const Document& d : *documents) {
        if (d.status != DocumentStatus::Indexed)
            continue;
        const Loader* loader = loaders.loaderFor(d.path);
        QFile file(d.path);
        if (!loader || !file.open(QIODevice::ReadOnly))
            continue;
        auto parsed = loader->load(d.path, file.readAll());
        if (!parsed)
            continue;
        QStringList text{parsed->title};
        for (const Block& block : parsed->blocks)
            text << block.text;
        baseline.add(d.path, text.join(QLatin1Char('\n')));
    }
    return baseline.pages();
}

Result<PageEvalReport> PageEvaluator::run(const std::vector<PageQuestion>& questions,
                                          const PageEvalOptions& options) {
    auto collections = m_engine.collections();
    if (!collections)
        return collections.error();
    const auto found = std::find_if(collections->begin(), collections->end(), [&](const CollectionInfo& c) {
        return c.collection.name == options.collection;
    });
    if (found == collections->end())
        return Error{
            ErrorCode::NotFound,
            QStringLiteral("no collection \"%1\": ingest the doc set first").arg(options.collection)};

    PageEvalReport report;
    report.collection = options.collection;
    report.questions = static_cast<int>(questions.size());
    report.documents = static_cast<int>(found->stats.indexed);
    PlainBm25 baseline;
    if (options.baseline) {
        if (auto built = buildBaseline(found->collection.id, baseline); !built)
            return built.error();
    }

    SearchOptions search = options.search;
    search.collections = {options.collection};
    search.k = kChunks;
    search.candidates = std::max(search.candidates, search.k);
    search.snippets = false;
    std::vector<int> ranks;
    std::vector<int> baselineRanks;
    std::vector<double> latencies;
    int firstAnswering = 0;
    int quotesAnswering = 0;
    int quotes = 0;
    for (const PageQuestion& q : questions) {
        QElapsedTimer timer;
        timer.start();
        auto hits = m_engine.search(q.text, search);
        latencies.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!hits)
            return hits.error();
        QStringList pages;
        for (const Hit& hit : *hits) {
            if (!pages.contains(hit.path))
                pages << hit.path;
        }
        PageQuestionResult result;
        result.question = q.text;
        result.rank = firstAnswer(pages, q);
        result.top = pages.value(0);
        ranks.push_back(result.rank);
        if (options.baseline) {
            const QStringList plain = baseline.rank(q.text, kDepth);
            result.baselineRank = firstAnswer(plain, q);
            result.baselineTop = plain.value(0);
            baselineRanks.push_back(result.baselineRank);
        }
        int answering = 0;
        if (auto offline = answerOffline(q, search, result, answering, quotes); !offline)
            return offline.error();
        quotesAnswering += answering;
        if (!result.extractiveFirst.isEmpty() && PageQuestionSet::answers(result.extractiveFirst, q))
            ++firstAnswering;
        report.results.push_back(std::move(result));
    }
    if (!questions.empty())
        report.extractive.firstQuote =
            static_cast<double>(firstAnswering) / static_cast<double>(questions.size());
    if (quotes > 0)
        report.extractive.quotes = static_cast<double>(quotesAnswering) / static_cast<double>(quotes);
    report.ranked = score(ranks);
    report.baseline = score(baselineRanks);
    report.latency = Percentiles::summarize(std::move(latencies));
    return report;
}

} // namespace docrag
