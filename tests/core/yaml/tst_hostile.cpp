// Hostile input never crashes or hangs: each gets a clear error (code and position)
// within seconds and bounded memory. The inputs are generated here, into a temporary folder.

#include "yaml/loader.h"
#include "yaml/writer.h"
#include "yamltest.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sys/resource.h>

using namespace meshroute;
using namespace yamltest;

namespace {

constexpr qint64 kSecondsAllowed = 10; // loose: the real figure is well under a second

std::string billionLaughs()
{
    std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n"
                       "  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    const char *names = "abcdefghi";
    for (int level = 1; level < 9; ++level) {
        const std::string prev(1, names[level - 1]);
        text += "  " + std::string(1, names[level]) + ": &" + names[level] + " [";
        for (int k = 0; k < 9; ++k)
            text += (k ? ",*" : "*") + prev;
        text += "]\n";
    }
    return text;
}

std::string repeat(const std::string &piece, int times)
{
    std::string out;
    out.reserve(piece.size() * static_cast<std::size_t>(times));
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

std::string deepIndentation(int depth)
{
    std::string text;
    for (int i = 0; i < depth; ++i)
        text += std::string(static_cast<std::size_t>(i), ' ') + "k" + std::to_string(i) + ":\n";
    text += std::string(static_cast<std::size_t>(depth), ' ') + "leaf\n";
    return text;
}

std::string aliasChain(int depth)
{
    std::string text = "a0: &a0 [x]\n";
    for (int i = 1; i < depth; ++i)
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + "]\n";
    return text;
}

std::string randomBytes(std::size_t size)
{
    QRandomGenerator random(20240501); // fixed seed: the same garbage every run
    std::string bytes(size, '\0');
    for (char &c : bytes)
        c = static_cast<char>(random.bounded(256));
    return bytes;
}

long peakMemoryMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

class tst_Hostile : public QObject
{
    Q_OBJECT

private slots:
    void refusedWithACodeAndPosition_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line"); // 0: no position expected
        QTest::addColumn<int>("column");

        const auto row = [](const char *name, const std::string &text, const char *code, int line,
                            int column) {
            QTest::newRow(name) << QByteArray::fromStdString(text) << QString(code) << line << column;
        };
        row("billion laughs", billionLaughs(), codes::ResourceLimit, 6, 3); // the `data` value
        row("alias cycle", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &a {self: *a}\n",
            codes::ResourceLimit, 4, 7);
        row("alias chain 20,000 deep", aliasChain(20000), codes::ResourceLimit, 0, 0);
        row("20,000 nested flow sequences", repeat("[", 20000) + repeat("]", 20000) + "\n",
            codes::ResourceLimit, 1, 257);
        row("20,000 nested flow mappings", repeat("{a: ", 20000) + "1" + repeat("}", 20000) + "\n",
            codes::ResourceLimit, 1, 1 + 256 * 4);
        row("20,000 nested block sequences on one line", repeat("- ", 20000) + "x\n", codes::ResourceLimit, 1,
            513);
        row("2,000 nested block mappings", deepIndentation(2000), codes::ResourceLimit, 257, 257);
        row("300 nested flow under a resource",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: " + repeat("[", 300) +
                repeat("]", 300) + "\n",
            codes::ResourceLimit, 5, 0);
        row("binary garbage", randomBytes(1 << 20), codes::UnreadableInput, 1, 0);
        row("NUL byte in text", std::string("apiVersion: v1\nkind: Namespace\nmetadata:\n  na\0me: x\n", 50),
            codes::UnreadableInput, 4, 5);
        row("invalid UTF-8", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: caf\xC3\x28\n",
            codes::UnreadableInput, 4, 12);
        row("overlong UTF-8", "a: \xC0\xAF\n", codes::UnreadableInput, 1, 4);
        row("UTF-16 text",
            std::string("\xFF\xFE"
                        "a\0:\0 \0"
                        "1\0",
                        10),
            codes::UnreadableInput, 1, 1);
        row("empty file", "", codes::EmptyInput, 0, 0);
        row("only blanks", "   \n\n\t\n", codes::EmptyInput, 0, 0);
        row("only comments", "# nothing\n# here\n", codes::EmptyInput, 0, 0);
        row("only markers", "---\n---\n...\n", codes::EmptyInput, 0, 0);
        row("unclosed flow sequence", "a: [" + repeat("x, ", 30000) + "\nb: 1\n", codes::SyntaxError, 0, 0);
    }

    void refusedWithACodeAndPosition()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        QFETCH(int, column);
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/hostile.yaml";
        QVERIFY(writeBytes(path, text.toStdString()));

        QElapsedTimer timer;
        timer.start();
        const LoadResult result = loadPaths({path});
        QVERIFY2(timer.elapsed() < kSecondsAllowed * 1000,
                 qPrintable(QString::number(timer.elapsed()) + " ms"));

        const Diagnostic *d = findCode(result.diagnostics, code.toStdString());
        QVERIFY2(d, describe(result.diagnostics).c_str());
        QCOMPARE(d->file, path);
        QVERIFY(!d->message.empty());
        QCOMPARE(d->severity, code == codes::EmptyInput ? Severity::Warning : Severity::Error);
        if (line > 0)
            QCOMPARE(d->position.line, line);
        if (column > 0)
            QCOMPARE(d->position.column, column);
        // Nothing hostile reached the model, and a save still writes back what was read, if anything.
        for (const Resource &r : result.set.resources)
            QVERIFY(r.kind != Kind::Other || r.name != "lol");
        if (!result.set.files.empty())
            QCOMPARE(renderFile(result.set, 0), text.toStdString());
        // Exporting what was loaded stays bounded too.
        QVERIFY(exportForKubectl(result.set).size() < 1000);
    }

    void hundredMegabyteFileIsRefusedBySize()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("huge.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(100ll << 20)); // sparse: 100 MB that nobody needs to read
        file.close();
        const long before = peakMemoryMegabytes();
        QElapsedTimer timer;
        timer.start();
        const LoadResult result = loadPaths({path.toStdString()});
        QVERIFY(timer.elapsed() < kSecondsAllowed * 1000);
        QVERIFY(result.readFailed);
        const Diagnostic *d = findCode(result.diagnostics, codes::UnreadableInput);
        QVERIFY2(d, describe(result.diagnostics).c_str());
        QVERIFY2(d->message.find("100.0 MB") != std::string::npos, d->message.c_str());
        QVERIFY(peakMemoryMegabytes() - before < 50); // not read into memory
        QVERIFY(result.set.files.empty());
    }

    void limitsAreConfigurable()
    {
        LoadLimits limits;
        limits.maxFileBytes = 64;
        const Loaded big = loadString(std::string(100, '#'), "big.yaml", limits);
        QVERIFY(findCode(big.diagnostics, codes::UnreadableInput));

        limits = {};
        limits.maxDepth = 3;
        const Loaded deep = loadString("a:\n  b:\n    c:\n      d: 1\n", "deep.yaml", limits);
        const Diagnostic *d = findCode(deep.diagnostics, codes::ResourceLimit);
        QVERIFY2(d, describe(deep.diagnostics).c_str());
        QCOMPARE(d->position, (Position{4, 7}));
        const Loaded shallow = loadString("a:\n  b:\n    c: 1\n", "ok.yaml", limits);
        QVERIFY(!findCode(shallow.diagnostics, codes::ResourceLimit));

        // With the pre-scan out of the way, yaml-cpp's own depth guard still turns 20,000
        // brackets into MR0013 without exhausting the stack (also under ASan).
        limits = {};
        limits.maxDepth = 1000000;
        const Loaded brackets = loadString(repeat("[", 20000) + repeat("]", 20000), "brackets.yaml", limits);
        QVERIFY2(findCode(brackets.diagnostics, codes::ResourceLimit),
                 describe(brackets.diagnostics).c_str());
        const Loaded dashes = loadString(repeat("- ", 20000) + "x\n", "dashes.yaml", limits);
        QVERIFY2(findCode(dashes.diagnostics, codes::ResourceLimit), describe(dashes.diagnostics).c_str());

        limits = {};
        limits.maxNodesPerDocument = 1000;
        std::string many = "items:\n";
        for (int i = 0; i < 2000; ++i)
            many += "- " + std::to_string(i) + "\n";
        const Loaded tooMany = loadString(many, "many.yaml", limits);
        QVERIFY2(findCode(tooMany.diagnostics, codes::ResourceLimit), describe(tooMany.diagnostics).c_str());
    }

    void manyDocumentsEachUnderTheLimitStillStop()
    {
        // Each document is a small alias bomb below the per-document cap; together they
        // would take minutes. The input-wide budget stops them.
        LoadLimits limits;
        limits.maxNodesPerDocument = 200000;
        std::string one =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: &a [1,1,1,1,1,1,1,1,1,1]\n";
        for (char c = 'b'; c <= 'e'; ++c)
            one += std::string("  ") + c + ": &" + c + " [" +
                   repeat(std::string("*") + char(c - 1) + ",", 9) + "*" + char(c - 1) + "]\n";
        std::string text;
        for (int i = 0; i < 200; ++i)
            text += (i ? "---\n" : "") + one;
        QElapsedTimer timer;
        timer.start();
        const Loaded loaded = loadString(text, "bombs.yaml", limits);
        QVERIFY(timer.elapsed() < kSecondsAllowed * 1000);
        QVERIFY2(findCode(loaded.diagnostics, codes::ResourceLimit), describe(loaded.diagnostics).c_str());
        QVERIFY(loaded.set.resources.size() < 200);
    }

    void validDocumentsAreNotRefused()
    {
        // Realistic depth and size, and anchors used the way people use them, pass the guards.
        std::string text;
        for (int i = 0; i < 2000; ++i)
            text += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s" + std::to_string(i) +
                    "\n  labels: &labels {app: a, tier: \"*\"}\nspec:\n  selector: *labels\n  ports:\n  - "
                    "name: tcp\n"
                    "    port: 80\n    targetPort: 8080\n";
        const Loaded loaded = loadString(text);
        QVERIFY2(loaded.diagnostics.empty(), describe(loaded.diagnostics).c_str());
        QCOMPARE(loaded.set.resources.size(), std::size_t(2000));
        QCOMPARE(renderFile(loaded.set, 0), text);

        // Deep but within the limit (256), in the layouts people write: no false alarm.
        std::string kubectlStyle; // "k:\n- k:\n  - k:" ... two levels per step
        for (int i = 0; i < 120; ++i)
            kubectlStyle += std::string(static_cast<std::size_t>(2 * i), ' ') + (i ? "- " : "") + "k:\n";
        kubectlStyle += std::string(240, ' ') + "- leaf\n";
        std::string literal = "text: |\n"; // block scalar content is not structure
        for (int i = 0; i < 400; ++i)
            literal += std::string(static_cast<std::size_t>(2 + i), ' ') + "x\n";
        for (const std::string &deep : {deepIndentation(240), kubectlStyle, literal,
                                        "a:\n  b: " + repeat("[", 200) + repeat("]", 200) + "\n",
                                        std::string("a:\n- - - - - - - - - - x\n")}) {
            const Loaded ok = loadString(deep);
            QVERIFY2(!findCode(ok.diagnostics, codes::ResourceLimit), describe(ok.diagnostics).c_str());
            QVERIFY2(!findCode(ok.diagnostics, codes::SyntaxError), describe(ok.diagnostics).c_str());
        }

        const Loaded nested = loadString("a:\n" + deepIndentation(100));
        QVERIFY(!nested.diagnostics.empty()); // not a resource: no apiVersion, kind or name
        for (const Diagnostic &d : nested.diagnostics)
            QVERIFY2(d.code == codes::NotAResource, describe(nested.diagnostics).c_str());
    }

    void boundedMemoryOverall()
    {
        // Everything above ran in this process: its peak stays far from the machine's memory.
        QVERIFY2(peakMemoryMegabytes() < 1024, qPrintable(QString::number(peakMemoryMegabytes()) + " MB"));
    }
};

QTEST_GUILESS_MAIN(tst_Hostile)
#include "tst_hostile.moc"
