#pragma once

#include <QObject>
#include <QString>

namespace docrag {

class RagEngine;

// Team libraries' passwords in the OS keychain (never in a file, never logged), handed to the engine
// for this process: load() reads those of every subscribed library, store() keeps a new one. Without a
// keychain, a password typed in serves this session only, and libpq's own sources (~/.pgpass,
// PGPASSWORD) still apply.
class LibraryPasswords final : public QObject {
    Q_OBJECT

public:
    explicit LibraryPasswords(RagEngine& engine, QObject* parent = nullptr);

    static QString keyName(const QString& url);
    void load();
    void store(const QString& url, const QString& password);
    void forget(const QString& url);

signals:
    // After load(): every keychain answer is in (found, missing or failed).
    void loaded();
    // After store(): `error` empty when the keychain keeps it.
    void stored(const QString& url, const QString& error);

private:
    RagEngine& m_engine;
};

} // namespace docrag
