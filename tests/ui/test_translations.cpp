// The .ts files: complete for the code as it is (nothing unfinished, nothing obsolete, nothing the code has
// that they lack), with every placeholder kept and the plural forms each language needs.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kRepo = QDir::cleanPath(QStringLiteral(DOCRAG_TEST_DATA_DIR "/../.."));

struct Message final {
    QString context;
    QString source;
    QString type;             // "", "unfinished", "obsolete", "vanished"
    QStringList translations; // one, or one per plural form
    bool numerus = false;
};

std::vector<Message> readAll(const QString& path, QString* error) {
    std::vector<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    bool inTranslation = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                m = Message{context,
                            {},
                            {},
                            {},
                            xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            } else if (name == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                if (m.numerus) {
                    inTranslation = true;
                } else {
                    m.translations << xml.readElementText();
                    out.push_back(m);
                }
            } else if (name == QLatin1String("numerusform") && inTranslation) {
                m.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("translation") && inTranslation) {
            inTranslation = false;
            out.push_back(m);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%L?(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0).remove(QLatin1Char('L'));
    found.sort();
    return found;
}

} // namespace

class TestTranslations final : public QObject {
    Q_OBJECT

private:
    void check(const QString& language, int pluralForms, bool everyMessage) {
        QString error;
        const std::vector<Message> messages =
            readAll(kRepo + QStringLiteral("/translations/docrag_%1.ts").arg(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const Message& m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
            if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished")) {
                problems << QStringLiteral("%1 entry %2").arg(m.type, where);
                continue;
            }
            if (!everyMessage && !m.numerus)
                continue; // English needs only its plural forms: the source is English
            if (m.type == QLatin1String("unfinished")) {
                problems << QStringLiteral("unfinished %1").arg(where);
                continue;
            }
            if (m.numerus && m.translations.size() != pluralForms)
                problems << QStringLiteral("%1 plural forms, not %2: %3")
                                .arg(m.translations.size())
                                .arg(pluralForms)
                                .arg(where);
            for (const QString& t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << QStringLiteral("empty translation of %1").arg(where);
                else if (placeholders(t) != placeholders(m.source))
                    problems << QStringLiteral("placeholders differ in \"%1\" for %2").arg(t, where);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

private slots:
    void germanIsComplete() { check(QStringLiteral("de"), 2, true); }
    void frenchIsComplete() { check(QStringLiteral("fr"), 2, true); }
    void englishHasItsPluralForms() { check(QStringLiteral("en"), 2, false); }

    // The files hold what the code says now: lupdate run on the sources adds nothing to them.
    void filesAreUpToDateWithTheCode() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString& language : {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("en")}) {
            const QString copy = dir.filePath(QStringLiteral("docrag_%1.ts").arg(language));
            QVERIFY(QFile::copy(kRepo + QStringLiteral("/translations/docrag_%1.ts").arg(language), copy));
            QProcess lupdate;
            lupdate.start(QStringLiteral(DOCRAG_LUPDATE),
                          {kRepo + QStringLiteral("/ui"), kRepo + QStringLiteral("/engine"),
                           kRepo + QStringLiteral("/app/gui_main.cpp"), QStringLiteral("-I"), kRepo,
                           QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
                           QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                           QStringLiteral("none"), QStringLiteral("-ts"), copy});
            QVERIFY(lupdate.waitForFinished(120000));
            QCOMPARE(lupdate.exitCode(), 0);
            const QString said = QString::fromUtf8(lupdate.readAllStandardOutput());
            // "Found N source text(s) (0 new and N already existing)"
            QVERIFY2(said.contains(QStringLiteral("(0 new and ")),
                     qPrintable(language + QStringLiteral(": ") + said));
            QString error;
            for (const Message& m : readAll(copy, &error)) {
                QVERIFY2(m.type != QLatin1String("obsolete") && m.type != QLatin1String("vanished"),
                         qPrintable(language + QStringLiteral(": no longer in the code: ") + m.source));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
