#include "engine/rag/live_collections.h"

#include "engine/ingest/file_scanner.h"
#include "engine/ingest/folder_watcher.h"
#include "engine/rag/rag_engine.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <set>

namespace docrag {

struct LiveCollections::Followed final {
    Followed(qint64 quietMs, qint64 maxDelayMs)
        : batch(quietMs, maxDelayMs) {}

    ChangeBatch batch;
    bool watched = false;
    QStringList roots;
};

// What following a collection starts from: the folders to watch, from a scan with its ingest's options.
struct LiveCollections::Setup final {
    QString collection;
    QStringList roots;
    QStringList folders;
    QString error; // why there are none
};

LiveCollections::Setup LiveCollections::setupOf(RagEngine& engine, const QString& collection) {
    Setup setup{collection, {}, {}, {}};
    auto request = engine.syncRequest(collection);
    if (!request) {
        setup.error = request.error().message;
        return setup;
    }
    setup.roots = request->paths;
    for (const QString& root : std::as_const(request->paths)) {
        if (const QString network = FolderWatcher::networkFileSystem(root); !network.isEmpty()) {
            setup.error = QStringLiteral("%1 is on a network file system (%2), which does not report changes "
                                         "made on other machines")
                              .arg(root, network);
            return setup;
        }
    }
    ScanOptions options = request->scan;
    options.excludedDirs << engine.options().dataDir; // its own writes are no change
    auto scan = FileScanner(options).scan(request->paths);
    if (scan)
        setup.folders = scan->folders;
    else
        setup.error = scan.error().message;
    return setup;
}

std::vector<LiveCollections::Setup> LiveCollections::setupsOf(RagEngine& engine, const QStringList& only) {
    std::vector<Setup> setups;
    auto all = engine.collections();
    if (!all)
        return setups;
    for (const CollectionInfo& info : *all) {
        const Collection& c = info.collection;
        if (only.isEmpty() ? c.keepInSync : only.contains(c.name))
            setups.push_back(setupOf(engine, c.name));
    }
    return setups;
}

namespace {

LiveCollections::Outcome sync(RagEngine& engine, const QString& collection, const QStringList& changed,
                              std::stop_token stop) {
    LiveCollections::Outcome outcome;
    outcome.collection = collection;
    auto request = engine.syncRequest(collection, changed);
    if (!request) {
        outcome.error = request.error().message;
        return outcome;
    }
    auto report = engine.ingest(*request, stop);
    if (!report) {
        outcome.error = report.error().message;
        return outcome;
    }
    outcome.changedFiles = report->changedFiles();
    outcome.failedFiles = report->count(FileOutcome::Failed) + report->count(FileOutcome::Skipped);
    constexpr qsizetype kFailuresShown = 3;
    for (const FileReport& file : report->files) {
        if ((file.outcome == FileOutcome::Failed || file.outcome == FileOutcome::Skipped) &&
            outcome.failures.size() < kFailuresShown)
            outcome.failures << QStringLiteral("%1: %2").arg(QFileInfo(file.path).fileName(), file.detail);
    }
    outcome.embeddingsComputed = report->embeddingsComputed;
    outcome.embeddingsReused = report->embeddingsReused;
    if (report->cancelled)
        outcome.error = QStringLiteral("cancelled");
    return outcome;
}

} // namespace

LiveCollections::LiveCollections(RagEngine& engine, LiveOptions options, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_options(options)
    , m_watcher(new FolderWatcher(this))
    , m_timer(new QTimer(this))
    , m_rescan(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_rescan->setInterval(m_options.rescanIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LiveCollections::startDue);
    connect(m_rescan, &QTimer::timeout, this, &LiveCollections::rescanWhenDue);
    connect(m_watcher, &FolderWatcher::changed, this, &LiveCollections::changed);
    connect(m_watcher, &FolderWatcher::lost, this, &LiveCollections::lost);
}

LiveCollections::~LiveCollections() {
    // A sync still running ends at its next file; its result, bound to this object, is dropped.
    if (m_stop)
        m_stop->request_stop();
}

qint64 LiveCollections::nowMs() const {
    static const QElapsedTimer started = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return started.elapsed();
}

int LiveCollections::watchBudget() const {
    return m_options.watchBudget >= 0 ? m_options.watchBudget : FolderWatcher::systemLimit() / 2;
}

void LiveCollections::follow(const QStringList& only) {
    m_stopping = false;
    RagEngine* engine = &m_engine;
    m_engine.run([engine, only] { return setupsOf(*engine, only); })
        .then(this, [this](const std::vector<Setup>& setups) { setUp(setups); });
}

void LiveCollections::setUp(const std::vector<Setup>& setups) {
    if (m_stopping)
        return;
    std::set<QString> names;
    for (const Setup& s : setups)
        names.insert(s.collection);
    for (auto it = m_followed.begin(); it != m_followed.end();) {
        if (names.count(it->first)) {
            ++it;
            continue;
        }
        m_watcher->unwatchTree(it->first);
        it = m_followed.erase(it);
    }
    for (const Setup& s : setups) {
        std::unique_ptr<Followed>& followed = m_followed[s.collection];
        if (followed && followed->roots == s.roots)
            continue; // followed already, with its watches
        // New, or with other folders since (an ingest added one): watched again, and rescanned.
        const bool wasWatched = followed && followed->watched;
        if (!followed)
            followed = std::make_unique<Followed>(m_options.quietMs, m_options.maxDelayMs);
        followed->roots = s.roots;
        QString why = s.error;
        if (why.isEmpty()) {
            if (Status watched = m_watcher->watchTree(s.collection, s.folders, watchBudget()); !watched)
                why = watched.error().message;
        }
        followed->watched = why.isEmpty();
        if (followed->watched != wasWatched || !why.isEmpty())
            emit following(s.collection, followed->watched, why);
        followed->batch.addEverything(nowMs()); // what changed while nothing watched
    }
    const bool anyRescanned = std::any_of(m_followed.begin(), m_followed.end(),
                                          [](const auto& entry) { return !entry.second->watched; });
    if (anyRescanned && !m_rescan->isActive())
        m_rescan->start();
    else if (!anyRescanned)
        m_rescan->stop();
    schedule();
}

void LiveCollections::changed(const QString& collection, const QString& path) {
    const auto found = m_followed.find(collection);
    if (found == m_followed.end())
        return;
    found->second->batch.add(path, nowMs());
    schedule();
}

void LiveCollections::lost(const QString& collection, bool watched) {
    const auto found = m_followed.find(collection);
    if (found == m_followed.end())
        return;
    Followed& followed = *found->second;
    followed.batch.addEverything(nowMs());
    if (!watched && followed.watched) {
        followed.watched = false;
        emit following(
            collection, false,
            QStringLiteral("its new folders are over the %1 folder watches allowed").arg(watchBudget()));
        m_rescan->start();
    }
    schedule();
}

void LiveCollections::rescanWhenDue() {
    for (auto& [name, followed] : m_followed) {
        if (!followed->watched)
            followed->batch.addEverything(nowMs());
    }
    schedule();
}

void LiveCollections::schedule() {
    if (!m_running.isEmpty() || m_stopping)
        return;
    qint64 due = -1;
    for (const auto& [name, followed] : m_followed) {
        const qint64 at = followed->batch.dueAtMs();
        if (at >= 0 && (due < 0 || at < due))
            due = at;
    }
    if (due < 0) {
        m_timer->stop();
        return;
    }
    m_timer->start(static_cast<int>(std::clamp<qint64>(due - nowMs(), 0, 60 * 60 * 1000)));
}

void LiveCollections::startDue() {
    if (!m_running.isEmpty() || m_stopping)
        return;
    const qint64 now = nowMs();
    auto next = m_followed.end();
    for (auto it = m_followed.begin(); it != m_followed.end(); ++it) {
        const qint64 at = it->second->batch.dueAtMs();
        if (at >= 0 && at <= now && (next == m_followed.end() || at < next->second->batch.dueAtMs()))
            next = it;
    }
    if (next == m_followed.end()) {
        schedule();
        return;
    }
    const ChangeBatch::Taken taken = next->second->batch.take();
    const QString collection = next->first;
    m_running = collection;
    m_stop = std::make_unique<std::stop_source>();
    emit syncStarted(collection);
    RagEngine* engine = &m_engine;
    const QStringList changed = taken.everything ? QStringList() : taken.paths;
    const std::stop_token stop = m_stop->get_token();
    m_engine.runLong([engine, collection, changed, stop] { return sync(*engine, collection, changed, stop); })
        .then(this, [this](const Outcome& outcome) { finished(outcome); });
}

void LiveCollections::finished(const Outcome& outcome) {
    m_running.clear();
    m_stop.reset();
    emit syncFinished(outcome);
    if (m_stopping) {
        emit stopped();
        return;
    }
    schedule();
}

void LiveCollections::stop() {
    m_stopping = true;
    m_timer->stop();
    m_rescan->stop();
    for (const auto& [name, followed] : m_followed)
        m_watcher->unwatchTree(name);
    m_followed.clear();
    if (m_stop)
        m_stop->request_stop();
    if (m_running.isEmpty())
        emit stopped();
}

} // namespace docrag
