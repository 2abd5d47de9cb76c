#include "engine/rag/rag_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/ingest/file_report_model.h"
#include "ui/ingest/ingest_task.h"
#include "ui/ingest/ingest_wizard.h"
#include "ui/ingest/path_list_widget.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace docrag;

namespace {

constexpr int kBigFiles = 300;

// Prose that varies from file to file, so that every file costs the embedder some real work.
QString bigPage(int n) {
    static const QStringList words = {
        "index",  "query",   "vector", "token",   "parser",  "socket", "thread", "buffer",   "schema",
        "cursor", "lexer",   "module", "handler", "request", "cache",  "stream", "encoder",  "decoder",
        "widget", "install", "config", "upgrade", "plugin",  "driver", "kernel", "registry", "package"};
    QString text = QStringLiteral("# Topic %1\n\n").arg(n);
    quint32 state = 2166136261u ^ static_cast<quint32>(n);
    for (int section = 0; section < 12; ++section) {
        text += QStringLiteral("## Section %1.%2\n\n").arg(n).arg(section);
        for (int sentence = 0; sentence < 14; ++sentence) {
            for (int w = 0; w < 12; ++w) {
                state = state * 1664525u + 1013904223u;
                text += words[static_cast<int>((state >> 16) % words.size())] + QLatin1Char(' ');
            }
            text += QStringLiteral("number %1.\n").arg(state % 10007);
        }
        text += QLatin1Char('\n');
    }
    return text;
}

template <typename T> T* child(QObject& parent, const char* name) {
    T* found = parent.findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

QStringList column(const QAbstractItemModel& model, int column) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}

} // namespace

// The ingest wizard driven as a user would: real widgets (offscreen), a real engine, real files.
class TestIngestWizard final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;
    std::unique_ptr<IngestTask> m_task;

    qint64 documentCount(const QString& collection) {
        auto all = m_engine->collections();
        if (!all)
            return -1;
        for (const CollectionInfo& info : *all) {
            if (info.collection.name == collection)
                return info.stats.documents;
        }
        return -1;
    }

    // Fills the first two pages and commits: the ingest starts on the progress page.
    bool startIngest(IngestWizard& wizard, const QString& folder, const QString& collection) {
        wizard.addPaths({m_tree.filePath(folder)});
        wizard.button(QWizard::NextButton)->click();
        auto* combo = child<QComboBox>(wizard, "collectionCombo");
        if (!combo || wizard.currentId() != IngestWizard::OptionsPageId)
            return false;
        combo->setEditText(collection);
        QAbstractButton* commit = wizard.button(QWizard::CommitButton);
        if (!commit->isVisible() || !commit->isEnabled())
            return false;
        commit->click();
        return wizard.currentId() == IngestWizard::ProgressPageId;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tree.isValid());
        m_tree.write(QStringLiteral("small/a.md"),
                     QStringLiteral("# Alpha\n\nAlpha explains the first step.\n"));
        m_tree.write(QStringLiteral("small/b.md"),
                     QStringLiteral("# Beta\n\nBeta explains the second step.\n"));
        m_tree.write(QStringLiteral("small/guide/c.md"), QStringLiteral("# Gamma\n\nGamma is the third.\n"));
        m_tree.write(QStringLiteral("small/notes.txt"), QStringLiteral("Plain notes about the steps.\n"));
        m_tree.write(QStringLiteral("small/todo.txt"), QStringLiteral("Write the fourth step.\n"));
        // The literal is 20 bytes and its terminating NUL: reading more ran past it (found by ASan).
        static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        m_tree.write(QStringLiteral("small/logo.png"), QByteArray(kPng, sizeof kPng - 1));
        for (int i = 0; i < kBigFiles; ++i)
            m_tree.write(QStringLiteral("big/part%1/topic%2.md").arg(i % 6).arg(i), bigPage(i));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        m_engine = std::move(*engine);
        m_task = std::make_unique<IngestTask>(*m_engine);
    }

    void previewsIngestsAndReportsEveryFile() {
        IngestWizard wizard(*m_engine, *m_task);
        wizard.show();
        auto* preview = child<QLabel>(wizard, "previewLabel");
        auto* includes = child<QLineEdit>(wizard, "includePatternsEdit");
        auto* excludes = child<QPlainTextEdit>(wizard, "excludePatternsEdit");
        auto* list = child<QListWidget>(wizard, "pathList");
        QVERIFY(preview && includes && excludes && list);
        QVERIFY(child<QPushButton>(wizard, "addFolderButton"));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // nothing chosen yet

        wizard.addPaths({m_tree.filePath(QStringLiteral("small"))});
        wizard.addPaths({m_tree.filePath(QStringLiteral("small")) + QStringLiteral("/")}); // listed once
        QCOMPARE(list->count(), 1);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        // Everything the loaders can read; the PNG is counted as skipped.
        QTRY_VERIFY_WITH_TIMEOUT(preview->text().startsWith(QLatin1String("5 files, ")), 5000);
        QVERIFY2(preview->text().contains(QLatin1String("1 skipped")), qPrintable(preview->text()));
        includes->setText(QStringLiteral("*.md"));
        QTRY_VERIFY_WITH_TIMEOUT(preview->text().startsWith(QLatin1String("3 files, ")), 5000);
        excludes->setPlainText(QStringLiteral("guide/\n"));
        QTRY_VERIFY_WITH_TIMEOUT(preview->text().startsWith(QLatin1String("2 files, ")), 5000);
        excludes->clear();
        QTRY_VERIFY_WITH_TIMEOUT(preview->text().startsWith(QLatin1String("3 files, ")), 5000);

        wizard.button(QWizard::NextButton)->click();
        QCOMPARE(wizard.currentId(), int(IngestWizard::OptionsPageId));
        auto* combo = child<QComboBox>(wizard, "collectionCombo");
        auto* embedder = child<QComboBox>(wizard, "embedderCombo");
        QVERIFY(combo && embedder);
        QCOMPARE(combo->currentText(), QStringLiteral("small")); // the folder's name by default
        // No model server configured: only the built-in embedder can be chosen.
        auto* items = qobject_cast<QStandardItemModel*>(embedder->model());
        QVERIFY(items);
        QVERIFY(items->item(0)->isEnabled());
        QVERIFY(!items->item(1)->isEnabled());
        QVERIFY(child<QLabel>(wizard, "estimateLabel")->text().contains(QLatin1String("tokens")));
        combo->setEditText(QString());
        QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
        combo->setEditText(QStringLiteral("small docs"));
        QVERIFY(wizard.button(QWizard::CommitButton)->isEnabled());
        wizard.button(QWizard::CommitButton)->click();
        QCOMPARE(wizard.currentId(), int(IngestWizard::ProgressPageId));
        QVERIFY(m_task->isRunning());
        QCOMPARE(m_task->request().scan.includePatterns, QStringList{QStringLiteral("*.md")});

        auto* table = child<QTableView>(wizard, "fileTable");
        auto* bar = child<QProgressBar>(wizard, "progressBar");
        auto* summary = child<QLabel>(wizard, "summaryLabel");
        QVERIFY(table && bar && summary);
        QTRY_VERIFY_WITH_TIMEOUT(!m_task->isRunning(), 10000);
        QTRY_VERIFY(summary->text().startsWith(QLatin1String("small docs: 3 indexed, 0 skipped, 0 failed")));
        QCOMPARE(table->model()->rowCount(), 3);
        QStringList paths = column(*table->model(), FileReportModel::PathColumn);
        std::sort(paths.begin(), paths.end());
        QVERIFY(paths[0].endsWith(QLatin1String("small/a.md")));
        QVERIFY(paths[2].endsWith(QLatin1String("small/guide/c.md")));
        QCOMPARE(column(*table->model(), FileReportModel::StatusColumn),
                 QStringList(3, QStringLiteral("indexed")));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(!child<QPushButton>(wizard, "cancelIngestButton")->isEnabled());

        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(!wizard.isVisible());
        QCOMPARE(documentCount(QStringLiteral("small docs")), 3);
    }

    void droppedFoldersAreAdded() {
        IngestWizard wizard(*m_engine, *m_task);
        auto* list = child<PathListWidget>(wizard, "pathList");
        QVERIFY(list);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("small/guide"))),
                      QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("small/a.md"))),
                      QUrl(QStringLiteral("https://example.com/not-a-file"))});
        const QPointF at = list->viewport()->rect().center();
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(list->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(list->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(list->paths(), (QStringList{m_tree.filePath(QStringLiteral("small/guide")),
                                             m_tree.filePath(QStringLiteral("small/a.md"))}));
        auto* preview = child<QLabel>(wizard, "previewLabel");
        QTRY_VERIFY_WITH_TIMEOUT(preview->text().startsWith(QLatin1String("2 files, ")), 5000);

        // Nothing local: refused.
        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.com/docs"))});
        QDragEnterEvent refused(at.toPoint(), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(list->viewport(), &refused);
        QVERIFY(!refused.isAccepted());
    }

    void offersTheServerEmbedderWithACostEstimate() {
        OpenAiConfig server; // never contacted here
        server.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        m_engine->setModelServer(server);
        IngestWizard wizard(*m_engine, *m_task);
        wizard.show();
        wizard.addPaths({m_tree.filePath(QStringLiteral("small"))});
        wizard.button(QWizard::NextButton)->click();
        auto* embedder = child<QComboBox>(wizard, "embedderCombo");
        auto* estimate = child<QLabel>(wizard, "estimateLabel");
        auto* combo = child<QComboBox>(wizard, "collectionCombo");
        QVERIFY(embedder && estimate && combo);
        QVERIFY(qobject_cast<QStandardItemModel*>(embedder->model())->item(1)->isEnabled());
        combo->setEditText(QStringLiteral("remote docs"));
        embedder->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(estimate->text().contains(QLatin1String("tokens to embed")), 5000);
        QVERIFY2(estimate->text().contains(QLatin1String("$0.02 per 1M tokens")),
                 qPrintable(estimate->text()));
        QVERIFY(estimate->text().contains(QLatin1String("text-embedding-3-small")));
        QCOMPARE(wizard.request().embedder, QStringLiteral("openai"));
        // The limits each file is read with start at the command line's defaults, and go with the request.
        QCOMPARE(wizard.request().limits.toJson(), IngestLimits().toJson());
        child<QSpinBox>(wizard, "maxPassagesSpinBox")->setValue(250);
        child<QSpinBox>(wizard, "memoryBudgetSpinBox")->setValue(128);
        child<QSpinBox>(wizard, "maxHtmlDepthSpinBox")->setValue(32);
        QCOMPARE(wizard.request().limits.maxPassagesPerFile, 250);
        QCOMPARE(wizard.request().limits.memoryBudgetBytes, 128ll * 1024 * 1024);
        QCOMPARE(wizard.request().limits.maxHtmlDepth, 32);
        // A collection made here follows its folders unless the user says otherwise.
        QVERIFY(wizard.request().keepInSync);
        child<QCheckBox>(wizard, "keepInSyncCheckBox")->setChecked(false);
        QVERIFY(!wizard.request().keepInSync);

        // An existing collection keeps its embedder: choosing it selects and locks the built-in one.
        QTRY_VERIFY_WITH_TIMEOUT(combo->findText(QStringLiteral("small docs")) >= 0, 5000);
        combo->setEditText(QStringLiteral("small docs"));
        QCOMPARE(embedder->currentData().toString(), QStringLiteral("local"));
        QVERIFY(!embedder->isEnabled());
        m_engine->setModelServer(std::nullopt);
    }

    void cancelStopsTheIngestAndTheNextRunCompletes() {
        {
            IngestWizard wizard(*m_engine, *m_task);
            wizard.show();
            QVERIFY(startIngest(wizard, QStringLiteral("big"), QStringLiteral("big")));
            auto* table = child<QTableView>(wizard, "fileTable");
            auto* cancel = child<QPushButton>(wizard, "cancelIngestButton");
            auto* summary = child<QLabel>(wizard, "summaryLabel");
            QVERIFY(cancel->isEnabled());
            QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 10000);
            QVERIFY2(m_task->isRunning(), "the ingest ended before it could be cancelled");
            cancel->click();
            QVERIFY(!cancel->isEnabled());
            QVERIFY(wizard.isVisible()); // the wizard stays: only the ingest is cancelled
            QTRY_VERIFY_WITH_TIMEOUT(!m_task->isRunning(), 10000);
            QVERIFY2(summary->text().startsWith(QLatin1String("big: cancelled")),
                     qPrintable(summary->text()));
            QVERIFY(table->model()->rowCount() < kBigFiles);
            QVERIFY(documentCount(QStringLiteral("big")) < kBigFiles);
        }
        // Nothing is broken: the same ingest again completes, keeping what was stored.
        IngestWizard wizard(*m_engine, *m_task);
        wizard.show();
        QVERIFY(startIngest(wizard, QStringLiteral("big"), QStringLiteral("big")));
        auto* summary = child<QLabel>(wizard, "summaryLabel");
        QTRY_VERIFY_WITH_TIMEOUT(!m_task->isRunning(), 20000);
        QVERIFY2(summary->text().startsWith(QLatin1String("big: ")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QLatin1String(" 0 failed")), qPrintable(summary->text()));
        QCOMPARE(child<QTableView>(wizard, "fileTable")->model()->rowCount(), kBigFiles);
        QCOMPARE(documentCount(QStringLiteral("big")), kBigFiles);
    }

    void closingTheWizardLeavesTheIngestRunning() {
        QSignalSpy finished(m_task.get(), &IngestTask::finished);
        auto* wizard = new IngestWizard(*m_engine, *m_task);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<IngestWizard> alive(wizard);
        wizard->show();
        QVERIFY(startIngest(*wizard, QStringLiteral("big"), QStringLiteral("big again")));
        QVERIFY(wizard->close());
        QTRY_VERIFY(alive.isNull());
        QVERIFY2(m_task->isRunning(), "the ingest ended before the wizard was closed");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY2(finished.at(0).at(1).toString().startsWith(
                     QStringLiteral("big again: %1 indexed").arg(kBigFiles)),
                 qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(documentCount(QStringLiteral("big again")), kBigFiles);
    }

    void refusesToStartWhileAnotherIngestRuns() {
        IngestRequest other;
        other.collection = QStringLiteral("other");
        other.paths = {m_tree.filePath(QStringLiteral("big"))};
        QVERIFY(m_task->start(other));
        IngestWizard wizard(*m_engine, *m_task);
        wizard.show();
        QVERIFY(startIngest(wizard, QStringLiteral("small"), QStringLiteral("small docs")));
        const QString refusal = child<QLabel>(wizard, "summaryLabel")->text();
        QVERIFY2(refusal.contains(QLatin1String("\"other\"")) &&
                     refusal.contains(QLatin1String("still running")),
                 qPrintable(refusal));
        QVERIFY(!child<QPushButton>(wizard, "cancelIngestButton")->isEnabled());
        m_task->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!m_task->isRunning(), 10000);
        // The other ingest's rows never reached this wizard's table.
        QCOMPARE(child<QTableView>(wizard, "fileTable")->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestIngestWizard)
#include "test_ingest_wizard.moc"
