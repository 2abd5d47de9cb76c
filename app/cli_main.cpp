#include "app/cli/cli_app.h"
#include "engine/core/process_memory.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    docrag::ProcessMemory::configure();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("docrag"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOCRAG_VERSION));
    return docrag::CliApp::run(QCoreApplication::arguments());
}
