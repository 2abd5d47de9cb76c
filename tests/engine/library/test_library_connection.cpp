#include "engine/library/library_connection.h"
#include "tests/support/team_library_rig.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace docrag;

// Connections to a real PostgreSQL server: the options of the URL reach libpq (sslmode), and each way
// of failing is one clear line that holds no password.
class TestLibraryConnection final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;
    QString m_url;

private slots:
    void initTestCase() {
        QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error()));
        m_url = m_rig.freshLibrary();
        QVERIFY(!m_url.isEmpty());
    }

    void connects() {
        auto connection = test::TeamLibraryRig::connect(m_url);
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
        QVERIFY(connection->exec(QStringLiteral("SELECT 1"), "test"));
    }

    // The test server has no certificate: sslmode=require must fail, and say so.
    void sslmodeIsHonoured() {
        auto required = test::TeamLibraryRig::connect(m_url + QStringLiteral("?sslmode=require"));
        QVERIFY(!required);
        QCOMPARE(required.error().code, ErrorCode::Network);
        QVERIFY2(required.error().message.contains(QLatin1String("SSL")),
                 qPrintable(required.error().message));
        QVERIFY(test::TeamLibraryRig::connect(m_url + QStringLiteral("?sslmode=disable")));
    }

    // A server with a certificate: require encrypts; verify-full also checks the certificate, against
    // the given root and the host name.
    void verifyFullChecksTheCertificateAndTheName() {
        test::PostgresServer secure;
        secure.setSsl(true);
        QVERIFY2(secure.start(), qPrintable(secure.error()));
        QVERIFY(secure.exec(QStringLiteral("CREATE DATABASE docs")));
        // No root certificate of the user's (~/.postgresql/root.crt) may decide the outcome.
        test::TempTree home;
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", QFile::encodeName(home.path()));
        const QString url = secure.url(QStringLiteral("docs"));
        const auto encrypted = [](LibraryConnection& c) {
            QSqlQuery q(c.database());
            return q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
                   q.next() && q.value(0).toBool();
        };
        auto required = test::TeamLibraryRig::connect(url + QStringLiteral("?sslmode=require"));
        QVERIFY2(required, qPrintable(required ? QString() : required.error().message));
        QVERIFY(encrypted(*required));
        auto unverified = test::TeamLibraryRig::connect(url + QStringLiteral("?sslmode=verify-full"));
        QVERIFY(!unverified);
        QVERIFY2(unverified.error().message.startsWith(QLatin1String("cannot connect securely")),
                 qPrintable(unverified.error().message));
        auto verified = test::TeamLibraryRig::connect(
            url + QStringLiteral("?sslmode=verify-full&sslrootcert=") + secure.caFile());
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
        QVERIFY(encrypted(*verified));
        QString byName = url + QStringLiteral("?sslmode=verify-full&sslrootcert=") + secure.caFile();
        byName.replace(QLatin1String("127.0.0.1"), QLatin1String("localhost"));
        auto wrongName = test::TeamLibraryRig::connect(byName);
        QVERIFY(!wrongName);
        QVERIFY2(wrongName.error().message.contains(QLatin1String("localhost")),
                 qPrintable(wrongName.error().message));
        qputenv("HOME", oldHome);
    }

    void failuresAreOneClearLine_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const int port = m_rig.server().port();
        QTest::newRow("password")
            << QStringLiteral("postgresql://docrag_admin:wrong-pw@127.0.0.1:%1/postgres").arg(port)
            << int(ErrorCode::Auth) << "refused the password of user \"docrag_admin\"";
        QTest::newRow("database") << QStringLiteral("postgresql://docrag_admin:%1@127.0.0.1:%2/nowhere")
                                         .arg(QLatin1String(test::PostgresServer::kAdminPassword))
                                         .arg(port)
                                  << int(ErrorCode::NotFound) << "\"nowhere\" does not exist";
        // Port 1: nothing listens there.
        QTest::newRow("no server") << QStringLiteral(
                                          "postgresql://docrag_admin:wrong-pw@127.0.0.1:1/postgres")
                                   << int(ErrorCode::Network) << "cannot reach the team library";
    }
    void failuresAreOneClearLine() {
        QFETCH(QString, url);
        QFETCH(int, code);
        QFETCH(QString, says);
        auto connection = test::TeamLibraryRig::connect(url);
        QVERIFY(!connection);
        QCOMPARE(int(connection.error().code), code);
        const QString message = connection.error().message;
        QVERIFY2(message.contains(says), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
        QVERIFY(!message.contains(QLatin1String("wrong-pw")));
        QVERIFY(!message.contains(QLatin1String(test::PostgresServer::kAdminPassword)));
    }
};

QTEST_GUILESS_MAIN(TestLibraryConnection)
#include "test_library_connection.moc"
