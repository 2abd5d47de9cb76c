#include "engine/core/folder_path.h"

#include <QTest>

using namespace docrag;

class TestFolderPath final : public QObject {
    Q_OBJECT

private slots:
    void aFolderHoldsItselfAndWhatIsUnderIt() {
        QVERIFY(FolderPath::holds(QStringLiteral("/d/guide"), QStringLiteral("/d/guide")));
        QVERIFY(FolderPath::holds(QStringLiteral("/d/guide"), QStringLiteral("/d/guide/a.md")));
        QVERIFY(FolderPath::holds(QStringLiteral("/d/guide"), QStringLiteral("/d/guide/sub/b.md")));
        QVERIFY(!FolderPath::holds(QStringLiteral("/d/guide"), QStringLiteral("/d/guide-2/a.md")));
        QVERIFY(!FolderPath::holds(QStringLiteral("/d/guide"), QStringLiteral("/d/guid")));
        QVERIFY(!FolderPath::holds(QStringLiteral("/d/guide/a.md"), QStringLiteral("/d/guide")));
        // A root that ends with the separator.
        QVERIFY(FolderPath::holds(QStringLiteral("/"), QStringLiteral("/d/a.md")));
        QVERIFY(FolderPath::holds(QStringLiteral("/d/"), QStringLiteral("/d/a.md")));
    }

    void anyOfSeveral() {
        const QStringList folders{QStringLiteral("/a"), QStringLiteral("/b/c")};
        QVERIFY(FolderPath::anyHolds(folders, QStringLiteral("/b/c/d")));
        QVERIFY(FolderPath::anyHolds(folders, QStringLiteral("/a")));
        QVERIFY(!FolderPath::anyHolds(folders, QStringLiteral("/b")));
        QVERIFY(!FolderPath::anyHolds({}, QStringLiteral("/a")));
    }
};

QTEST_GUILESS_MAIN(TestFolderPath)
#include "test_folder_path.moc"
