#include "engine/library/library_url.h"

#include <QTest>

using namespace docrag;

// Library URLs: libpq's form, the password never in what is stored or shown, clear errors.
class TestLibraryUrl final : public QObject {
    Q_OBJECT

private slots:
    void parsesAndLeavesThePasswordOut() {
        auto url =
            LibraryUrl::parse(QStringLiteral("postgresql://alice:s%40cret@db.example.com:6543/team_docs"
                                             "?sslmode=verify-full&sslrootcert=/etc/ssl/our%20ca.pem"));
        QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
        QCOMPARE(url->user, QStringLiteral("alice"));
        QCOMPARE(url->password, QStringLiteral("s@cret"));
        QCOMPARE(url->host, QStringLiteral("db.example.com"));
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->database, QStringLiteral("team_docs"));
        QCOMPARE(url->options.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        const QString shown = url->toString();
        QVERIFY(!shown.contains(QLatin1String("cret")));
        QVERIFY(shown.startsWith(QLatin1String("postgresql://alice@db.example.com:6543/team_docs?")));
        // What is stored parses back to the same library.
        auto again = LibraryUrl::parse(shown);
        QVERIFY(again);
        QCOMPARE(again->toString(), shown);
        QVERIFY(url->connectOptions().contains(QLatin1String("sslrootcert='/etc/ssl/our ca.pem'")));
        QVERIFY(url->connectOptions().contains(QLatin1String("connect_timeout='5'")));
    }

    void aSocketFolderAndTheDefaults() {
        auto url = LibraryUrl::parse(QStringLiteral("postgres:///docs?host=/var/run/postgresql"));
        QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
        QCOMPARE(url->host, QStringLiteral("/var/run/postgresql"));
        QCOMPARE(url->port, 5432);
        QCOMPARE(url->toString(), QStringLiteral("postgresql:///docs?host=/var/run/postgresql"));
    }

    void badUrlsSayWhy_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("scheme") << "mysql://db/docs"
                                << "must start with postgresql://";
        QTest::newRow("no database") << "postgresql://db.example.com"
                                     << "names no database";
        QTest::newRow("sslmode") << "postgresql://db/docs?sslmode=sometimes"
                                 << "sslmode must be one of";
        QTest::newRow("option") << "postgresql://db/docs?pool=9"
                                << "unknown option \"pool\"";
    }
    void badUrlsSayWhy() {
        QFETCH(QString, text);
        QFETCH(QString, why);
        auto url = LibraryUrl::parse(text);
        QVERIFY(!url);
        QCOMPARE(url.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(url.error().message.contains(why), qPrintable(url.error().message));
    }
};

QTEST_GUILESS_MAIN(TestLibraryUrl)
#include "test_library_url.moc"
