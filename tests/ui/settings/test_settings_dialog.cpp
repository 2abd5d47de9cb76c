#include "tests/support/canned_http_server.h"
#include "tests/support/fake_openai_server.h"
#include "ui/settings/api_key_store.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace docrag;
using test::FakeOpenAiServer;

namespace {

template <typename T> T* child(QObject& parent, const char* name) {
    T* found = parent.findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

AppSettings customSettings() {
    AppSettings s;
    s.baseUrl = QStringLiteral("http://localhost:11434/v1");
    s.chatModel = QStringLiteral("llama3.2");
    s.embeddingModel = QStringLiteral("nomic-embed-text");
    s.dimensions = 768;
    s.topK = 8;
    s.chunkTokens = 256;
    s.language = QStringLiteral("en");
    return s;
}

} // namespace

// The settings dialog, AppSettings and ApiKeyStore with real widgets, a real settings file, a real
// HTTP server and whatever keychain this machine has (none, on a headless one).
class TestSettingsDialog final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // Keeps anything a keychain fallback might write away from the user's real settings.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("DocRagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_settings_dialog"));
    }

    void settingsRoundTripThroughAnIniFile() {
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.ini"));
        {
            QSettings empty(path, QSettings::IniFormat);
            const AppSettings defaults = AppSettings::load(empty);
            QCOMPARE(defaults, AppSettings());
            QCOMPARE(defaults.topK, 5);
            QCOMPARE(defaults.chunkTokens, 320);
            QCOMPARE(defaults.dimensions, 512);
            QCOMPARE(defaults.chatModel, QStringLiteral("gpt-4o-mini"));
            QVERIFY(defaults.baseUrl.isEmpty());
            QVERIFY(defaults.language.isEmpty());
            customSettings().save(empty);
        }
        QSettings stored(path, QSettings::IniFormat);
        QCOMPARE(AppSettings::load(stored), customSettings());
        // Values out of range (a hand-edited file) fall back to the defaults.
        stored.setValue(QStringLiteral("answers/topK"), 0);
        stored.setValue(QStringLiteral("modelServer/dimensions"), QStringLiteral("many"));
        const AppSettings repaired = AppSettings::load(stored);
        QCOMPARE(repaired.topK, AppSettings().topK);
        QCOMPARE(repaired.dimensions, AppSettings().dimensions);
        QCOMPARE(repaired.chunkTokens, 256);
    }

    void fieldsShowAndReturnTheSettings() {
        const QString path = m_dir.filePath(QStringLiteral("dialog.ini"));
        {
            QSettings stored(path, QSettings::IniFormat);
            customSettings().save(stored);
        }
        QSettings stored(path, QSettings::IniFormat);
        ApiKeyStore keys;
        SettingsDialog dialog(AppSettings::load(stored), keys);
        auto* baseUrl = child<QLineEdit>(dialog, "baseUrlEdit");
        auto* apiKey = child<QLineEdit>(dialog, "apiKeyEdit");
        auto* dimensions = child<QSpinBox>(dialog, "dimensionsSpinBox");
        auto* topK = child<QSpinBox>(dialog, "topKSpinBox");
        auto* chunk = child<QSpinBox>(dialog, "chunkTokensSpinBox");
        auto* language = child<QComboBox>(dialog, "languageCombo");
        QVERIFY(baseUrl && apiKey && dimensions && topK && chunk && language);
        QCOMPARE(baseUrl->text(), QStringLiteral("http://localhost:11434/v1"));
        QCOMPARE(baseUrl->placeholderText(), QStringLiteral("https://api.openai.com/v1"));
        QCOMPARE(apiKey->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>(dialog, "chatModelEdit")->text(), QStringLiteral("llama3.2"));
        QCOMPARE(child<QLineEdit>(dialog, "embeddingModelEdit")->text(), QStringLiteral("nomic-embed-text"));
        QCOMPARE(dimensions->value(), 768);
        QCOMPARE(topK->value(), 8);
        QCOMPARE(chunk->value(), 256);
        QCOMPARE(language->currentData().toString(), QStringLiteral("en"));
        QCOMPARE(dialog.settings(), customSettings());

        baseUrl->setText(QStringLiteral("  https://models.example.com/v1 "));
        topK->setValue(3);
        chunk->setValue(512);
        language->setCurrentIndex(language->findData(QString()));
        QTest::keyClicks(apiKey, QStringLiteral("sk-typed"));
        QCOMPARE(dialog.apiKey(), QStringLiteral("sk-typed"));
        AppSettings changed = customSettings();
        changed.baseUrl = QStringLiteral("https://models.example.com/v1");
        changed.topK = 3;
        changed.chunkTokens = 512;
        changed.language.clear();
        QCOMPARE(dialog.settings(), changed);
        dialog.settings().save(stored);
        stored.sync();
        QSettings reread(path, QSettings::IniFormat);
        QCOMPARE(AppSettings::load(reread), changed);
        // The key is never among the settings.
        for (const QString& key : reread.allKeys())
            QVERIFY2(!reread.value(key).toString().contains(QLatin1String("sk-typed")), qPrintable(key));
    }

    // Every translation is offered by its own name, and a change of language announces the restart.
    void languageChoiceAnnouncesTheRestart() {
        ApiKeyStore keys;
        SettingsDialog dialog(AppSettings(), keys);
        dialog.show();
        auto* language = child<QComboBox>(dialog, "languageCombo");
        auto* note = child<QLabel>(dialog, "languageNoteLabel");
        QVERIFY(language && note);
        QVERIFY(language->findText(QStringLiteral("Deutsch")) > 0);
        QVERIFY(language->findText(QStringLiteral("Français")) > 0);
        QCOMPARE(language->currentData().toString(), QString());
        QVERIFY(!note->isVisible());
        language->setCurrentIndex(language->findData(QStringLiteral("de")));
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("starts again")));
        QCOMPARE(dialog.settings().language, QStringLiteral("de"));
        language->setCurrentIndex(language->findData(QString()));
        QVERIFY(!note->isVisible());
    }

    void invalidBaseUrlDisablesOk() {
        ApiKeyStore keys;
        SettingsDialog dialog(AppSettings(), keys);
        auto* baseUrl = child<QLineEdit>(dialog, "baseUrlEdit");
        QPushButton* ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
        auto* message = child<QLabel>(dialog, "validationLabel");
        QVERIFY(ok->isEnabled());
        for (const char* bad : {"ftp://files.example.com/v1", "localhost:11434", "http://", "not a url"}) {
            baseUrl->setText(QLatin1String(bad));
            QVERIFY2(!ok->isEnabled(), bad);
            QVERIFY2(!message->text().isEmpty(), bad);
            QVERIFY(!child<QPushButton>(dialog, "testConnectionButton")->isEnabled());
        }
        // An invalid URL cannot be accepted by other means either (Enter in a field).
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        QCOMPARE(accepted.count(), 0);
        for (const char* good : {"http://localhost:11434/v1", "https://api.openai.com/v1", ""}) {
            baseUrl->setText(QLatin1String(good));
            QVERIFY2(ok->isEnabled(), good);
            QVERIFY(message->text().isEmpty());
        }
    }

    void modelServerAgreesWithTheCommandLine() {
        AppSettings s;
        QVERIFY(!s.modelServer(QString()).has_value()); // offline
        auto keyOnly = s.modelServer(QStringLiteral("sk-test"));
        QVERIFY(keyOnly.has_value());
        QCOMPARE(keyOnly->baseUrl, QUrl(QStringLiteral("https://api.openai.com/v1")));
        QCOMPARE(keyOnly->apiKey, QStringLiteral("sk-test"));
        QCOMPARE(keyOnly->chatModel, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(keyOnly->embeddingModel, QStringLiteral("text-embedding-3-small"));
        const AppSettings local = customSettings();
        auto urlOnly = local.modelServer(QString());
        QVERIFY(urlOnly.has_value());
        QCOMPARE(urlOnly->baseUrl, QUrl(QStringLiteral("http://localhost:11434/v1")));
        QVERIFY(urlOnly->apiKey.isEmpty());
        QCOMPARE(urlOnly->chatModel, QStringLiteral("llama3.2"));
        QCOMPARE(urlOnly->embeddingModel, QStringLiteral("nomic-embed-text"));
        QCOMPARE(urlOnly->embeddingDimensions, 768);
        AppSettings bad;
        bad.baseUrl = QStringLiteral("ftp://example.com");
        QVERIFY(!bad.modelServer(QStringLiteral("sk-test")).has_value());
    }

    void testConnectionListsTheServersModels() {
        FakeOpenAiServer server;
        QVERIFY(server.isListening());
        server.setRequiredApiKey(QStringLiteral("sk-right"));
        ApiKeyStore keys;
        SettingsDialog dialog(AppSettings(), keys);
        child<QLineEdit>(dialog, "baseUrlEdit")->setText(server.baseUrl());
        auto* apiKey = child<QLineEdit>(dialog, "apiKeyEdit");
        auto* test = child<QPushButton>(dialog, "testConnectionButton");
        auto* label = child<QLabel>(dialog, "connectionLabel");
        QVERIFY(apiKey && test && label);

        apiKey->setText(QStringLiteral("sk-wrong"));
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QLatin1String("Failed: ")), 10000);
        QVERIFY2(!label->text().contains(QLatin1String("sk-wrong")), qPrintable(label->text()));

        apiKey->setText(QStringLiteral("sk-right"));
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QLatin1String("Connected: 2 models, ")), 10000);
        QVERIFY(label->text().endsWith(QLatin1String(" ms")));
        QCOMPARE(server.requestCount(QStringLiteral("/v1/models")), 2);
    }

    void testConnectionReportsAClosedPort() {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        ApiKeyStore keys;
        SettingsDialog dialog(AppSettings(), keys);
        child<QLineEdit>(dialog, "baseUrlEdit")->setText(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        auto* label = child<QLabel>(dialog, "connectionLabel");
        child<QPushButton>(dialog, "testConnectionButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QLatin1String("Failed: ")), 10000);
        QVERIFY(label->text().size() > QStringLiteral("Failed: ").size());

        // Neither URL nor key: nothing to test, said at once.
        child<QLineEdit>(dialog, "baseUrlEdit")->clear();
        child<QPushButton>(dialog, "testConnectionButton")->click();
        QVERIFY(label->text().startsWith(QLatin1String("No model server")));
    }

    // A server's error message full of markup: the label shows its text, not its markup.
    void testConnectionShowsAServerErrorPageAsText() {
        // The engine reduces an HTML page to its text; a JSON error's message reaches the label as written.
        const QByteArray page =
            R"({"error":{"message":"<b>Bad</b> <a href=\"file:///etc/passwd\">gateway</a>)"
            R"(<img src=\"http://example.com/x.png\">after"}})";
        test::CannedHttpServer proxy("403 Forbidden", "application/json", page);
        QVERIFY(proxy.isListening());
        ApiKeyStore keys;
        SettingsDialog dialog(AppSettings(), keys);
        child<QLineEdit>(dialog, "baseUrlEdit")
            ->setText(QStringLiteral("http://127.0.0.1:%1/v1").arg(proxy.port()));
        auto* label = child<QLabel>(dialog, "connectionLabel");
        child<QPushButton>(dialog, "testConnectionButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QLatin1String("Failed: ")), 10000);
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY2(label->text().contains(QLatin1String("<b>Bad</b> <a href=")), qPrintable(label->text()));
        for (const char* name : {"validationLabel", "keyStatusLabel"})
            QCOMPARE(child<QLabel>(dialog, name)->textFormat(), Qt::PlainText);
    }

    void keychainAnswersWithoutCrashingOrFallingBackToAFile() {
        ApiKeyStore keys;
        QSignalSpy read(&keys, &ApiKeyStore::keyRead);
        QSignalSpy written(&keys, &ApiKeyStore::keyWritten);
        QSignalSpy removed(&keys, &ApiKeyStore::keyRemoved);
        keys.read();
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
        const QString readError = read.at(0).at(1).toString();
        // A machine with a keychain may answer either way; one without must say why.
        if (!readError.isEmpty())
            QVERIFY(read.at(0).at(0).toString().isEmpty());
        keys.write(QStringLiteral("sk-never-in-a-file"));
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 15000);
        keys.remove();
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 15000);
        if (!written.at(0).at(0).toString().isEmpty()) {
            // No keychain: nothing in QtKeychain's plain-text fallback, the application's settings.
            QSettings fallback;
            for (const QString& key : fallback.allKeys())
                QVERIFY2(!fallback.value(key).toString().contains(QLatin1String("sk-never")),
                         qPrintable(key));
        }

        // The dialog tells the user what the keychain said.
        SettingsDialog dialog(AppSettings(), keys);
        auto* status = child<QLabel>(dialog, "keyStatusLabel");
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().startsWith(QLatin1String("Reading")), 15000);
        if (!readError.isEmpty())
            QVERIFY2(status->text().contains(QLatin1String("unavailable")) &&
                         status->text().contains(QLatin1String("this session only")),
                     qPrintable(status->text()));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "test_settings_dialog.moc"
