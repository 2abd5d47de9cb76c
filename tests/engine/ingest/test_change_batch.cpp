#include "engine/ingest/change_batch.h"

#include <QTest>

using namespace docrag;

class TestChangeBatch final : public QObject {
    Q_OBJECT

private slots:
    void dueWhenQuietOrAtTheLatestAfterTheMaximumDelay() {
        ChangeBatch batch(100, 1000);
        QVERIFY(batch.isEmpty());
        QCOMPARE(batch.dueAtMs(), qint64(-1));
        batch.add(QStringLiteral("/d/a.md"), 5000);
        QCOMPARE(batch.dueAtMs(), qint64(5100));
        batch.add(QStringLiteral("/d/b.md"), 5050);
        QCOMPARE(batch.dueAtMs(), qint64(5150));
        // A folder that never rests is still synced within the maximum delay of its first change.
        for (qint64 t = 5100; t < 7000; t += 50)
            batch.add(QStringLiteral("/d/c.md"), t);
        QCOMPARE(batch.dueAtMs(), qint64(6000));
        const ChangeBatch::Taken taken = batch.take();
        QVERIFY(!taken.everything);
        QCOMPARE(taken.paths, (QStringList{"/d/a.md", "/d/b.md", "/d/c.md"}));
        QVERIFY(batch.isEmpty());
        QCOMPARE(batch.dueAtMs(), qint64(-1));
    }

    void aPathUnderAnotherIsCoveredByIt() {
        ChangeBatch batch(100, 1000);
        for (const char* path :
             {"/d/guide/b.md", "/d/guide", "/d/guide-2/x.md", "/d/guide/sub/c.md", "/d/a.md"})
            batch.add(QString::fromLatin1(path), 0);
        QCOMPARE(batch.take().paths, (QStringList{"/d/a.md", "/d/guide", "/d/guide-2/x.md"}));
    }

    void tooManyPathsOrALossMeanEverything() {
        ChangeBatch batch(100, 1000, 3);
        for (int i = 0; i < 4; ++i)
            batch.add(QStringLiteral("/d/%1.md").arg(i), i);
        ChangeBatch::Taken taken = batch.take();
        QVERIFY(taken.everything);
        QVERIFY(taken.paths.isEmpty());
        batch.add(QStringLiteral("/d/a.md"), 10);
        batch.addEverything(20);
        QCOMPARE(batch.dueAtMs(), qint64(120));
        batch.add(QStringLiteral("/d/b.md"), 30);
        taken = batch.take();
        QVERIFY(taken.everything);
        QVERIFY(taken.paths.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChangeBatch)
#include "test_change_batch.moc"
