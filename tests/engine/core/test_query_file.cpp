#include "engine/core/query_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace docrag;

class TestQueryFile final : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void linesCommentsAndJsonLines() {
        const QString path = write("# a comment\n"
                                   "how do I read a file\n"
                                   "\n"
                                   "   QString append  \n"
                                   "{\"_id\": \"1\", \"text\": \"what is a tuple\"}\n"
                                   "{\"query\": \"sort a list\"}\n"
                                   "{\"neither\": \"field\"}\n");
        const auto queries = QueryFile::read(path);
        QVERIFY(queries);
        QCOMPARE(*queries,
                 (QStringList{QStringLiteral("how do I read a file"), QStringLiteral("QString append"),
                              QStringLiteral("what is a tuple"), QStringLiteral("sort a list")}));
    }

    void aFileWithNoQueryIsAnError() {
        const auto queries = QueryFile::read(write("# only a comment\n\n"));
        QVERIFY(!queries);
        QCOMPARE(queries.error().code, ErrorCode::InvalidArgument);
    }

    void aMissingFileIsAnError() {
        const auto queries = QueryFile::read(m_dir.filePath(QStringLiteral("missing.txt")));
        QVERIFY(!queries);
        QCOMPARE(queries.error().code, ErrorCode::Io);
    }

private:
    QString write(const QByteArray& content) {
        const QString path = m_dir.filePath(QStringLiteral("queries.txt"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(content);
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestQueryFile)
#include "test_query_file.moc"
