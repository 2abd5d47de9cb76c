#pragma once

#include <QObject>
#include <QString>

namespace docrag {

// The model server's API key in the OS keychain (Secret Service or KWallet on Linux, the Keychain on
// macOS, the Credential Store on Windows), through QtKeychain's asynchronous jobs. Never written to a
// file, not even when no keychain is available (the caller then keeps the key for the session only),
// and never logged.
class ApiKeyStore final : public QObject {
    Q_OBJECT

public:
    static constexpr const char* kService = "DocRag";
    static constexpr const char* kKeyName = "openai-api-key";

    // `keyName`: which secret; the API key's by default, or a team library's password
    // (LibraryPasswords).
    explicit ApiKeyStore(QObject* parent = nullptr, QString keyName = QString::fromLatin1(kKeyName));

    // Each call answers once with its signal. A job already started finishes even when this object
    // goes; only its signal is lost.
    void read();
    void write(const QString& key);
    void remove();

signals:
    // `key` empty and `error` empty: no key is stored. `error` set: the keychain could not be asked.
    void keyRead(const QString& key, const QString& error);
    void keyWritten(const QString& error);
    void keyRemoved(const QString& error);

private:
    QString m_keyName;
};

} // namespace docrag
