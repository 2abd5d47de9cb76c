#include "app/cli/eval_command.h"

#include "app/cli/cli_context.h"
#include "app/cli/cli_json.h"
#include "app/cli/search_command.h"
#include "engine/metrics/beir_dataset.h"
#include "engine/metrics/page_question_set.h"
#include "engine/rag/page_evaluator.h"
#include "engine/rag/retrieval_evaluator.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <map>

namespace docrag {
namespace {

// --tune name=value sets one RetrievalTuning knob: for tuning runs, not everyday use.
QString applyTuning(const QStringList& settings, RetrievalTuning& tuning) {
    const std::map<QString, double*> knobs = {
        {QStringLiteral("k1"), &tuning.k1},
        {QStringLiteral("b"), &tuning.b},
        {QStringLiteral("title"), &tuning.titleWeight},
        {QStringLiteral("heading"), &tuning.headingWeight},
        {QStringLiteral("text"), &tuning.textWeight},
        {QStringLiteral("rrf-k"), &tuning.rrfK},
        {QStringLiteral("lexical"), &tuning.lexicalWeight},
        {QStringLiteral("dense"), &tuning.denseWeight},
        {QStringLiteral("rerank-lexical"), &tuning.rerank.lexical},
        {QStringLiteral("rerank-dense"), &tuning.rerank.dense},
        {QStringLiteral("rerank-trigrams"), &tuning.rerank.trigrams},
        {QStringLiteral("rerank-fourgrams"), &tuning.rerank.fourgrams},
        {QStringLiteral("rerank-phrase"), &tuning.rerank.phrase},
        {QStringLiteral("rerank-page"), &tuning.rerank.page},
        {QStringLiteral("boilerplate"), &tuning.boilerplate},
        {QStringLiteral("join-words"), &tuning.joinWords},
    };
    for (const QString& setting : settings) {
        const qsizetype eq = setting.indexOf(QLatin1Char('='));
        if (setting.left(eq) == QLatin1String("rerank-pool")) {
            bool ok = false;
            tuning.rerank.pool = setting.mid(eq + 1).toInt(&ok);
            if (ok && tuning.rerank.pool >= 0)
                continue;
        }
        const auto knob = knobs.find(setting.left(eq));
        bool ok = false;
        const double value = setting.mid(eq + 1).toDouble(&ok);
        if (eq < 0 || knob == knobs.end() || !ok) {
            QStringList names;
            for (const auto& [name, pointer] : knobs)
                names << name;
            return QStringLiteral("--tune takes NAME=NUMBER with NAME one of %1")
                .arg(names.join(QLatin1String(", ")));
        }
        *knob->second = value;
    }
    return {};
}

QString modeName(SearchMode mode) {
    switch (mode) {
    case SearchMode::Lexical:
        return QStringLiteral("bm25");
    case SearchMode::Dense:
        return QStringLiteral("dense");
    case SearchMode::Hybrid:
        break;
    }
    return QStringLiteral("hybrid");
}

// --mode and --tune, the same for both kinds of evaluation.
QString readSearch(const QCommandLineParser& parser, SearchOptions& search) {
    if (const QString bad = SearchCommand::readMode(parser, QStringLiteral("mode"), search.mode);
        !bad.isEmpty())
        return bad;
    return applyTuning(parser.values(QStringLiteral("tune")), search.tuning);
}

QJsonObject scoresJson(const PageScores& s) {
    return {{QStringLiteral("hit_at_1"), s.hitAt1},
            {QStringLiteral("hit_at_5"), s.hitAt5},
            {QStringLiteral("mrr_at_10"), s.mrrAt10}};
}

QString scoresLine(const QString& name, const PageScores& s) {
    return QStringLiteral("  %1 %2   %3   %4\n")
        .arg(name.leftJustified(10), QString::number(s.hitAt1, 'f', 3), QString::number(s.hitAt5, 'f', 3),
             QString::number(s.mrrAt10, 'f', 3));
}

} // namespace

int EvalCommand::runQuestions(CliContext& context, const QCommandLineParser& parser) {
    const QString half = parser.value(QStringLiteral("half")).toLower();
    if (half != QLatin1String("all") && half != QLatin1String("tune") && half != QLatin1String("test"))
        return context.usage(QStringLiteral("--half is tune, test or all, not \"%1\"").arg(half));
    PageEvalOptions options;
    options.collection = parser.value(QStringLiteral("collection"));
    options.baseline = !parser.isSet(QStringLiteral("no-baseline"));
    if (options.collection.isEmpty())
        return context.usage(QStringLiteral("--questions needs --collection NAME (an ingested doc set)"));
    if (const QString bad = readSearch(parser, options.search); !bad.isEmpty())
        return context.usage(bad);
    auto set = PageQuestionSet::load(parser.value(QStringLiteral("questions")));
    if (!set)
        return context.failWith(set.error());
    const std::vector<PageQuestion> questions = set->questions(half);
    if (questions.empty())
        return context.failWith(
            Error{ErrorCode::InvalidArgument, QStringLiteral("no questions in that half")});
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    auto report = PageEvaluator(*engine).run(questions, options);
    if (!report)
        return context.failWith(report.error());
    const PageEvalReport& r = *report;
    if (context.json()) {
        QJsonArray results;
        for (const PageQuestionResult& q : r.results) {
            results.append(QJsonObject{{QStringLiteral("question"), q.question},
                                       {QStringLiteral("rank"), q.rank},
                                       {QStringLiteral("top"), q.top},
                                       {QStringLiteral("bm25_rank"), q.baselineRank},
                                       {QStringLiteral("bm25_top"), q.baselineTop},
                                       {QStringLiteral("extractive_first"), q.extractiveFirst}});
        }
        context.printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("collection"), r.collection},
            {QStringLiteral("mode"), modeName(options.search.mode)},
            {QStringLiteral("half"), half},
            {QStringLiteral("questions"), r.questions},
            {QStringLiteral("documents"), r.documents},
            {QStringLiteral("docrag"), scoresJson(r.ranked)},
            {QStringLiteral("bm25_1500"),
             options.baseline ? QJsonValue(scoresJson(r.baseline)) : QJsonValue()},
            {QStringLiteral("extractive"),
             QJsonObject{{QStringLiteral("first_quote_answers"), r.extractive.firstQuote},
                         {QStringLiteral("quotes_answering"), r.extractive.quotes}}},
            {QStringLiteral("latency"), CliJson::latency(r.latency)},
            {QStringLiteral("results"), results},
        }));
        return kExitOk;
    }
    QTextStream& out = context.out();
    out << "eval " << r.collection << " (" << modeName(options.search.mode) << "): " << r.questions
        << " questions (" << half << ") over " << r.documents << " documents, by page\n"
        << "             hit@1   hit@5   MRR@10\n"
        << scoresLine(QStringLiteral("docrag"), r.ranked)
        << (options.baseline ? scoresLine(QStringLiteral("bm25-1500"), r.baseline)
                             : QStringLiteral("  bm25-1500  (not run: --no-baseline)\n"))
        << "  offline answers: [1] from an answering page "
        << QString::number(r.extractive.firstQuote, 'f', 3) << ", quotes from answering pages "
        << QString::number(r.extractive.quotes, 'f', 3) << '\n'
        << "  latency per question: p50 " << QString::number(r.latency.p50, 'f', 2) << " ms, p95 "
        << QString::number(r.latency.p95, 'f', 2) << " ms\n";
    if (parser.isSet(QStringLiteral("misses"))) {
        for (const PageQuestionResult& q : r.results) {
            if (q.rank == 1)
                continue;
            out << "  [" << (q.rank > 0 ? QString::number(q.rank) : QStringLiteral("-")) << "] " << q.question
                << "\n      top: " << q.top << '\n';
        }
    }
    return kExitOk;
}

int EvalCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("corpus"), QStringLiteral("BEIR corpus.jsonl."), QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("queries"), QStringLiteral("BEIR queries.jsonl."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("qrels"), QStringLiteral("BEIR qrels TSV (query-id, corpus-id, score)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("mode"), QStringLiteral("hybrid (default), bm25 or dense."),
                      QStringLiteral("mode"), QStringLiteral("hybrid")});
    parser.addOption(
        {QStringLiteral("collection"),
         QStringLiteral("Collection to ingest the corpus into (default: beir-<folder of the corpus>)."),
         QStringLiteral("name")});
    parser.addOption({QStringLiteral("tune"), QStringLiteral("Set a ranking knob, NAME=NUMBER (repeatable)."),
                      QStringLiteral("setting")});
    parser.addOption(
        {QStringLiteral("questions"),
         QStringLiteral("A question set for --collection (TSV: question, pages, half): page-level "
                        "hit@1, hit@5 and MRR@10, beside plain BM25."),
         QStringLiteral("file")});
    parser.addOption({QStringLiteral("half"),
                      QStringLiteral("With --questions: tune, test or all (default)."),
                      QStringLiteral("half"), QStringLiteral("all")});
    parser.addOption({QStringLiteral("no-baseline"),
                      QStringLiteral("With --questions: skip plain BM25 (faster tuning runs).")});
    parser.addOption(
        {QStringLiteral("misses"),
         QStringLiteral("With --questions: list the questions whose answering page is not first.")});
    if (!context.parse(parser, args,
                       QStringLiteral("Measure retrieval quality on a BEIR benchmark, or on a question set "
                                      "for an ingested documentation collection.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    if (parser.isSet(QStringLiteral("questions")))
        return runQuestions(context, parser);
    for (const char* required : {"corpus", "queries", "qrels"}) {
        if (!parser.isSet(QLatin1String(required)))
            return context.usage(QStringLiteral("--%1 FILE is required").arg(QLatin1String(required)));
    }
    EvalOptions options;
    if (const QString bad = readSearch(parser, options.search); !bad.isEmpty())
        return context.usage(bad);
    const QString corpus = parser.value(QStringLiteral("corpus"));
    options.collection = parser.value(QStringLiteral("collection"));
    if (options.collection.isEmpty())
        options.collection = QStringLiteral("beir-") + QFileInfo(corpus).absoluteDir().dirName();

    auto data = BeirDataset::load(corpus, parser.value(QStringLiteral("queries")),
                                  parser.value(QStringLiteral("qrels")));
    if (!data)
        return context.failWith(data.error());
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    auto report = RetrievalEvaluator(*engine).run(*data, options);
    if (!report)
        return context.failWith(report.error());

    const EvalReport& r = *report;
    if (context.json()) {
        context.printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("collection"), r.collection},
            {QStringLiteral("mode"), modeName(options.search.mode)},
            {QStringLiteral("queries"), r.queries},
            {QStringLiteral("documents"), r.documents},
            {QStringLiteral("ndcg_at_10"), r.ndcgAt10},
            {QStringLiteral("recall_at_100"), r.recallAt100},
            {QStringLiteral("mrr_at_10"), r.mrrAt10},
            {QStringLiteral("latency"), CliJson::latency(r.latency)},
            {QStringLiteral("ingest"), CliJson::ingestReport(r.ingest, false)},
        }));
        return kExitOk;
    }
    QTextStream& out = context.out();
    out << "eval " << r.collection << " (" << modeName(options.search.mode) << "): " << r.queries
        << " queries over " << r.documents << " documents\n"
        << "  nDCG@10 " << QString::number(r.ndcgAt10, 'f', 4) << "  Recall@100 "
        << QString::number(r.recallAt100, 'f', 4) << "  MRR@10 " << QString::number(r.mrrAt10, 'f', 4) << '\n'
        << "  latency per query: p50 " << QString::number(r.latency.p50, 'f', 2) << " ms, p95 "
        << QString::number(r.latency.p95, 'f', 2) << " ms\n";
    return kExitOk;
}

} // namespace docrag
