// Messages as data (core/model/message): the catalogue is consistent, and every diagnostic the
// loader, the parser, the analyzers and the compiler make over the test inputs carries a known id
// whose template, filled with its arguments, gives exactly the English message.

#include "analysis/analyzer.h"
#include "compile/compile.h"
#include "model/message.h"
#include "yaml/loader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace meshroute;

namespace {

// What is wrong with one argument ("" when nothing).
QString checkArg(const MessageArg &arg)
{
    if (!arg.fragment)
        return arg.params.empty() ? QString() : QStringLiteral("a text argument with params");
    const char *pattern = messageTemplate(arg.text);
    if (!pattern)
        return QStringLiteral("unknown fragment id \"%1\"").arg(QString::fromStdString(arg.text));
    if (placeholderCount(pattern) != static_cast<int>(arg.params.size()))
        return QStringLiteral("fragment \"%1\" has %2 params, its template %3 placeholders")
            .arg(QString::fromStdString(arg.text))
            .arg(arg.params.size())
            .arg(placeholderCount(pattern));
    return {};
}

// What is wrong with one diagnostic ("" when nothing).
QString check(const Diagnostic &d)
{
    const QString where =
        QStringLiteral("%1 \"%2\": ").arg(QString::fromStdString(d.code), QString::fromStdString(d.message));
    const char *pattern = messageTemplate(d.messageId);
    if (!pattern)
        return where + QStringLiteral("unknown id \"%1\"").arg(QString::fromStdString(d.messageId));
    if (placeholderCount(pattern) != static_cast<int>(d.args.size()))
        return where + QStringLiteral("%1 arguments for %2 placeholders of \"%3\"")
                           .arg(d.args.size())
                           .arg(placeholderCount(pattern))
                           .arg(QString::fromStdString(d.messageId));
    for (const MessageArg &arg : d.args)
        if (const QString problem = checkArg(arg); !problem.isEmpty())
            return where + problem;
    if (render(d.asMessage()) != d.message)
        return where + QStringLiteral("renders as \"%1\"").arg(QString::fromStdString(render(d.asMessage())));
    return {};
}

// Load, analyse and compile `set`; every diagnostic is checked, their ids are collected.
void checkAll(const Diagnostics &diagnostics, const QString &input, QSet<QString> &ids, QStringList &problems)
{
    for (const Diagnostic &d : diagnostics) {
        ids.insert(QString::fromStdString(d.messageId));
        for (const MessageArg &arg : d.args)
            if (arg.fragment)
                ids.insert(QString::fromStdString(arg.text));
        if (const QString problem = check(d); !problem.isEmpty())
            problems << input + QStringLiteral(": ") + problem;
    }
}

void runAll(const ResourceSet &set, const Diagnostics &loaded, const QString &input, QSet<QString> &ids,
            QStringList &problems)
{
    checkAll(loaded, input, ids, problems);
    checkAll(analyze(set), input, ids, problems);
    checkAll(compile(set).diagnostics, input, ids, problems);
}

// The YAML texts the test sources hold as raw strings (most of the suites' inputs are written there).
QStringList rawYamlTexts(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString source = QString::fromUtf8(f.readAll());
    static const QRegularExpression raw(QStringLiteral(R"re(R"\((.*?)\)")re"),
                                        QRegularExpression::DotMatchesEverythingOption);
    QStringList out;
    for (auto it = raw.globalMatch(source); it.hasNext();) {
        const QString text = it.next().captured(1);
        if (text.contains(QLatin1String("kind:")))
            out << text;
    }
    return out;
}

} // namespace

class TestMessage : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIdsAreUnique()
    {
        QSet<QString> seen;
        for (const MessageTemplate &t : messageTemplates()) {
            const QString id = QString::fromUtf8(t.id);
            QVERIFY2(!id.isEmpty(), "an empty id");
            QVERIFY2(!seen.contains(id), qPrintable(id + " is listed twice"));
            seen.insert(id);
            QCOMPARE(messageTemplate(t.id), t.text);
        }
        QVERIFY(seen.size() > 100);
        QVERIFY(messageTemplate("no-such-id") == nullptr);
    }

    void cataloguePlaceholdersAreConsecutive()
    {
        for (const MessageTemplate &t : messageTemplates())
            QVERIFY2(placeholderCount(t.text) >= 0, t.id);
        QCOMPARE(placeholderCount("%1 and %2"), 2);
        QCOMPARE(placeholderCount("%2, %1 and %2"), 2);
        QCOMPARE(placeholderCount("none"), 0);
        QCOMPARE(placeholderCount("%1 and %3"), -1);
    }

    void renderFillsTemplatesAndFragments()
    {
        const Message m{
            "subset-not-defined",
            {MessageArg::fragmentOf("fragment-mirror-subset"), "v3", "default/tcp-echo", "v1, v2"}};
        QCOMPARE(
            render(m),
            std::string("mirror subset \"v3\" is not defined in DestinationRule default/tcp-echo (it defines "
                        "v1, v2)"));
        QCOMPARE(render(MessageArg::fragmentOf("fragment-rule-named", {"http", "reviews"})),
                 std::string("http rule \"reviews\""));
        // An argument that looks like a placeholder stays as written.
        QCOMPARE(render(Message{"field-required", {"spec.%2"}}), std::string("spec.%2 is required"));
        // An unknown id keeps its arguments.
        QCOMPARE(render(Message{"no-such-id", {"a", "b"}}), std::string("no-such-id a b"));
    }

    void everyDiagnosticIsData()
    {
        QSet<QString> ids;
        QStringList problems;
        int inputs = 0;

        // Every YAML file of the tests and of Istio's analyzer test data.
        QStringList files;
        for (const QString &root : {QStringLiteral(MESHROUTE_SOURCE_DIR "/tests"),
                                    QStringLiteral(MESHROUTE_SHARED_DIR "/istio/analyze/testdata"),
                                    QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples")}) {
            for (QDirIterator it(root, {"*.yaml", "*.yml"}, QDir::Files, QDirIterator::Subdirectories);
                 it.hasNext();)
                files << it.next();
        }
        files.sort();
        for (const QString &file : files) {
            const LoadResult loaded = loadPaths({file.toStdString()});
            runAll(loaded.set, loaded.diagnostics, file, ids, problems);
            ++inputs;
        }

        // The inputs the suites write inline.
        QDirIterator sources(QStringLiteral(MESHROUTE_SOURCE_DIR "/tests"), {"*.cpp"}, QDir::Files,
                             QDirIterator::Subdirectories);
        while (sources.hasNext()) {
            const QString file = sources.next();
            const QStringList texts = rawYamlTexts(file);
            for (int i = 0; i < texts.size(); ++i) {
                ResourceSet set;
                Diagnostics loaded;
                loadText(set, loaded, texts[i].toStdString(), "input.yaml");
                runAll(set, loaded, file + QStringLiteral(" #%1").arg(i), ids, problems);
                YAML::Node node;
                Diagnostics single;
                parseSingleDocument(texts[i].toStdString(), node, single);
                checkAll(single, file + QStringLiteral(" #%1 (single)").arg(i), ids, problems);
                ++inputs;
            }
        }

        // What cannot be read at all.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string empty = dir.filePath("empty").toStdString();
        QVERIFY(QDir(dir.path()).mkdir("empty"));
        for (const std::string &path : {dir.filePath("missing.yaml").toStdString(), empty}) {
            const LoadResult loaded = loadPaths({path});
            QVERIFY(!loaded.diagnostics.empty());
            checkAll(loaded.diagnostics, QString::fromStdString(path), ids, problems);
        }
        for (const std::string &text :
             {std::string("\xFF\xFE"), std::string("a: \x01"), std::string("a: \xC3"), std::string(),
              std::string("a: [1"), std::string("a: \"\\q\""), std::string("kind: List\nitems: 3\n")}) {
            ResourceSet set;
            Diagnostics loaded;
            loadText(set, loaded, text, "input.yaml");
            QVERIFY(!loaded.empty());
            checkAll(loaded, QStringLiteral("text"), ids, problems);
        }

        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(inputs > 60);
        // The inputs reach most of the catalogue (a floor, so that the check cannot pass on nothing).
        qInfo("%d inputs, %d distinct ids of %d", inputs, int(ids.size()), int(messageTemplates().size()));
        QVERIFY(ids.size() > 50);
    }
};

QTEST_GUILESS_MAIN(TestMessage)
#include "tst_message.moc"
