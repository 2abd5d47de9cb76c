#include "engine/core/secret_scrubber.h"

#include <QTest>

using namespace docrag;

class TestSecretScrubber final : public QObject {
    Q_OBJECT

private slots:
    void removesTheKeyAndRunsOfIt() {
        const QString key = QStringLiteral("zz-custom-Q7w8e9r0t1y2u3i4o5p6");
        QCOMPARE(SecretScrubber::scrub(QStringLiteral("bad key: ") + key, {key}),
                 QStringLiteral("bad key: [redacted]"));
        // A server that shows part of it ("zz-custom-Q7w8e9r0t1...") still shows too much.
        const QString partial =
            SecretScrubber::scrub(QStringLiteral("got ") + key.left(20) + QStringLiteral("***"), {key});
        QVERIFY2(!partial.contains(key.left(12)), qPrintable(partial));
        // Short overlaps are ordinary words, not the key.
        QCOMPARE(SecretScrubber::scrub(QStringLiteral("custom"), {key}), QStringLiteral("custom"));
    }

    void removesWhatLooksLikeACredential() {
        const QString scrubbed = SecretScrubber::scrub(QStringLiteral(
            "Authorization: Bearer abc.DEF-123_xyz; x-api-key: \"k-99887766\" key sk-proj-AbCdEf123456 "
            "url?api_key=s3cr3tvalue&x=1 token=tok_55 password: hunter2"));
        for (const char* secret :
             {"abc.DEF-123_xyz", "k-99887766", "sk-proj-AbCdEf123456", "s3cr3tvalue", "tok_55", "hunter2"})
            QVERIFY2(!scrubbed.contains(QLatin1String(secret)), qPrintable(scrubbed));
        QVERIFY(scrubbed.contains(QLatin1String("&x=1")));
        // Words about tokens are not credentials.
        QCOMPARE(SecretScrubber::scrub(QStringLiteral("max_tokens: 4096, 12 tokens left")),
                 QStringLiteral("max_tokens: 4096, 12 tokens left"));
    }

    void reducesErrorBodiesToTheirMessage() {
        QCOMPARE(SecretScrubber::errorMessage(R"({"error":{"message":"Model not found","type":"x"}})", {}),
                 QStringLiteral("Model not found"));
        QCOMPARE(SecretScrubber::errorMessage(R"({"detail":"Not Found"})", {}), QStringLiteral("Not Found"));
        QCOMPARE(SecretScrubber::errorMessage("<html><head><title>502 Bad Gateway</title></head><body><pre>"
                                              "authorization: Bearer sk-abcdefghijkl</pre></body></html>",
                                              {}),
                 QStringLiteral("502 Bad Gateway"));
        const QString page = SecretScrubber::errorMessage(
            "<html><body><script>x()</script><b>Down</b> for a while</body></html>", {});
        QCOMPARE(page, QStringLiteral("Down for a while"));
        const QString longBody = SecretScrubber::errorMessage(QByteArray(5000, 'a'), {}, 300);
        QCOMPARE(longBody.size(), 301);
    }
};

QTEST_GUILESS_MAIN(TestSecretScrubber)
#include "test_secret_scrubber.moc"
