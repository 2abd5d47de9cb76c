#include "engine/index/vector_index.h"
#include "engine/store/sql_vector.h"
#include "tests/support/cli_process.h"
#include "tests/support/temp_tree.h"
#include "tests/support/watchdog.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <map>
#include <random>

using namespace docrag;
using test::CliProcess;

namespace {

// An uninterrupted CLI run longer than this is a hang (its stacks are printed); the watchdog allows
// twice as long between two runs of any kind.
constexpr int kStallMs = 120000;
constexpr int kFiles = 1500;
const QString kCollection = QStringLiteral("killed");

int wantedLandings() {
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("DOCRAG_KILL_LANDINGS", &ok);
    return ok && fromEnv > 0 ? fromEnv : 20;
}

quint64 chosenSeed() {
    bool ok = false;
    const quint64 fromEnv = qEnvironmentVariable("DOCRAG_KILL_SEED").toULongLong(&ok);
    return ok ? fromEnv : std::random_device{}();
}

// Documentation pages whose text is a function of (seed, file, version) alone, so that a page
// written again with the same version has the same bytes. A new version always changes the first
// section and every second one changes the rest: re-ingesting reuses some vectors and not others.
class Corpus final {
public:
    Corpus(const test::TempTree& tree, quint64 seed)
        : m_tree(tree)
        , m_seed(seed) {}

    void create(int files) {
        for (int i = 0; i < files; ++i)
            put(m_next++, 0);
    }

    // Rewrites about a quarter of the pages, deletes some, touches some without changing them and
    // adds new ones: the re-ingest replaces documents, deletes and inserts chunks and vectors.
    void mutate(std::mt19937_64& rng) {
        std::uniform_real_distribution<double> chance(0.0, 1.0);
        const std::map<int, int> before = m_versions;
        for (const auto& [file, version] : before) {
            const double roll = chance(rng);
            if (roll < 0.25) {
                put(file, version + 1);
            } else if (roll < 0.33) {
                QVERIFY(m_tree.remove(relative(file)));
                m_versions.erase(file);
            } else if (roll < 0.37) {
                QVERIFY(m_tree.touch(relative(file), 30));
            }
        }
        const int added = static_cast<int>(before.size() / 10) + 1;
        for (int i = 0; i < added; ++i)
            put(m_next++, 0);
    }

    QString root() const { return m_tree.filePath(QStringLiteral("docs")); }
    int size() const { return static_cast<int>(m_versions.size()); }
    // A phrase only file `file` holds, for the search comparison.
    static QString marker(int file) { return QStringLiteral("marker%1word").arg(file); }
    std::vector<int> files() const {
        std::vector<int> out;
        for (const auto& entry : m_versions)
            out.push_back(entry.first);
        return out;
    }

private:
    static QString relative(int file) {
        const char* suffix = file % 7 == 3 ? "txt" : file % 11 == 5 ? "rst" : "md";
        return QStringLiteral("docs/part%1/page%2.%3")
            .arg(file % 6)
            .arg(file, 4, 10, QLatin1Char('0'))
            .arg(suffix);
    }

    QString paragraph(std::mt19937_64& rng) const {
        static const QStringList words =
            QStringLiteral(
                "index vector query answer passage chunk token search server client request response cache "
                "option setting flag module service config build deploy release version schema table column "
                "row field value key thread pool lock queue worker task future promise signal slot event "
                "loop timer socket stream buffer parser loader chunker embedder model prompt context budget "
                "citation source anchor heading title page line range offset length hash digest file folder "
                "path root ignore pattern filter collection document library window dialog panel button")
                .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        std::uniform_int_distribution<int> pick(0, static_cast<int>(words.size()) - 1);
        std::uniform_int_distribution<int> length(40, 110);
        QString text;
        const int n = length(rng);
        for (int w = 0; w < n; ++w) {
            text += words[pick(rng)];
            text += (w % 13 == 12) ? QStringLiteral(". ") : QStringLiteral(" ");
        }
        return text.trimmed() + QStringLiteral(".\n\n");
    }

    QString page(int file, int version) const {
        const QString suffix = relative(file).section(QLatin1Char('.'), -1);
        std::mt19937_64 head(m_seed ^ (static_cast<quint64>(file) * 0x9E3779B97F4A7C15ull));
        const int sections = 3 + static_cast<int>(head() % 5);
        const QString title = QStringLiteral("Page %1 about %2").arg(file).arg(marker(file));
        QString text;
        if (suffix == QLatin1String("rst"))
            text =
                title + QLatin1Char('\n') + QString(title.size(), QLatin1Char('=')) + QStringLiteral("\n\n");
        else if (suffix == QLatin1String("md"))
            text = QStringLiteral("# ") + title + QStringLiteral("\n\n");
        else
            text = title + QStringLiteral("\n\n");
        for (int s = 0; s < sections; ++s) {
            const int sectionVersion = s == 0 ? version : version / 2;
            std::mt19937_64 rng(m_seed + static_cast<quint64>(file) * 1000003ull + s * 7919ull +
                                static_cast<quint64>(sectionVersion) * 104729ull);
            const QString heading = QStringLiteral("Section %1 v%2").arg(s).arg(sectionVersion);
            if (suffix == QLatin1String("rst"))
                text += heading + QLatin1Char('\n') + QString(heading.size(), QLatin1Char('-')) +
                        QStringLiteral("\n\n");
            else if (suffix == QLatin1String("md"))
                text += QStringLiteral("## ") + heading + QStringLiteral("\n\n");
            const int paragraphs = 1 + static_cast<int>(rng() % 3);
            for (int p = 0; p < paragraphs; ++p)
                text += paragraph(rng);
            if (suffix == QLatin1String("md") && rng() % 3 == 0)
                text += QStringLiteral("```cpp\nint step%1 = configure(%2);\n```\n\n").arg(s).arg(file);
        }
        return text;
    }

    void put(int file, int version) {
        QVERIFY(!m_tree.write(relative(file), page(file, version)).isEmpty());
        m_versions[file] = version;
    }

    const test::TempTree& m_tree;
    quint64 m_seed;
    std::map<int, int> m_versions; // live file -> version
    int m_next = 0;
};

// A CLI run killed with SIGKILL after `delayMs`, unless it ended first.
struct KilledRun final {
    bool killed = false; // SIGKILL ended it: it was still running when the signal came
    bool wrote = false;  // it had committed at least one file (its --verbose lines say so) by then
    int exitCode = -1;   // when it ended on its own
    QByteArray err;
};

KilledRun runAndKill(const QStringList& args, int delayMs) {
    QProcess p;
    p.start(CliProcess::path(), args);
    KilledRun r;
    if (!p.waitForStarted(kStallMs))
        return r;
    // waitForFinished reads the pipes meanwhile, so the child never blocks on a full one.
    if (!p.waitForFinished(delayMs)) {
        p.kill();
        p.waitForFinished(kStallMs);
        // A normal exit here means it ended between the timeout and the signal: not a landing.
        r.killed = p.exitStatus() == QProcess::CrashExit;
    }
    if (!r.killed)
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    // The CLI prints a file's line after its transaction commits (and flushes it).
    static const QRegularExpression written(QStringLiteral("^(indexed|removed|skipped|failed) "),
                                            QRegularExpression::MultilineOption);
    r.wrote = written.match(QString::fromUtf8(p.readAllStandardOutput())).hasMatch();
    r.err = p.readAllStandardError();
    return r;
}

bool copyTree(const QString& from, const QString& to) {
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = QDir(from).relativeFilePath(source);
        if (relative.startsWith(QLatin1String("logs/")))
            continue;
        const QString target = QDir(to).filePath(relative);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
    }
    return true;
}

// A connection to a data folder's database while no CLI runs, closed when it goes.
class Db final {
public:
    explicit Db(const QString& dataDir)
        : m_name(QStringLiteral("kill-read-%1").arg(++s_serial)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(dataDir + QStringLiteral("/docrag.sqlite3"));
        db.open();
    }
    ~Db() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }
    // The first column of each row of `sql` (bound to the collection's name where it asks for one).
    QStringList column(const QString& sql) const {
        QSqlQuery q(db());
        q.prepare(sql);
        if (sql.contains(QLatin1Char('?')))
            q.addBindValue(kCollection);
        QStringList out;
        if (!q.exec())
            return {QStringLiteral("error: ") + sql};
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < q.record().count(); ++i)
                fields << q.value(i).toString();
            out << fields.join(QLatin1Char(' '));
        }
        return out;
    }
    QString value(const QString& sql) const {
        const QStringList rows = column(sql);
        return rows.isEmpty() ? QString() : rows.front();
    }

private:
    static inline int s_serial = 0;
    QString m_name;
};

const QString kDocuments = QStringLiteral(
    "SELECT d.path, d.content_hash, d.status, d.size FROM documents d JOIN collections c ON c.id = "
    "d.collection_id WHERE c.name = ? ORDER BY d.path");
const QString kChunks =
    QStringLiteral("SELECT d.path, k.ordinal, k.text_hash, k.heading_path, k.loc_start, k.loc_end FROM "
                   "chunks k JOIN documents d ON d.id = k.document_id JOIN collections c ON c.id = "
                   "d.collection_id WHERE c.name = ? ORDER BY d.path, k.ordinal");

struct Tally final {
    int landings = 0; // killed while running, after it had committed a file
    int early = 0;    // killed while running, before it had committed any
    int missed = 0;   // the ingest had ended before the signal was due
    int resumes = 0;  // with --resume
    int reruns = 0;   // the same command again
    int rounds = 0;
};

} // namespace

// SIGKILL of `docrag-cli ingest` at random moments: a first ingest from scratch, then rounds that
// rewrite, delete, touch and add pages and ingest again, each killed and resumed (with --resume or
// the same command) until it completes, until DOCRAG_KILL_LANDINGS kills (20 by default) have hit an
// ingest that was writing. After each round the collection must equal what one uninterrupted ingest
// of the same change made in a copy of the data folder, with every passage's vector in the database
// and the index; at the end, what an ingest from scratch makes, with the same search results.
// DOCRAG_KILL_SEED replays a run.
class TestKillIngest final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    quint64 m_seed = 0;
    std::mt19937_64 m_rng;
    Tally m_tally;
    test::Watchdog m_watchdog{2 * kStallMs};

    QString killedDir() const { return m_tree.filePath(QStringLiteral("killed")); }

    QStringList ingestArgs(const QString& dataDir, const QString& root) const {
        return {QStringLiteral("ingest"),     root,    QStringLiteral("--collection"), kCollection,
                QStringLiteral("--data-dir"), dataDir, QStringLiteral("--verbose")};
    }

    // One uninterrupted ingest; returns its wall time (the range the kills are drawn from).
    qint64 ingestOnce(const QString& dataDir, const QString& root) {
        m_watchdog.kick(QStringLiteral("uninterrupted ingest into ") + dataDir);
        const QStringList args = ingestArgs(dataDir, root);
        const auto r = CliProcess::run(args, kStallMs);
        [&] { QVERIFY2(r.exitCode == 0, qPrintable(r.describe(args))); }();
        return r.elapsedMs;
    }

    // Kills, resumes and kills again until a run ends on its own.
    void killUntilComplete(const QString& root, qint64 durationMs) {
        std::uniform_int_distribution<qint64> delay(0, std::max<qint64>(1, durationMs));
        bool resuming = false;
        for (int attempt = 0;; ++attempt) {
            QStringList args = ingestArgs(killedDir(), root);
            const bool withResume = resuming && m_rng() % 2 == 0;
            if (withResume)
                args = {QStringLiteral("ingest"),       QStringLiteral("--resume"),
                        QStringLiteral("--collection"), kCollection,
                        QStringLiteral("--data-dir"),   killedDir(),
                        QStringLiteral("--verbose")};
            if (attempt >= 60) {
                // Kills keep landing before the end (a resume slower than the run it resumes?): let one
                // finish, and say so.
                qWarning("round %d: no run ended within %d kills; finishing uninterrupted", m_tally.rounds,
                         attempt);
                ingestOnce(killedDir(), root);
                return;
            }
            const int ms = static_cast<int>(delay(m_rng));
            m_watchdog.kick(QStringLiteral("ingest killed after %1 ms: %2").arg(ms).arg(args.join(' ')));
            const KilledRun r = runAndKill(args, ms);
            if (resuming)
                ++(withResume ? m_tally.resumes : m_tally.reruns);
            if (r.killed) {
                ++(r.wrote ? m_tally.landings : m_tally.early);
                resuming = true;
                continue;
            }
            if (withResume && r.exitCode == 1 &&
                (r.err.contains("no ingest to resume") || r.err.contains("no collection named"))) {
                // Killed before the first run recorded what to resume: only the same command can start.
                resuming = false;
                continue;
            }
            QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("%1 exited %2: %3")
                                                     .arg(args.join(' '))
                                                     .arg(r.exitCode)
                                                     .arg(QString::fromUtf8(r.err.trimmed().right(800)))));
            ++m_tally.missed;
            return;
        }
    }

    // What no kill may break: the database's integrity, one vector per passage in the database and
    // in the index, the full-text index in step, and a complete ingest state.
    void checkIntegrity(const QString& dataDir) {
        const Db db(dataDir);
        QCOMPARE(db.value(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(db.column(QStringLiteral("PRAGMA foreign_key_check")), QStringList());
        QSqlQuery fts(db.db());
        QVERIFY2(
            fts.exec(QStringLiteral("INSERT INTO chunks_fts(chunks_fts, rank) VALUES('integrity-check', 1)")),
            "the full-text index does not match the chunks");
        QCOMPARE(db.value(QStringLiteral("SELECT ingest_state FROM collections WHERE name = ?")), QString());
        const QString id = db.value(QStringLiteral("SELECT id FROM collections WHERE name = ?"));
        const QString embedder =
            db.value(QStringLiteral("SELECT embedder_id FROM collections WHERE name = ?"));
        QVERIFY(!id.isEmpty());
        const QString chunkCount =
            db.value(QStringLiteral("SELECT count(*) FROM chunks k JOIN documents d ON d.id = k.document_id "
                                    "WHERE d.collection_id = %1")
                         .arg(id));
        QVERIFY(chunkCount.toInt() > 0);
        QCOMPARE(
            db.value(QStringLiteral("SELECT count(*) FROM (SELECT document_id, ordinal FROM chunks GROUP BY "
                                    "document_id, ordinal HAVING count(*) > 1)")),
            QStringLiteral("0"));
        // Every passage has exactly its one vector, of the collection's embedder, and no vector is orphaned.
        QCOMPARE(
            db.value(QStringLiteral("SELECT count(*) FROM chunks k JOIN documents d ON d.id = k.document_id "
                                    "WHERE d.collection_id = %1 AND NOT EXISTS (SELECT 1 FROM embeddings e "
                                    "WHERE e.chunk_id = k.id AND e.embedder_id = '%2')")
                         .arg(id, embedder)),
            QStringLiteral("0"));
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM embeddings e WHERE NOT EXISTS (SELECT 1 FROM "
                                         "chunks k WHERE k.id = e.chunk_id)")),
                 QStringLiteral("0"));

        // The index file: what the health check reads (generation, count, checksum) ...
        QFile sidecarFile(dataDir + QStringLiteral("/indexes/collection-%1.hnsw.json").arg(id));
        QVERIFY2(sidecarFile.open(QIODevice::ReadOnly), "no vector index was saved");
        const QJsonObject sidecar = QJsonDocument::fromJson(sidecarFile.readAll()).object();
        QCOMPARE(QString::number(sidecar.value(QLatin1String("generation")).toInteger()),
                 db.value(QStringLiteral("SELECT generation FROM collections WHERE name = ?")));
        QCOMPARE(QString::number(sidecar.value(QLatin1String("count")).toInteger()), chunkCount);
        // ... and the graph itself: it holds exactly the passages' ids (removing each takes exactly one
        // away), and a sample of their vectors finds its passage.
        const int dimension = sidecar.value(QLatin1String("dimension")).toInt();
        auto index =
            VectorIndex::load(dataDir + QStringLiteral("/indexes/collection-%1.hnsw").arg(id), dimension);
        QVERIFY2(index, index ? "" : qPrintable(index.error().message));
        QCOMPARE(static_cast<qint64>((*index)->size()), chunkCount.toLongLong());
        QSqlQuery vectors(db.db());
        vectors.setForwardOnly(true);
        QVERIFY(
            vectors.exec(QStringLiteral("SELECT e.chunk_id, e.vector FROM embeddings e JOIN chunks k ON k.id "
                                        "= e.chunk_id JOIN documents d ON d.id = k.document_id WHERE "
                                        "d.collection_id = %1 AND e.embedder_id = '%2' ORDER BY e.chunk_id")
                             .arg(id, embedder)));
        std::vector<qint64> ids;
        std::vector<std::pair<qint64, QByteArray>> sample;
        while (vectors.next()) {
            const QByteArray blob = vectors.value(1).toByteArray();
            QCOMPARE(blob.size(), static_cast<int>(dimension * sizeof(float)));
            ids.push_back(vectors.value(0).toLongLong());
            if (ids.size() % 37 == 1)
                sample.emplace_back(ids.back(), blob);
        }
        int lost = 0;
        for (const auto& [chunk, blob] : sample) {
            auto hits = (*index)->searchExact(blobVector(blob), 4);
            QVERIFY(hits);
            const auto id = chunk; // clang 14 cannot capture a structured binding
            if (std::none_of(hits->begin(), hits->end(),
                             [id](const ScoredChunk& h) { return h.chunkId == id; }))
                ++lost;
        }
        QCOMPARE(lost, 0);
        int absent = 0;
        for (qint64 chunk : ids) {
            const size_t before = (*index)->size();
            (*index)->remove(chunk);
            absent += (*index)->size() == before - 1 ? 0 : 1;
        }
        QCOMPARE(absent, 0);
        QCOMPARE((*index)->size(), size_t(0));
    }

    void compareContents(const QString& got, const QString& expected) {
        const Db a(got);
        const Db b(expected);
        const QStringList documents = a.column(kDocuments);
        QCOMPARE(documents.size(), b.column(kDocuments).size());
        QCOMPARE(documents, b.column(kDocuments));
        const QStringList chunks = a.column(kChunks);
        QCOMPARE(chunks.size(), b.column(kChunks).size());
        QCOMPARE(chunks, b.column(kChunks));
    }

    // The top `k` results of a search: where each passage is, and in bm25 mode its BM25 score. Not the
    // fused score: it follows the rank alone, so it cannot tell two passages tied in BM25 (which come in
    // the order of their chunk ids, and ids differ between the folders).
    QStringList searchResults(const QString& dataDir, const QString& query, const QString& mode, int k) {
        const QStringList args{QStringLiteral("search"),
                               query,
                               QStringLiteral("--mode"),
                               mode,
                               QStringLiteral("-k"),
                               QString::number(k),
                               QStringLiteral("--json"),
                               QStringLiteral("--data-dir"),
                               dataDir};
        m_watchdog.kick(args.join(' '));
        const auto r = CliProcess::run(args, kStallMs);
        if (r.exitCode != 0)
            return {r.describe(args)};
        QStringList out;
        for (const QJsonValue hit :
             QJsonDocument::fromJson(r.out).object().value(QLatin1String("results")).toArray()) {
            const QJsonObject h = hit.toObject();
            QString line =
                QStringLiteral("%1 %2 %3")
                    .arg(QDir(m_tree.path()).relativeFilePath(h.value(QLatin1String("path")).toString()))
                    .arg(h.value(QLatin1String("line_start")).toInt())
                    .arg(h.value(QLatin1String("heading_path")).toString());
            // "score" is the fused score, which only says the rank: the BM25 score itself tells ties.
            if (mode == QLatin1String("bm25"))
                line +=
                    QStringLiteral(" %1").arg(h.value(QLatin1String("lexical_score")).toDouble(), 0, 'f', 5);
            out << line;
        }
        return out;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(CliProcess::path()), qPrintable(CliProcess::path()));
        m_seed = chosenSeed();
        m_rng.seed(m_seed);
        qInfo("DOCRAG_KILL_SEED=%llu DOCRAG_KILL_LANDINGS=%d", static_cast<unsigned long long>(m_seed),
              wantedLandings());
    }

    void killedIngestsResumeToWhatOneIngestMakes() {
        QElapsedTimer clock;
        clock.start();
        Corpus corpus(m_tree, m_seed);
        corpus.create(kFiles);
        const int wanted = wantedLandings();
        // Each round costs an uninterrupted ingest besides the killed ones; a bound ends a run whose
        // kills keep missing.
        for (int round = 0; m_tally.landings < wanted && round < 8 * wanted; ++round) {
            if (round > 0) {
                corpus.mutate(m_rng);
                if (QTest::currentTestFailed())
                    return;
            }
            m_tally.rounds = round + 1;
            const QString reference = m_tree.filePath(QStringLiteral("round-%1").arg(round));
            QVERIFY(copyTree(killedDir(), reference));
            const qint64 duration = ingestOnce(reference, corpus.root());
            if (QTest::currentTestFailed())
                return;
            const int before = m_tally.landings;
            killUntilComplete(corpus.root(), duration);
            if (QTest::currentTestFailed())
                return;
            QElapsedTimer checking;
            checking.start();
            checkIntegrity(killedDir());
            if (QTest::currentTestFailed())
                return;
            compareContents(killedDir(), reference);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(QDir(reference).removeRecursively());
            qInfo("round %d: %d files, uninterrupted %lld ms, %d landings, checked in %lld ms, %lld s so far",
                  round, corpus.size(), duration, m_tally.landings - before, checking.elapsed(),
                  clock.elapsed() / 1000);
        }

        // The end state is also what one ingest from scratch of the final folder makes ...
        const QString scratch = m_tree.filePath(QStringLiteral("scratch"));
        ingestOnce(scratch, corpus.root());
        if (QTest::currentTestFailed())
            return;
        compareContents(killedDir(), scratch);
        if (QTest::currentTestFailed())
            return;
        // ... and answers the same keyword searches. Only BM25: it is exact, while the graph search of two
        // indexes built in different orders (one of them full of removed entries) may rank near-ties
        // differently, even for a passage's own opening; the index itself is checked entry by entry above.
        QStringList queries;
        for (const QString& text : Db(scratch).column(
                 QStringLiteral("SELECT text FROM chunks WHERE id % 401 = 7 ORDER BY id LIMIT 5")))
            queries << text.simplified().section(QLatin1Char(' '), 0, 19);
        QCOMPARE(queries.size(), 5);
        for (const QString& query : queries) {
            for (const auto& [mode, k] : {std::pair{QStringLiteral("bm25"), 5}}) {
                const QStringList got = searchResults(killedDir(), query, mode, k);
                const QStringList expected = searchResults(scratch, query, mode, k);
                // Same scores at every rank; the same passage wherever its score is not tied with another
                // (ties are ordered by chunk id, and ids differ between the two folders).
                const auto scores = [](const QStringList& rows) {
                    QStringList out;
                    for (const QString& row : rows)
                        out << row.section(QLatin1Char(' '), -1);
                    return out;
                };
                bool same = got.size() == k && scores(got) == scores(expected);
                for (qsizetype i = 0; same && i < expected.size(); ++i)
                    same = scores(expected).count(scores(expected)[i]) > 1 || got[i] == expected[i];
                QVERIFY2(same, qPrintable(QStringLiteral("%1 \"%2\":\n  got      %3\n  expected %4")
                                              .arg(mode, query, got.join(QStringLiteral("\n           ")),
                                                   expected.join(QStringLiteral("\n           ")))));
            }
        }
        const QStringList health{QStringLiteral("health"), QStringLiteral("--json"),
                                 QStringLiteral("--data-dir"), killedDir()};
        const auto checked = CliProcess::run(health, kStallMs);
        QVERIFY2(checked.exitCode == 0,
                 qPrintable(checked.describe(health) + QString::fromUtf8(checked.out)));
        for (const QJsonValue check :
             QJsonDocument::fromJson(checked.out).object().value(QLatin1String("checks")).toArray()) {
            if (check.toObject().value(QLatin1String("name")).toString() == QLatin1String("index"))
                QVERIFY2(check.toObject().value(QLatin1String("state")).toString() == QLatin1String("ok"),
                         qPrintable(QString::fromUtf8(checked.out)));
        }

        qInfo("kill-ingest summary: seed %llu, %d landings, %d kills before any write, %d kills missed (the "
              "ingest had ended), %d resumes with --resume, %d with the same command, %d rounds, %lld s",
              static_cast<unsigned long long>(m_seed), m_tally.landings, m_tally.early, m_tally.missed,
              m_tally.resumes, m_tally.reruns, m_tally.rounds, clock.elapsed() / 1000);
        QVERIFY2(m_tally.landings >= wanted, "too few kills landed during an ingest");
    }
};

QTEST_GUILESS_MAIN(TestKillIngest)
#include "test_kill_ingest.moc"
