#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace docrag {

// The changes under one collection's folders that wait to be ingested. A burst (a `git checkout`, an
// editor's save through a temporary file) coalesces into one run: the batch is due once no change came
// for `quietMs`, and at the latest `maxDelayMs` after its first change, so a folder that never rests is
// still synced. Past `maxPaths` paths, a rescan of the whole tree costs less than looking at each.
class ChangeBatch final {
public:
    ChangeBatch(qint64 quietMs, qint64 maxDelayMs, int maxPaths = 256);

    void add(const QString& path, qint64 nowMs);
    // The whole tree, for when changes were lost or nothing tells what changed.
    void addEverything(qint64 nowMs);
    bool isEmpty() const { return !m_everything && m_paths.isEmpty(); }
    // When to ingest what is here (-1: nothing is).
    qint64 dueAtMs() const;

    struct Taken final {
        bool everything = false;
        QStringList paths; // sorted, none under another; empty when everything is
    };
    // Empties the batch.
    Taken take();

private:
    void touched(qint64 nowMs);

    qint64 m_quietMs;
    qint64 m_maxDelayMs;
    int m_maxPaths;
    QSet<QString> m_paths;
    bool m_everything = false;
    qint64 m_firstMs = -1;
    qint64 m_lastMs = -1;
};

} // namespace docrag
