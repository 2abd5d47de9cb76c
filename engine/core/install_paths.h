#pragma once

#include <QString>

namespace docrag {

// Where the programs' own files are, found from the running executable so that an installation works
// from any prefix (/usr, /usr/local, an unpacked archive, a dpkg -x root) and the build tree works the
// same way: bin/ (build/app/ in the build tree) sits beside share/docrag/ and lib/docrag/.
class InstallPaths final {
public:
    // <prefix>/share/docrag, <prefix> being the folder above the executable's.
    static QString dataDir();
    // The bundled user guide (Markdown pages); empty when it is not installed.
    static QString guideDir();

    // The same, for an executable in `applicationDir` (tests use it; it needs no application object).
    static QString dataDirFor(const QString& applicationDir);
    static QString guideDirFor(const QString& applicationDir);
    // <prefix>/lib/docrag: the programs' modules (plugins/docrag_pdf.so).
    static QString libDirFor(const QString& applicationDir);
};

} // namespace docrag
