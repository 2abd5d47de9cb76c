#include "ui/settings/api_key_store.h"

#include "engine/core/logging.h"

#include <qt6keychain/keychain.h>

namespace docrag {
namespace {

QString errorText(const QKeychain::Job& job) {
    switch (job.error()) {
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return ApiKeyStore::tr("access to the keychain was denied");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return ApiKeyStore::tr("no keychain service is available");
    default:
        break;
    }
    // Without a Secret Service or KWallet on the session bus (a headless machine), QtKeychain only says
    // "Unknown error".
    const QString text = job.errorString();
    if (text.isEmpty() || text == QLatin1String("Unknown error"))
        return ApiKeyStore::tr("no keychain service answered; is GNOME Keyring, KWallet or another Secret "
                               "Service running?");
    return text;
}

// Jobs have no parent: they delete themselves when they finish, so that a store (or the dialog that
// owns it) going away never destroys a job that the keychain backend is still working on. Failures
// are logged by the job itself for the same reason: the store may be gone when the answer comes.
template <typename Job> Job* makeJob(const char* action, const QString& key) {
    auto* job = new Job(QString::fromLatin1(ApiKeyStore::kService));
    job->setAutoDelete(true);
    // Without a keychain, QtKeychain could keep the key in a plain settings file instead.
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [action](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
            // The error text only: never the key.
            Logging::get("docrag.settings")
                ->warn("cannot {} a secret in the system keychain: {}", action, errorText(*finished));
        }
    });
    return job;
}

} // namespace

ApiKeyStore::ApiKeyStore(QObject* parent, QString keyName)
    : QObject(parent)
    , m_keyName(std::move(keyName)) {}

void ApiKeyStore::read() {
    auto* job = makeJob<QKeychain::ReadPasswordJob>("read", m_keyName);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* finished) {
        auto* reader = static_cast<QKeychain::ReadPasswordJob*>(finished);
        switch (reader->error()) {
        case QKeychain::NoError:
            emit keyRead(reader->textData(), QString());
            return;
        case QKeychain::EntryNotFound:
            emit keyRead(QString(), QString());
            return;
        default:
            emit keyRead(QString(), errorText(*reader));
        }
    });
    job->start();
}

void ApiKeyStore::write(const QString& key) {
    auto* job = makeJob<QKeychain::WritePasswordJob>("store", m_keyName);
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError) {
            emit keyWritten(QString());
            return;
        }
        emit keyWritten(errorText(*finished));
    });
    job->start();
}

void ApiKeyStore::remove() {
    auto* job = makeJob<QKeychain::DeletePasswordJob>("remove", m_keyName);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* finished) {
        // Nothing stored is what removing wants.
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            emit keyRemoved(QString());
            return;
        }
        emit keyRemoved(errorText(*finished));
    });
    job->start();
}

} // namespace docrag
