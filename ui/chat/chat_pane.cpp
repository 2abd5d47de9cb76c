#include "ui/chat/chat_pane.h"

#include "engine/rag/rag_engine.h"
#include "ui/chat/markdown_export.h"
#include "ui/chat/question_edit.h"
#include "ui/chat/transcript_renderer.h"
#include "ui/widgets/action_icons.h"
#include "ui/widgets/error_text.h"
#include "ui/widgets/inert_text_browser.h"
#include "ui/widgets/link_cursor.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace docrag {

// Text streamed by a pool thread, waiting for the UI thread to take it.
struct ChatPane::Stream final {
    std::mutex mutex;
    QString pending;
};

namespace {

TranscriptEntry entryFor(const ChatMessage& m) {
    TranscriptEntry e;
    e.role = m.role == QLatin1String("user")    ? TranscriptEntry::Role::User
             : m.role == QLatin1String("error") ? TranscriptEntry::Role::Error
                                                : TranscriptEntry::Role::Assistant;
    // A stored failure is the error's message alone.
    (e.role == TranscriptEntry::Role::Error ? e.error : e.content) = m.content;
    e.sources = m.sources;
    e.model = m.model;
    e.extractive = m.model == QLatin1String("extractive");
    e.messageId = m.id;
    e.latencyMs = m.latencyMs;
    e.feedback = m.feedback;
    e.finish = m.finish;
    return e;
}

} // namespace

ChatPane::ChatPane(RagEngine& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine) {
    m_transcript = new InertTextBrowser(this);
    m_transcript->setObjectName(QStringLiteral("transcriptBrowser"));
    m_transcript->setAccessibleName(tr("Conversation"));
    m_transcript->setAccessibleDescription(tr("The questions and answers of this conversation. Tab moves "
                                              "between its links, such as citations; Enter opens one."));
    m_transcript->setPlaceholderText(tr("Ask a question about your documentation. Answers cite their sources "
                                        "as [1], [2]…; click one to see the passage."));
    m_renderer = std::make_unique<TranscriptRenderer>(*m_transcript->document());
    m_renderer->setPalette(palette());
    m_question = new QuestionEdit(this);
    m_question->setObjectName(QStringLiteral("questionEdit"));
    m_question->setMaximumHeight(90);
    m_question->setAccessibleName(tr("Question"));
    m_question->setAccessibleDescription(
        tr("Enter sends the question, Shift+Enter starts a new line, Esc stops an answer."));
    m_send = new QPushButton(tr("Ask"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setIcon(ActionIcons::icon(ActionIcons::Action::Stop));
    m_stop->setToolTip(tr("Stop the answer (Esc)"));
    m_collection = new QComboBox(this);
    m_collection->setObjectName(QStringLiteral("collectionCombo"));
    m_collection->setToolTip(tr("Which collections answers draw on"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("chatStatusLabel"));
    m_status->setTextFormat(Qt::PlainText); // carries server messages and model names
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setIcon(ActionIcons::icon(ActionIcons::Action::Export));
    setCollections({});

    auto* top = new QHBoxLayout;
    auto* searchIn = new QLabel(tr("Search &in:"), this);
    searchIn->setObjectName(QStringLiteral("searchInLabel"));
    searchIn->setBuddy(m_collection);
    top->addWidget(searchIn);
    top->addWidget(m_collection, 1);
    top->addWidget(exportButton);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_question, 1);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    buttons->addStretch();
    bottom->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_status);
    layout->addLayout(bottom);
    // Tab goes as the eye does: from the top row down to the question and its buttons.
    setTabOrder(m_collection, exportButton);
    setTabOrder(exportButton, m_transcript);
    setTabOrder(m_transcript, m_question);
    setTabOrder(m_question, m_send);
    setTabOrder(m_send, m_stop);

    m_drain = new QTimer(this);
    m_drain->setInterval(40);
    connect(m_drain, &QTimer::timeout, this, &ChatPane::drainStream);
    connect(m_send, &QPushButton::clicked, this, &ChatPane::send);
    connect(m_question, &QuestionEdit::submitted, this, &ChatPane::send);
    connect(m_question, &QuestionEdit::stopRequested, this, &ChatPane::stop);
    connect(m_stop, &QPushButton::clicked, this, &ChatPane::stop);
    connect(exportButton, &QPushButton::clicked, this, &ChatPane::exportConversation);
    connect(m_transcript, &QTextBrowser::anchorClicked, this, &ChatPane::linkActivated);
    updateControls();
}

ChatPane::~ChatPane() {
    // The answer keeps running on the pool until it sees the stop; its result is then dropped.
    m_stopSource.request_stop();
}

void ChatPane::setCollections(const QStringList& names) {
    const QString current = m_collection->currentData().toString();
    m_collection->clear();
    m_collection->addItem(tr("All collections"), QString());
    for (const QString& name : names)
        m_collection->addItem(name, name);
    const int index = m_collection->findData(current);
    m_collection->setCurrentIndex(index >= 0 ? index : 0);
}

void ChatPane::send() {
    const QString question = m_question->toPlainText().trimmed();
    if (question.isEmpty() || m_answering)
        return;
    m_question->clear();
    ask(question);
}

void ChatPane::ask(const QString& question) {
    if (m_answering || question.trimmed().isEmpty())
        return;
    TranscriptEntry asked;
    asked.content = question.trimmed();
    m_entries.push_back(asked);
    start(question.trimmed(), true);
}

void ChatPane::regenerate() {
    if (m_answering)
        return;
    // The last question, answered afresh: the old answer stays in the history above the new one.
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->role == TranscriptEntry::Role::User) {
            const QString question = it->content;
            TranscriptEntry asked;
            asked.content = question;
            m_entries.push_back(asked);
            start(question, false);
            return;
        }
    }
}

void ChatPane::start(const QString& question, bool useCache) {
    AskRequest request;
    request.question = question;
    request.conversationId = m_conversationId;
    request.useCache = useCache;
    request.search.k = m_topK;
    if (const QString collection = m_collection->currentData().toString(); !collection.isEmpty())
        request.search.collections = {collection};

    TranscriptEntry answer;
    answer.role = TranscriptEntry::Role::Assistant;
    answer.streaming = true;
    m_entries.push_back(answer);
    m_answering = true;
    m_citationEntry = -1;
    m_stopSource = std::stop_source();
    m_stream = std::make_shared<Stream>();
    render(false);
    updateControls();
    emit answeringChanged(true);
    m_status->setText(tr("Searching and answering…"));

    std::shared_ptr<Stream> stream = m_stream;
    auto onDelta = [stream](const QString& text) {
        std::lock_guard lock(stream->mutex);
        stream->pending += text;
    };
    QPointer<ChatPane> self(this);
    m_drain->start();
    m_engine.ask(request, std::move(onDelta), m_stopSource.get_token())
        .then(this, [self, stream](const Result<Answer>& result) {
            if (self && self->m_stream == stream)
                self->finish(result);
        });
}

void ChatPane::drainStream() {
    if (!m_stream || m_entries.empty())
        return;
    QString text;
    {
        std::lock_guard lock(m_stream->mutex);
        text.swap(m_stream->pending);
    }
    if (text.isEmpty())
        return;
    m_entries.back().content += text;
    render(true);
}

void ChatPane::finish(const Result<Answer>& result) {
    m_drain->stop();
    m_stream.reset();
    m_answering = false;
    TranscriptEntry& last = m_entries.back();
    last.streaming = false;
    if (result) {
        last.content = result->text;
        last.sources = result->sources;
        last.model = result->model;
        last.extractive = result->extractive;
        last.fromCache = result->fromCache;
        last.messageId = result->messageId;
        last.latencyMs = result->latencyMs;
        last.finish = result->finish;
        if (result->finish == QLatin1String("stopped"))
            m_status->setText(tr("Stopped: the answer so far is kept, with its sources."));
        else if (result->finish == QLatin1String("length"))
            m_status->setText(tr("The answer reached the model's length limit and was cut off."));
        else if (result->fromCache)
            m_status->setText(tr("Answered from the cache: the same question was answered a moment ago."));
        else if (result->extractive)
            m_status->setText(
                tr("Extractive answer: quoted from the documentation, no language model used."));
        else
            m_status->setText(
                tr("Answered by %1 in %2 ms.").arg(result->model, QLocale().toString(result->latencyMs)));
        // A new conversation, or an old one that moves to the top of the list.
        m_conversationId = result->conversationId;
        emit conversationChanged(m_conversationId);
    } else {
        last.role = TranscriptEntry::Role::Error;
        // What streamed before a failure stays visible above the reason.
        last.error = ErrorText::of(result.error());
        m_status->setText(tr("The answer failed: %1").arg(ErrorText::of(result.error())));
    }
    render(true);
    updateControls();
    emit answeringChanged(false);
    emit answerFinished(result.ok());
}

void ChatPane::stop() {
    if (!m_answering)
        return;
    m_stopSource.request_stop();
    m_status->setText(tr("Stopping…"));
}

void ChatPane::render(bool onlyLast) {
    QScrollBar* bar = m_transcript->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    if (onlyLast)
        m_renderer->renderLast(m_entries);
    else
        m_renderer->renderAll(m_entries);
    if (atBottom || !onlyLast)
        bar->setValue(bar->maximum());
}

void ChatPane::updateControls() {
    m_send->setEnabled(!m_answering);
    m_stop->setEnabled(m_answering);
}

void ChatPane::openConversation(qint64 id) {
    if (m_answering)
        stop();
    m_conversationId = id;
    m_entries.clear();
    m_citationEntry = -1;
    m_stream.reset();
    m_drain->stop();
    const bool wasAnswering = m_answering;
    m_answering = false;
    updateControls();
    if (wasAnswering)
        emit answeringChanged(false);
    render(false);
    m_status->clear();
    if (id == 0)
        return;
    const int generation = ++m_loadGeneration;
    QPointer<ChatPane> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, id] { return engine->history().messages(id); })
        .then(this, [self, generation](const Result<std::vector<ChatMessage>>& messages) {
            if (!self || generation != self->m_loadGeneration)
                return;
            if (messages)
                self->showMessages(*messages);
            else
                self->m_status->setText(
                    tr("Cannot load the conversation: %1").arg(ErrorText::of(messages.error())));
        });
}

void ChatPane::showMessages(const std::vector<ChatMessage>& messages) {
    m_entries.clear();
    m_citationEntry = -1;
    for (const ChatMessage& m : messages)
        m_entries.push_back(entryFor(m));
    render(false);
}

void ChatPane::linkActivated(const QUrl& url) {
    const QStringList parts = url.toString().split(QLatin1Char(':'));
    if (parts.size() < 2)
        return;
    const QString kind = parts[0];
    const int index = parts[1].toInt();
    if (index < 0 || index >= static_cast<int>(m_entries.size()))
        return;
    const TranscriptEntry& entry = m_entries[static_cast<size_t>(index)];
    if (kind == QLatin1String("cite") && parts.size() == 3) {
        const int n = parts[2].toInt();
        for (const Source& s : entry.sources) {
            if (s.number == n)
                emit citationActivated(s);
        }
    } else if (kind == QLatin1String("code") && parts.size() == 3) {
        const QStringList blocks = TranscriptRenderer::codeBlocks(entry.content);
        const int k = parts[2].toInt();
        if (k >= 0 && k < blocks.size()) {
            QApplication::clipboard()->setText(blocks[k]);
            m_status->setText(tr("Code copied."));
        }
    } else if (kind == QLatin1String("copy")) {
        QStringList texts{entry.content, entry.error};
        texts.removeAll(QString());
        QApplication::clipboard()->setText(texts.join(QStringLiteral("\n\n")));
        m_status->setText(tr("Answer copied."));
    } else if (kind == QLatin1String("up")) {
        setFeedback(index, entry.feedback > 0 ? 0 : 1);
    } else if (kind == QLatin1String("down")) {
        if (entry.feedback < 0) {
            setFeedback(index, 0);
            return;
        }
        // Not QInputDialog::getText: that would run a nested event loop.
        auto* dialog = new QInputDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setObjectName(QStringLiteral("feedbackDialog"));
        dialog->setLabelText(tr("What was wrong with this answer? (optional)"));
        connect(dialog, &QInputDialog::textValueSelected, this,
                [this, index](const QString& note) { setFeedback(index, -1, note); });
        dialog->open();
    } else if (kind == QLatin1String("regen")) {
        regenerate();
    }
}

void ChatPane::setFeedback(int index, int feedback, const QString& note) {
    if (index < 0 || index >= static_cast<int>(m_entries.size()))
        return;
    TranscriptEntry& entry = m_entries[static_cast<size_t>(index)];
    if (entry.messageId == 0)
        return;
    entry.feedback = feedback;
    render(false);
    const qint64 id = entry.messageId;
    RagEngine* engine = &m_engine;
    QPointer<ChatPane> self(this);
    m_engine.run([engine, id, feedback, note] { return engine->history().setFeedback(id, feedback, note); })
        .then(this, [self](const Status& stored) {
            if (self && !stored)
                self->m_status->setText(tr("Feedback not saved: %1").arg(ErrorText::of(stored.error())));
        });
}

void ChatPane::focusQuestion() {
    m_question->setFocus(Qt::ShortcutFocusReason);
}

void ChatPane::nextCitation() {
    moveCitation(1);
}

void ChatPane::previousCitation() {
    moveCitation(-1);
}

void ChatPane::moveCitation(int step) {
    int entry = -1;
    for (int i = static_cast<int>(m_entries.size()) - 1; i >= 0; --i) {
        const TranscriptEntry& e = m_entries[static_cast<size_t>(i)];
        if (e.role == TranscriptEntry::Role::Assistant && !e.streaming && !e.sources.empty()) {
            entry = i;
            break;
        }
    }
    if (entry < 0) {
        m_status->setText(tr("No answer with sources yet."));
        return;
    }
    const std::vector<Source>& sources = m_entries[static_cast<size_t>(entry)].sources;
    const int count = static_cast<int>(sources.size());
    if (entry != m_citationEntry) {
        m_citationEntry = entry;
        m_citation = step > 0 ? -1 : count;
    }
    m_citation = ((m_citation + step) % count + count) % count;
    const Source& source = sources[static_cast<size_t>(m_citation)];
    selectLink(QStringLiteral("cite:%1:%2").arg(entry).arg(source.number));
    const QString title = source.headingPath.isEmpty() ? source.title : source.headingPath;
    m_status->setText(tr("Source [%1] of %n: %2", nullptr, count).arg(source.number).arg(title));
    emit citationActivated(source);
}

void ChatPane::selectLink(const QString& href) {
    const QTextCursor cursor = LinkCursor::find(m_transcript->document(), href);
    if (cursor.isNull())
        return;
    m_transcript->setTextCursor(cursor);
    m_transcript->ensureCursorVisible();
}

void ChatPane::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The transcript's colours were computed from the palette it was written with.
    if (event->type() == QEvent::PaletteChange && m_renderer) {
        m_renderer->setPalette(palette());
        render(false);
    }
}

QString ChatPane::toMarkdown() const {
    return MarkdownExport::conversation(m_entries);
}

void ChatPane::exportConversation() {
    auto* dialog = new QFileDialog(this, tr("Export the conversation"), QString(), tr("Markdown (*.md)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("md"));
    const QString markdown = toMarkdown();
    connect(dialog, &QFileDialog::fileSelected, this, [this, markdown](const QString& path) {
        QPointer<ChatPane> self(this);
        m_engine
            .run([path, markdown] {
                QFile file(path);
                return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                       file.write(markdown.toUtf8()) >= 0 && file.flush();
            })
            .then(this, [self, path](bool ok) {
                if (self)
                    self->m_status->setText(ok ? tr("Exported to %1.").arg(path)
                                               : tr("Cannot write %1.").arg(path));
            });
    });
    dialog->open();
}

} // namespace docrag
