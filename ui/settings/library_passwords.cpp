#include "ui/settings/library_passwords.h"

#include "engine/library/team_libraries.h"
#include "engine/rag/rag_engine.h"
#include "ui/settings/api_key_store.h"

#include <QPointer>

#include <memory>

namespace docrag {

LibraryPasswords::LibraryPasswords(RagEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine) {}

QString LibraryPasswords::keyName(const QString& url) {
    return QStringLiteral("team-library %1").arg(url);
}

void LibraryPasswords::load() {
    RagEngine* engine = &m_engine;
    QPointer<LibraryPasswords> self(this);
    m_engine.run([engine] { return engine->libraries().list(); })
        .then(this, [self, engine](const Result<std::vector<TeamLibrary>>& libraries) {
            if (!self)
                return;
            if (!libraries || libraries->empty()) {
                emit self->loaded();
                return;
            }
            auto waiting = std::make_shared<int>(static_cast<int>(libraries->size()));
            for (const TeamLibrary& library : *libraries) {
                auto* store = new ApiKeyStore(self, keyName(library.url));
                const QString url = library.url;
                connect(store, &ApiKeyStore::keyRead, self,
                        [self, store, engine, url, waiting](const QString& password, const QString&) {
                            engine->libraries().rememberPassword(url, password);
                            store->deleteLater();
                            if (--*waiting == 0)
                                emit self->loaded();
                        });
                store->read();
            }
        });
}

void LibraryPasswords::store(const QString& url, const QString& password) {
    m_engine.libraries().rememberPassword(url, password);
    auto* store = new ApiKeyStore(this, keyName(url));
    connect(store, &ApiKeyStore::keyWritten, this, [this, store, url](const QString& error) {
        store->deleteLater();
        emit stored(url, error);
    });
    store->write(password);
}

void LibraryPasswords::forget(const QString& url) {
    auto* store = new ApiKeyStore(this, keyName(url));
    connect(store, &ApiKeyStore::keyRemoved, store, &QObject::deleteLater);
    store->remove();
}

} // namespace docrag
