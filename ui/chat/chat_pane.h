#pragma once

#include "engine/core/answer.h"
#include "engine/core/chat_message.h"
#include "engine/core/result.h"
#include "engine/core/source.h"
#include "ui/chat/transcript_entry.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <mutex>
#include <stop_token>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTimer;
class QUrl;

namespace docrag {

class QuestionEdit;
class RagEngine;
class TranscriptRenderer;

// The centre of the window: the conversation, the question box, and the controls of an answer. Answers
// stream in from the engine's pool through a buffer the UI drains on a timer, so no engine thread ever
// touches a widget and a fast stream costs at most one repaint per tick.
class ChatPane final : public QWidget {
    Q_OBJECT
public:
    explicit ChatPane(RagEngine& engine, QWidget* parent = nullptr);
    ~ChatPane() override;

    qint64 conversationId() const { return m_conversationId; }
    bool isAnswering() const { return m_answering; }
    const std::vector<TranscriptEntry>& entries() const { return m_entries; }
    void setTopK(int k) { m_topK = k; }
    // The conversation as a Markdown document: questions, answers and their sources.
    QString toMarkdown() const;

public slots:
    void ask(const QString& question);
    void stop();
    void regenerate();
    void openConversation(qint64 id); // 0: a new, empty conversation
    void setCollections(const QStringList& names);
    void exportConversation();
    void setFeedback(int entry, int feedback, const QString& note = {});
    // Puts the keyboard focus in the question box.
    void focusQuestion();
    // Moves to the next (previous) source of the last answer that has sources, wrapping around: its
    // citation is selected in the transcript and the source opens (citationActivated).
    void nextCitation();
    void previousCitation();

signals:
    void citationActivated(const docrag::Source& source);
    void conversationChanged(qint64 id);
    void answerFinished(bool ok);
    // An answer started or ended: what Stop and Regenerate may do changed.
    void answeringChanged(bool answering);

private:
    struct Stream;

    void send();
    void start(const QString& question, bool useCache);
    void finish(const Result<Answer>& answer);
    void drainStream();
    void linkActivated(const QUrl& url);
    void showMessages(const std::vector<ChatMessage>& messages);
    void render(bool onlyLast);
    void updateControls();
    void moveCitation(int step);
    // Selects the first link to `href` in the transcript and scrolls it into view.
    void selectLink(const QString& href);

protected:
    void changeEvent(QEvent* event) override;

private:
    RagEngine& m_engine;
    QTextBrowser* m_transcript = nullptr;
    QuestionEdit* m_question = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_stop = nullptr;
    QComboBox* m_collection = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_drain = nullptr;
    std::unique_ptr<TranscriptRenderer> m_renderer;

    std::vector<TranscriptEntry> m_entries;
    qint64 m_conversationId = 0;
    int m_topK = 5;
    bool m_answering = false;
    std::stop_source m_stopSource;
    std::shared_ptr<Stream> m_stream;
    int m_loadGeneration = 0;
    int m_citationEntry = -1; // the entry whose sources F8 walks; -1: start again at the last answer
    int m_citation = -1;      // the source of that entry last moved to
};

} // namespace docrag
