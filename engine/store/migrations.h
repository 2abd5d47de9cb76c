#pragma once

#include <QStringList>

#include <vector>

namespace docrag {

struct Migration final {
    int version = 0; // the schema version after this migration; PRAGMA user_version records it
    QString description;
    QStringList statements;
};

// The schema history. Append new migrations; never edit one that has shipped.
class Migrations final {
public:
    static const std::vector<Migration>& all();
    static int latestVersion();
};

} // namespace docrag
