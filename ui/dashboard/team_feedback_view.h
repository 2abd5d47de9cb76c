#pragma once

#include "engine/library/feedback_sharer.h"

#include <QGroupBox>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace docrag {

class RagEngine;

// The dashboard's "Team feedback": what the team said of the answers its libraries' collections gave,
// the questions most often found not helpful first, from every subscribed library (FeedbackSharer). Read
// from the libraries when first shown and on Refresh, never on a timer: it is the network.
class TeamFeedbackView final : public QGroupBox {
    Q_OBJECT

public:
    explicit TeamFeedbackView(RagEngine& engine, QWidget* parent = nullptr);

    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Loaded final {
        std::vector<FeedbackTopic> topics;
        QStringList errors;
        int libraries = 0;
    };
    void present(const Loaded& loaded);

    RagEngine& m_engine;
    QLabel* m_status = nullptr;
    QPushButton* m_refresh = nullptr;
    QTableWidget* m_table = nullptr;
    bool m_loadedOnce = false;
};

} // namespace docrag
