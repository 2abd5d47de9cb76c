#pragma once

#include "engine/ingest/ingest_limits.h"

#include <QGroupBox>

class QSpinBox;

namespace docrag {

// The wizard's side of IngestLimits: what one file may cost, for the user who ingests files nobody
// checked (or one very large manual). Starts at the defaults the command line uses.
class IngestLimitsBox final : public QGroupBox {
    Q_OBJECT

public:
    explicit IngestLimitsBox(QWidget* parent = nullptr);

    IngestLimits limits() const;

private:
    QSpinBox* addSpinBox(const char* name, int minimum, int maximum, int value, const QString& suffix);

    QSpinBox* m_passages = nullptr;
    QSpinBox* m_fileMb = nullptr;
    QSpinBox* m_blockChars = nullptr;
    QSpinBox* m_htmlDepth = nullptr;
    QSpinBox* m_memoryMb = nullptr;
};

} // namespace docrag
