#include "ui/settings/settings_dialog.h"

#include "engine/metrics/health_check.h"
#include "ui/settings/api_key_store.h"
#include "ui/settings/interface_language.h"
#include "ui/widgets/error_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace docrag {
namespace {

QLabel* hintLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText); // also shows keychain errors
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings settings, ApiKeyStore& keys, QWidget* parent)
    : QDialog(parent)
    , m_keys(keys)
    , m_initial(std::move(settings)) {
    setWindowTitle(tr("Settings"));
    // Wide enough for the wrapped hints to stay a line or two.
    setMinimumWidth(620);

    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("sk-… (not needed for most local servers)"));
    m_apiKey->setClearButtonEnabled(true);
    m_keyStatus = hintLabel(tr("Reading the system keychain…"), this);
    m_keyStatus->setObjectName(QStringLiteral("keyStatusLabel"));
    m_baseUrl = new QLineEdit(m_initial.baseUrl, this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.openai.com/v1"));
    m_chatModel = new QLineEdit(m_initial.chatModel, this);
    m_chatModel->setObjectName(QStringLiteral("chatModelEdit"));
    m_chatModel->setPlaceholderText(OpenAiConfig().chatModel);
    m_embeddingModel = new QLineEdit(m_initial.embeddingModel, this);
    m_embeddingModel->setObjectName(QStringLiteral("embeddingModelEdit"));
    m_embeddingModel->setPlaceholderText(OpenAiConfig().embeddingModel);
    m_dimensions = new QSpinBox(this);
    m_dimensions->setObjectName(QStringLiteral("dimensionsSpinBox"));
    m_dimensions->setRange(AppSettings::kMinDimensions, AppSettings::kMaxDimensions);
    m_dimensions->setValue(m_initial.dimensions);
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_connection->setTextFormat(Qt::PlainText); // the server's own error text
    m_connection->setWordWrap(true);
    m_connection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_connection, 1);

    auto* server = new QGroupBox(tr("Model server (OpenAI or compatible)"), this);
    auto* serverForm = new QFormLayout(server);
    serverForm->addRow(tr("API &key:"), m_apiKey);
    serverForm->addRow(QString(), m_keyStatus);
    serverForm->addRow(tr("&Base URL:"), m_baseUrl);
    serverForm->addRow(QString(),
                       hintLabel(tr("Empty: OpenAI. Ollama: http://localhost:11434/v1, llama.cpp's "
                                    "llama-server: http://localhost:8080/v1. With neither a key "
                                    "nor a URL, DocRag works offline with extractive answers."),
                                 server));
    serverForm->addRow(tr("&Chat model:"), m_chatModel);
    serverForm->addRow(tr("&Embedding model:"), m_embeddingModel);
    serverForm->addRow(tr("&Dimensions:"), m_dimensions);
    serverForm->addRow(testRow);

    m_topK = new QSpinBox(this);
    m_topK->setObjectName(QStringLiteral("topKSpinBox"));
    m_topK->setRange(AppSettings::kMinTopK, AppSettings::kMaxTopK);
    m_topK->setValue(m_initial.topK);
    m_chunkTokens = new QSpinBox(this);
    m_chunkTokens->setObjectName(QStringLiteral("chunkTokensSpinBox"));
    m_chunkTokens->setRange(AppSettings::kMinChunkTokens, AppSettings::kMaxChunkTokens);
    m_chunkTokens->setSingleStep(32);
    m_chunkTokens->setSuffix(tr(" tokens"));
    m_chunkTokens->setValue(m_initial.chunkTokens);
    m_chunkTokens->setToolTip(tr("Applies to files ingested from now on."));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    for (const QString& code : InterfaceLanguage::available())
        m_language->addItem(InterfaceLanguage::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initial.language)));
    m_language->setToolTip(tr("Takes effect when DocRag starts again."));
    // Said where it is seen, not only in a tooltip: the window keeps its language until the restart.
    m_languageNote = hintLabel(tr("The new language is used when DocRag starts again."), this);
    m_languageNote->setObjectName(QStringLiteral("languageNoteLabel"));
    m_languageNote->hide();
    auto* general = new QGroupBox(tr("Answers, ingestion and interface"), this);
    auto* generalForm = new QFormLayout(general);
    generalForm->addRow(tr("&Passages per answer (top-k):"), m_topK);
    generalForm->addRow(tr("C&hunk size:"), m_chunkTokens);
    generalForm->addRow(tr("&Language:"), m_language);
    generalForm->addRow(QString(), m_languageNote);
    auto* teamLibraries = new QPushButton(tr("Team lib&raries…"), this);
    teamLibraries->setObjectName(QStringLiteral("teamLibrariesButton"));
    connect(teamLibraries, &QPushButton::clicked, this, &SettingsDialog::teamLibrariesRequested);
    generalForm->addRow(tr("Shared collections:"), teamLibraries);

    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setTextFormat(Qt::PlainText);
    m_validation->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(server);
    layout->addWidget(general);
    layout->addWidget(m_validation);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_apiKey, &QLineEdit::textEdited, this, [this] { m_keyEdited = true; });
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        m_languageNote->setVisible(m_language->currentData().toString() != m_initial.language);
    });
    connect(&m_keys, &ApiKeyStore::keyRead, this, &SettingsDialog::keyRead);
    validate();
    m_keys.read();
}

SettingsDialog::~SettingsDialog() {
    m_testStop.request_stop();
}

AppSettings SettingsDialog::settings() const {
    AppSettings s = m_initial;
    s.baseUrl = m_baseUrl->text().trimmed();
    s.chatModel = m_chatModel->text().trimmed();
    s.embeddingModel = m_embeddingModel->text().trimmed();
    s.dimensions = m_dimensions->value();
    s.topK = m_topK->value();
    s.chunkTokens = m_chunkTokens->value();
    s.language = m_language->currentData().toString();
    return s;
}

QString SettingsDialog::apiKey() const {
    return m_apiKey->text().trimmed();
}

void SettingsDialog::setApiKey(const QString& key) {
    if (!m_keyEdited)
        m_apiKey->setText(key);
}

void SettingsDialog::keyRead(const QString& key, const QString& error) {
    if (!error.isEmpty()) {
        m_keyStatus->setText(tr("The system keychain is unavailable (%1). The key will be used for this "
                                "session only; it is never saved in a file.")
                                 .arg(error));
        return;
    }
    m_storedKey = key;
    m_keyStatus->setText(key.isEmpty()
                             ? tr("No key stored. A key entered here is kept in the system keychain.")
                             : tr("Stored in the system keychain."));
    // What the user has typed meanwhile wins.
    if (!m_keyEdited && !key.isEmpty())
        m_apiKey->setText(key);
}

void SettingsDialog::validate() {
    const QString error = AppSettings::baseUrlError(m_baseUrl->text());
    m_validation->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
    m_test->setEnabled(error.isEmpty());
}

void SettingsDialog::accept() {
    if (!AppSettings::baseUrlError(m_baseUrl->text()).isEmpty())
        return;
    // Only a keychain that answered is written to; the jobs finish after the dialog has gone.
    const QString key = apiKey();
    if (m_storedKey && *m_storedKey != key) {
        if (key.isEmpty())
            m_keys.remove();
        else
            m_keys.write(key);
    }
    QDialog::accept();
}

void SettingsDialog::testConnection() {
    const AppSettings entered = settings();
    const std::optional<OpenAiConfig> config = entered.modelServer(apiKey());
    if (!config) {
        m_connection->setText(tr("No model server set: enter a base URL or an API key."));
        return;
    }
    m_testStop.request_stop();
    m_testStop = std::stop_source();
    const quint64 generation = ++m_testGeneration;
    m_connection->setText(tr("Connecting to %1…").arg(config->baseUrl.toString()));
    QPointer<SettingsDialog> self(this);
    // The probe of `docrag-cli health` (one GET {base}/models, no retries: the user is waiting for a
    // yes or no), with a longer wait: a local server may be loading a model.
    QtConcurrent::run([config = *config, stop = m_testStop.get_token()] {
        return HealthCheck::probeEndpoint(config, 15000, stop);
    }).then(this, [self, generation](const Result<HealthCheck::EndpointProbe>& check) {
        if (!self || generation != self->m_testGeneration)
            return;
        if (!check)
            self->m_connection->setText(tr("Failed: %1").arg(ErrorText::of(check.error())));
        else
            self->m_connection->setText(tr("Connected: %Ln models, %1 ms", "", check->models)
                                            .arg(QLocale().toString(check->elapsedMs)));
    });
}

} // namespace docrag
