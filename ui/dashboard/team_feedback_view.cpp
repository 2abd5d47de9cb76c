#include "ui/dashboard/team_feedback_view.h"

#include "engine/library/team_libraries.h"
#include "engine/rag/rag_engine.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace docrag {

TeamFeedbackView::TeamFeedbackView(RagEngine& engine, QWidget* parent)
    : QGroupBox(tr("Team feedback"), parent)
    , m_engine(engine) {
    setObjectName(QStringLiteral("teamFeedbackGroupBox"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("teamFeedbackStatusLabel"));
    m_status->setTextFormat(Qt::PlainText); // the server's errors
    m_status->setWordWrap(true);
    m_refresh = new QPushButton(tr("Refres&h"), this);
    m_refresh->setObjectName(QStringLiteral("teamFeedbackRefreshButton"));
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("teamFeedbackTable"));
    m_table->setAccessibleName(tr("Team feedback"));
    m_table->setHorizontalHeaderLabels(
        {tr("Question"), tr("Not helpful"), tr("Helpful"), tr("Collections"), tr("Latest note")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setMinimumHeight(140);
    auto* header = new QHBoxLayout;
    header->addWidget(m_status, 1);
    header->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_table);
    connect(m_refresh, &QPushButton::clicked, this, &TeamFeedbackView::refresh);
}

void TeamFeedbackView::showEvent(QShowEvent* event) {
    QGroupBox::showEvent(event);
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        refresh();
    }
}

void TeamFeedbackView::refresh() {
    m_refresh->setEnabled(false);
    m_status->setText(tr("Reading the team libraries…"));
    RagEngine* engine = &m_engine;
    QPointer<TeamFeedbackView> self(this);
    // The long pool: a library that does not answer may take its connect timeout.
    m_engine
        .runLong([engine] {
            Loaded loaded;
            auto libraries = engine->libraries().list();
            if (!libraries) {
                loaded.errors << libraries.error().message;
                return loaded;
            }
            loaded.libraries = static_cast<int>(libraries->size());
            for (const TeamLibrary& library : *libraries) {
                auto topics = engine->libraries().feedbackReport(library.url);
                if (!topics) {
                    // A library nothing was shared in yet has no feedback: not an error.
                    if (topics.error().code != ErrorCode::NotFound)
                        loaded.errors << topics.error().message;
                    continue;
                }
                loaded.topics.insert(loaded.topics.end(), topics->begin(), topics->end());
            }
            std::stable_sort(
                loaded.topics.begin(), loaded.topics.end(),
                [](const FeedbackTopic& a, const FeedbackTopic& b) { return a.notHelpful > b.notHelpful; });
            return loaded;
        })
        .then(this, [self](const Loaded& loaded) {
            if (self)
                self->present(loaded);
        });
}

void TeamFeedbackView::present(const Loaded& loaded) {
    m_refresh->setEnabled(true);
    m_table->setRowCount(static_cast<int>(loaded.topics.size()));
    for (int row = 0; row < static_cast<int>(loaded.topics.size()); ++row) {
        const FeedbackTopic& t = loaded.topics[static_cast<size_t>(row)];
        const QStringList cells = {t.question, QString::number(t.notHelpful), QString::number(t.helpful),
                                   t.collections.join(QStringLiteral(", ")), t.notes.value(0)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == 4 && t.notes.size() > 1)
                item->setToolTip(PlainToolTip::of(t.notes.join(QLatin1Char('\n'))));
            m_table->setItem(row, column, item);
        }
    }
    if (loaded.libraries == 0)
        m_status->setText(tr("No team library is subscribed (File > Team libraries…)."));
    else if (!loaded.errors.isEmpty())
        m_status->setText(loaded.errors.join(QLatin1Char('\n')));
    else if (loaded.topics.empty())
        m_status->setText(tr("No feedback has been shared with the team libraries yet."));
    else
        m_status->setText(tr("%Ln questions with feedback, those most often not helpful first.", "",
                             static_cast<int>(loaded.topics.size())));
}

} // namespace docrag
