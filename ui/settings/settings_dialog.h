#pragma once

#include "engine/core/result.h"
#include "ui/settings/app_settings.h"

#include <QDialog>

#include <optional>
#include <stop_token>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace docrag {

class ApiKeyStore;

// Preferences: the model server (API key, base URL, models, embedding dimensions) with a connection
// test, answers (top-k), ingestion (chunk size) and the interface language. The key is read from and,
// on OK, written to the OS keychain; without a keychain the dialog says so and the key serves this
// session only. The caller saves settings() and applies them when the dialog is accepted.
class SettingsDialog final : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(AppSettings settings, ApiKeyStore& keys, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    AppSettings settings() const;
    QString apiKey() const;
    // The key in use this session (for instance one the keychain could not keep): shown unless the
    // keychain has one.
    void setApiKey(const QString& key);

    void accept() override;

signals:
    // The "Team libraries…" button: those are managed in a dialog of their own.
    void teamLibrariesRequested();

private:
    void validate();
    void testConnection();
    void keyRead(const QString& key, const QString& error);

    ApiKeyStore& m_keys;
    AppSettings m_initial;
    // The key as the keychain holds it; none until it has answered, or when it cannot be used.
    std::optional<QString> m_storedKey;
    bool m_keyEdited = false;
    quint64 m_testGeneration = 0;
    std::stop_source m_testStop;

    QLineEdit* m_apiKey = nullptr;
    QLabel* m_keyStatus = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_chatModel = nullptr;
    QLineEdit* m_embeddingModel = nullptr;
    QSpinBox* m_dimensions = nullptr;
    QSpinBox* m_topK = nullptr;
    QSpinBox* m_chunkTokens = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_connection = nullptr;
    QLabel* m_validation = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace docrag
