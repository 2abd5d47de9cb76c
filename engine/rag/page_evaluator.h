#pragma once

#include "engine/core/result.h"
#include "engine/index/hybrid_retriever.h"
#include "engine/metrics/page_question_set.h"
#include "engine/metrics/percentiles.h"

#include <QString>

#include <vector>

namespace docrag {

class PlainBm25;
class RagEngine;

struct PageEvalOptions final {
    QString collection;   // an ingested collection: the doc set the questions are about
    SearchOptions search; // mode and tuning; k and the collection are set here
    bool baseline = true; // also rank with plain BM25 over 1,500-character windows (PlainBm25)
};

// hit@1, hit@5 (an answering page first, or in the first five) and MRR@10, over pages.
struct PageScores final {
    double hitAt1 = 0.0;
    double hitAt5 = 0.0;
    double mrrAt10 = 0.0;
};

// The offline answer to each question (ExtractiveAnswerer over the passages `ask` would get): how often
// what it quotes comes from a page that answers.
struct ExtractiveScores final {
    double firstQuote = 0.0; // its [1] is on an answering page
    double quotes = 0.0;     // share of all its citations that are on answering pages
};

struct PageQuestionResult final {
    QString question;
    int rank = 0; // of the first answering page among the ranked pages, 1-based; 0: not in the first 10
    QString top;  // the first page ranked
    int baselineRank = 0;
    QString baselineTop;
    QString extractiveFirst; // the page of the offline answer's [1]; empty when it quoted nothing
};

struct PageEvalReport final {
    QString collection;
    int questions = 0;
    int documents = 0;
    PageScores ranked;
    PageScores baseline;
    ExtractiveScores extractive;
    LatencySummary latency; // of DocRag's searches, per question, in milliseconds
    std::vector<PageQuestionResult> results;
};

// Measures how well search finds the page that answers a question, on a real documentation set that the
// caller ingested: DocRag's ranking (hits folded into pages, in order) against plain BM25 over the same
// pages' text, read again by the same loaders.
class PageEvaluator final {
public:
    explicit PageEvaluator(RagEngine& engine);

    Result<PageEvalReport> run(const std::vector<PageQuestion>& questions, const PageEvalOptions& options);

    // The scores of one ranking of page paths (see PageQuestionSet::answers): 1-based rank of the first
    // answering page within the first 10, 0 when none.
    static int firstAnswer(const QStringList& pages, const PageQuestion& question);
    static PageScores score(const std::vector<int>& ranks);

private:
    Status answerOffline(const PageQuestion& question, const SearchOptions& options,
                         PageQuestionResult& result, int& answering, int& cited) const;
    Result<int> buildBaseline(qint64 collectionId, PlainBm25& baseline);

    RagEngine& m_engine;
};

} // namespace docrag
