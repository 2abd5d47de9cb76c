#pragma once

#include "engine/ingest/ingest_report.h"

#include <QAbstractTableModel>

#include <vector>

namespace docrag {

// The per-file outcomes of an ingest as a table: path, status, reason. Rows are appended as the
// files finish; a collection of tens of thousands of files stays cheap to show.
class FileReportModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { PathColumn, StatusColumn, ReasonColumn, ColumnCount };

    explicit FileReportModel(QObject* parent = nullptr);

    void append(const FileReport& report);
    void clear();
    const FileReport& report(int row) const { return m_reports[static_cast<size_t>(row)]; }
    // The status column's word for an outcome, in the user's language.
    static QString outcomeText(FileOutcome outcome);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<FileReport> m_reports;
};

} // namespace docrag
