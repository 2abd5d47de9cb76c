#include "engine/rag/response_cache.h"
#include "engine/store/database.h"
#include "tests/support/manual_clock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace docrag;

class TestResponseCache final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    test::ManualClock m_clock;

private slots:
    void initTestCase() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("c.sqlite3")));
        QVERIFY(db.ok());
        m_db = std::move(*db);
    }

    void keysIgnoreCaseSpacingAndOrder() {
        const QString a =
            ResponseCache::key(QStringLiteral("How do I  read a file?"),
                               {QStringLiteral("py"), QStringLiteral("guide")}, QStringLiteral("m"));
        QCOMPARE(ResponseCache::key(QStringLiteral(" how do i read a FILE "),
                                    {QStringLiteral("guide"), QStringLiteral("py")}, QStringLiteral("m")),
                 a);
        QVERIFY(ResponseCache::key(QStringLiteral("how do i read a file"), {QStringLiteral("py")},
                                   QStringLiteral("m")) != a);
        QVERIFY(ResponseCache::key(QStringLiteral("how do i read a file"),
                                   {QStringLiteral("py"), QStringLiteral("guide")},
                                   QStringLiteral("other")) != a);
        QVERIFY(ResponseCache::key(QStringLiteral("how do i write a file"),
                                   {QStringLiteral("py"), QStringLiteral("guide")},
                                   QStringLiteral("m")) != a);
    }

    void storesCountsAndExpires() {
        ResponseCache cache(*m_db, m_clock, 60'000);
        const QString key =
            ResponseCache::key(QStringLiteral("q1"), {QStringLiteral("py")}, QStringLiteral("m"));
        QVERIFY(!cache.get(key).value().has_value());
        QVERIFY(cache
                    .put(key, QJsonObject{{QStringLiteral("answer"), QStringLiteral("42")}},
                         {QStringLiteral("py")})
                    .ok());
        const auto found = cache.get(key).value();
        QVERIFY(found.has_value());
        QCOMPARE(found->value(QStringLiteral("answer")).toString(), QStringLiteral("42"));
        QCOMPARE(cache.hits(), qint64(1));
        QCOMPARE(cache.misses(), qint64(1));
        m_clock.advanceMs(60'001);
        QVERIFY(!cache.get(key).value().has_value());
        QCOMPARE(cache.misses(), qint64(2));
        QCOMPARE(cache.prune(100).value(), 1);
    }

    void invalidatesByCollectionTag() {
        ResponseCache cache(*m_db, m_clock);
        const QString both = ResponseCache::key(QStringLiteral("a"), {}, QStringLiteral("m"));
        const QString python = ResponseCache::key(QStringLiteral("b"), {}, QStringLiteral("m"));
        const QString guide = ResponseCache::key(QStringLiteral("c"), {}, QStringLiteral("m"));
        QVERIFY(cache.put(both, {}, {QStringLiteral("python"), QStringLiteral("guide")}).ok());
        QVERIFY(cache.put(python, {}, {QStringLiteral("python")}).ok());
        QVERIFY(cache.put(guide, {}, {QStringLiteral("guide")}).ok());
        QCOMPARE(cache.invalidate(QStringLiteral("py")).value(), 0); // a tag is a whole name
        QCOMPARE(cache.invalidate(QStringLiteral("python")).value(), 2);
        QVERIFY(!cache.get(both).value().has_value());
        QVERIFY(!cache.get(python).value().has_value());
        QVERIFY(cache.get(guide).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestResponseCache)
#include "test_response_cache.moc"
