#include "engine/library/team_libraries.h"
#include "engine/rag/library_syncer.h"
#include "tests/support/team_library_rig.h"
#include "ui/ingest/ingest_task.h"
#include "ui/ingest/ingest_wizard.h"
#include "ui/library/library_status_label.h"
#include "ui/settings/library_passwords.h"
#include "ui/settings/team_libraries_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace docrag;

// Settings > Team libraries on a real PostgreSQL server, offscreen: subscribing (the password never
// shown in the list), the first sync, feedback sharing, unsubscribing; and the status bar's label.
class TestTeamLibrariesDialog final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;

private slots:
    void initTestCase() { QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error())); }

    void subscribesSyncsSharesAndUnsubscribes() {
        const QString url = m_rig.freshLibrary();
        const QString folder =
            m_rig.writePages(QStringLiteral("dialog/docs"), 2, QStringLiteral("turnstone"));
        auto writer = m_rig.engine(QStringLiteral("dialog/writer"));
        auto reader = m_rig.engine(QStringLiteral("dialog/reader"));
        QVERIFY(writer && reader);
        QVERIFY(writer->ingest(test::TeamLibraryRig::sharing(QStringLiteral("docs"), folder, url)));

        LibrarySyncer syncer(*reader);
        LibraryPasswords passwords(*reader);
        TeamLibrariesDialog dialog(*reader, passwords, &syncer);
        auto* list = dialog.findChild<QListWidget*>(QStringLiteral("libraryList"));
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("teamLibraryStatusLabel"));
        QVERIFY(list && status);

        // A wrong URL is refused before anything is tried.
        dialog.findChild<QLineEdit*>(QStringLiteral("libraryUrlEdit"))
            ->setText(QStringLiteral("db.example.com/docs"));
        dialog.findChild<QPushButton*>(QStringLiteral("subscribeButton"))->click();
        QVERIFY2(status->text().contains(QLatin1String("postgresql://")), qPrintable(status->text()));

        // The password goes in its own field; the URL in the list has none.
        QString withoutPassword = url;
        withoutPassword.remove(
            QStringLiteral(":%1").arg(QLatin1String(test::PostgresServer::kAdminPassword)));
        dialog.findChild<QLineEdit*>(QStringLiteral("libraryUrlEdit"))->setText(withoutPassword);
        dialog.findChild<QLineEdit*>(QStringLiteral("libraryPasswordEdit"))
            ->setText(QLatin1String(test::PostgresServer::kAdminPassword));
        QSignalSpy changed(&dialog, &TeamLibrariesDialog::librariesChanged);
        QSignalSpy rounds(&syncer, &LibrarySyncer::roundFinished);
        dialog.findChild<QPushButton*>(QStringLiteral("subscribeButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!list->item(0)->text().contains(QLatin1String("never")), 5000);
        QVERIFY(list->item(0)->text().startsWith(withoutPassword));
        QVERIFY(!list->item(0)->text().contains(QLatin1String(test::PostgresServer::kAdminPassword)));
        QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("libraryPasswordEdit"))->text().isEmpty());
        auto collections = reader->collections();
        QCOMPARE(collections->size(), size_t(1));
        QCOMPARE(collections->front().stats.indexed, 2);

        list->setCurrentRow(0);
        auto* share = dialog.findChild<QCheckBox*>(QStringLiteral("shareFeedbackCheckBox"));
        QVERIFY(share->isEnabled());
        share->click();
        QTRY_VERIFY_WITH_TIMEOUT(reader->libraries().find(url)->shareFeedback, 5000);

        dialog.findChild<QPushButton*>(QStringLiteral("unsubscribeButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 0, 5000);
        QVERIFY(reader->collections()->empty());
    }

    // The ingestion wizard's "Share in" lists the subscribed libraries (an empty one too): the collection
    // is ingested here, then sent there.
    void theWizardSharesIntoASubscribedLibrary() {
        const QString url = m_rig.freshLibrary();
        const QString folder = m_rig.writePages(QStringLiteral("wizard/docs"), 2, QStringLiteral("godwit"));
        auto writer = m_rig.engine(QStringLiteral("wizard/writer"));
        auto reader = m_rig.engine(QStringLiteral("wizard/reader"));
        QVERIFY(writer && reader);
        auto subscribed = writer->libraries().subscribe(url);
        QVERIFY2(subscribed, qPrintable(subscribed ? QString() : subscribed.error().message));
        QVERIFY(writer->syncLibrary(url)); // nothing there yet: nothing to do

        IngestTask task(*writer);
        IngestWizard wizard(*writer, task);
        wizard.show();
        wizard.addPaths({folder});
        wizard.button(QWizard::NextButton)->click();
        QCOMPARE(wizard.currentId(), int(IngestWizard::OptionsPageId));
        wizard.findChild<QComboBox*>(QStringLiteral("collectionCombo"))
            ->setEditText(QStringLiteral("shorebirds"));
        auto* library = wizard.findChild<QComboBox*>(QStringLiteral("libraryCombo"));
        QTRY_COMPARE_WITH_TIMEOUT(library->count(), 2, 5000);
        QCOMPARE(library->itemText(0), QStringLiteral("This computer only"));
        library->setCurrentIndex(1);
        QCOMPARE(wizard.request().library, subscribed->url);
        QSignalSpy finished(&task, &IngestTask::finished);
        wizard.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

        QVERIFY(reader->libraries().subscribe(url));
        auto synced = reader->syncLibrary(url);
        QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
        QCOMPARE(synced->filesUpdated, 2);
    }

    void theStatusBarSaysWhatASyncDid() {
        LibraryStatusLabel label;
        const QString library = QStringLiteral("postgresql://alice@db.example.com/team_docs");
        label.syncStarted(library);
        QVERIFY(label.text().contains(QLatin1String("db.example.com/team_docs")));
        label.syncProgress(library, QStringLiteral("python"), 64, 528);
        QVERIFY2(label.text().contains(QLatin1String("64 of 528")), qPrintable(label.text()));
        LibrarySyncer::Outcome outcome;
        outcome.library = library;
        outcome.filesUpdated = 2;
        label.syncFinished(outcome);
        QVERIFY2(label.text().contains(QLatin1String("2 files changed")), qPrintable(label.text()));
        outcome.filesUpdated = 0;
        label.syncFinished(outcome);
        QVERIFY(label.text().isEmpty());
        outcome.error =
            QStringLiteral("cannot reach the team library postgresql://alice@db.example.com/team_docs: "
                           "Connection refused");
        label.syncFinished(outcome);
        QVERIFY2(label.text().contains(QLatin1String("answer from their last sync")),
                 qPrintable(label.text()));
        QVERIFY(label.toolTip().contains(QLatin1String("Connection refused")));
    }
};

QTEST_MAIN(TestTeamLibrariesDialog)
#include "test_team_libraries_dialog.moc"
