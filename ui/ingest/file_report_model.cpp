#include "ui/ingest/file_report_model.h"

#include "ui/widgets/plain_tool_tip.h"

#include <QBrush>

namespace docrag {

FileReportModel::FileReportModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void FileReportModel::append(const FileReport& report) {
    const int row = static_cast<int>(m_reports.size());
    beginInsertRows({}, row, row);
    m_reports.push_back(report);
    endInsertRows();
}

void FileReportModel::clear() {
    beginResetModel();
    m_reports.clear();
    endResetModel();
}

int FileReportModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_reports.size());
}

int FileReportModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileReportModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const FileReport& r = m_reports[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case PathColumn:
            return r.path;
        case StatusColumn:
            return outcomeText(r.outcome);
        case ReasonColumn:
            if (r.outcome == FileOutcome::Indexed && r.detail.isEmpty())
                return tr("%Ln passages", "", r.chunks);
            return r.detail;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() != StatusColumn)
        return PlainToolTip::of(index.column() == PathColumn ? r.path : r.detail);
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && r.outcome == FileOutcome::Failed)
        return QBrush(Qt::red);
    return {};
}

QString FileReportModel::outcomeText(FileOutcome outcome) {
    switch (outcome) {
    case FileOutcome::Indexed:
        return tr("indexed");
    case FileOutcome::Unchanged:
        return tr("unchanged");
    case FileOutcome::Skipped:
        return tr("skipped");
    case FileOutcome::Failed:
        return tr("failed");
    case FileOutcome::Removed:
        break;
    }
    return tr("removed");
}

QVariant FileReportModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("File");
    case StatusColumn:
        return tr("Status");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace docrag
