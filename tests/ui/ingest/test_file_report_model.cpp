#include "ui/ingest/file_report_model.h"

#include <QTest>
#include <QTextDocument>

using namespace docrag;

// The wizard's report of every file: paths and reasons are text, in the table and in its tooltips.
class TestFileReportModel final : public QObject {
    Q_OBJECT

private slots:
    void tooltipsShowPathsAndReasonsAsWritten() {
        FileReportModel model;
        FileReport report;
        report.path = QStringLiteral("/docs/<b>bold</b><img src=x>.md");
        report.outcome = FileOutcome::Failed;
        report.detail = QStringLiteral("<a href=\"file:///etc/passwd\">not valid UTF-8</a>");
        model.append(report);
        QCOMPARE(model.data(model.index(0, FileReportModel::PathColumn)).toString(), report.path);
        for (const auto& [column, text] : {std::pair{FileReportModel::PathColumn, report.path},
                                           std::pair{FileReportModel::ReasonColumn, report.detail}}) {
            const QString tip = model.data(model.index(0, column), Qt::ToolTipRole).toString();
            // A tooltip that looks like rich text is shown as rich text: it must read as the plain text.
            QTextDocument shown;
            if (Qt::mightBeRichText(tip))
                shown.setHtml(tip);
            else
                shown.setPlainText(tip);
            QCOMPARE(shown.toPlainText(), text);
        }
    }
};

QTEST_MAIN(TestFileReportModel)
#include "test_file_report_model.moc"
