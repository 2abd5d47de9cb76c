#include "app/cli/cli_app.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("docrag"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOCRAG_VERSION));
    return docrag::CliApp::run(QCoreApplication::arguments());
}
