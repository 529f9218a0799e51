// Diagnostics in the user's language: every message core actually emits (over the
// analysis and parse test inputs, Istio's analyzer test data, the samples and
// hostile inputs) has a known id, reads exactly as core's English with the English
// catalogue and is translated in zh_CN; every id of the catalogue has a finished zh_CN
// translation in translations/; views show the translation and follow a language switch.

#include "analysis/analyzer.h"
#include "compile/compile.h"
#include "document/document.h"
#include "engine/engine.h"
#include "graph/graphmodel.h"
#include "studiotest.h"
#include "views/diagnosticsview.h"
#include "views/diagnostictext.h"
#include "views/yamlpane.h"
#include "window/settings.h"
#include "yaml/loader.h"
#include "yaml/writer.h"

#include <QDirIterator>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTreeWidget>
#include <QXmlStreamReader>

#include <cerrno>
#include <cstring>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

// One Gateway port of the local gateway, routed to a closed port (only the listener matters).
struct TableBuilderLite
{
    std::shared_ptr<RouteTable> table = std::make_shared<RouteTable>();
    explicit TableBuilderLite(std::uint16_t port)
    {
        Cluster cluster;
        cluster.host = "echo.default.svc.cluster.local";
        Endpoint closed;
        closed.address = "127.0.0.1";
        closed.port = 9;
        closed.name = "127.0.0.1:9";
        cluster.endpoints.push_back(closed);
        table->clusters.push_back(cluster);
        Route route;
        route.name = "default/echo tcp[0]";
        WeightedCluster destination;
        destination.cluster = 0;
        destination.weight = 100;
        route.destinations.push_back(destination);
        table->routes.push_back(route);
        Listener listener;
        listener.port = port;
        listener.gateway = "default/gw";
        listener.route = 0;
        table->listeners.push_back(listener);
    }
};

struct Sample
{
    QString source; // where the input came from, for failure messages
    Diagnostic diagnostic;
};

void collect(std::vector<Sample> &out, const QString &source, const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        out.push_back({source, d});
}

// Loading, analysis and the local gateway's compile of one set.
void analyseSet(std::vector<Sample> &out, const QString &source, const ResourceSet &set,
                const Diagnostics &loadDiagnostics)
{
    collect(out, source, loadDiagnostics);
    collect(out, source, analyze(set));
    collect(out, source, compile(set).diagnostics);
}

void analyseText(std::vector<Sample> &out, const QString &source, const std::string &text)
{
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, text, "input.yaml");
    analyseSet(out, source, set, diagnostics);
}

// The raw string literals R"(...)" of a test source: the YAML inputs of core's own suites.
QStringList rawStrings(const QString &path)
{
    const QString text = studiotest::readAll(path);
    QStringList out;
    qsizetype at = 0;
    while ((at = text.indexOf(QStringLiteral("R\"("), at)) >= 0) {
        const qsizetype end = text.indexOf(QStringLiteral(")\""), at + 3);
        if (end < 0)
            break;
        out << text.mid(at + 3, end - at - 3);
        at = end + 2;
    }
    return out;
}

std::string repeat(const std::string &piece, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

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

const char *kGateway = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 31400, name: tcp, protocol: TCP}
    hosts: ["*"]
  - port: {number: 443, name: tls, protocol: TLS}
    hosts: ["*"]
    tls: {mode: PASSTHROUGH}
)";

// Inputs for the shapes the test data above may not reach: every kind of bad value the
// parser reports, unreadable and hostile text, and analysis corner cases.
std::vector<std::pair<const char *, std::string>> badInputs()
{
    const std::string vs = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\n";
    const std::string dr =
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr}\n";
    return {
        {"spec is a list", vs + "spec: [1]\n"},
        {"spec missing", vs},
        {"hosts is a mapping", vs + "spec: {hosts: {a: b}}\n"},
        {"host is a list", vs + "spec: {hosts: [[a]], tcp: [{route: [{destination: {host: [x]}}]}]}\n"},
        {"host is null", vs + "spec: {hosts: [a], tcp: [{route: [{destination: {host: ~}}]}]}\n"},
        {"port is a mapping", vs + "spec: {hosts: [a], tcp: [{match: [{port: {a: 1}}], route: []}]}\n"},
        {"port is text", vs + "spec: {hosts: [a], tcp: [{match: [{port: abc}], route: []}]}\n"},
        {"port out of range", vs + "spec: {hosts: [a], tcp: [{match: [{port: 70000}], route: []}]}\n"},
        {"SNI name outside the hosts",
         vs + "spec: {hosts: [a.example.com], tls: [{match: [{sniHosts: [b.example.com]}], route: []}]}\n"},
        {"boolean",
         dr + "spec: {host: a, trafficPolicy: {loadBalancer: {consistentHash: {useSourceIp: maybe}}}}\n"},
        {"boolean as list",
         dr + "spec: {host: a, trafficPolicy: {loadBalancer: {consistentHash: {useSourceIp: []}}}}\n"},
        {"duration",
         dr + "spec: {host: a, trafficPolicy: {connectionPool: {tcp: {connectTimeout: soon}}}}\n"},
        {"enumeration", dr + "spec: {host: a, trafficPolicy: {loadBalancer: {simple: FASTEST}}}\n"},
        {"not a mapping", "- just\n- a list\n"},
        {"no apiVersion, kind or name", "metadata: {}\n"},
        {"kind is a mapping", "apiVersion: v1\nkind: {a: b}\nmetadata: {name: a}\n"},
        {"capital name",
         "apiVersion: v1\nkind: Service\nmetadata: {name: Bad_Name, namespace: Bad_NS}\nspec: {}\n"},
        {"unknown apiVersion",
         "apiVersion: networking.istio.io/v9\nkind: Gateway\nmetadata: {name: g}\nspec: {}\n"},
        {"removed Deployment apiVersion",
         "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {}}\n"},
        {"List items", "apiVersion: v1\nkind: List\nitems: {a: b}\n"},
        {"syntax error", "a: [1, 2\nb: c\n"},
        {"bad indentation", "a:\n  b: 1\n c: 2\n"},
        {"unknown escape", "a: \"\\q\"\n"},
        {"billion laughs", billionLaughs()},
        {"deep nesting", repeat("[", 300) + repeat("]", 300) + "\n"},
        {"binary", std::string("apiVersion: v1\n\x01\x02\x03\0\0", 20)},
        {"invalid UTF-8", "a: caf\xC3\x28\n"},
        {"UTF-16", std::string("\xFF\xFE"
                               "a\0:\0 \0"
                               "1\0",
                               10)},
        {"empty", ""},
        {"only comments", "# nothing\n"},
        {"duplicate names", std::string(kGateway) + "---\n" + kGateway},
        {"weights", vs +
                        "spec:\n  hosts: [a]\n  gateways: [gw]\n  tcp:\n  - route:\n"
                        "    - {destination: {host: a, subset: v1}, weight: 30}\n"
                        "    - {destination: {host: a, subset: v2}, weight: 30}\n---\n" +
                        kGateway},
        {"sidecar-only match attributes",
         vs +
             "spec:\n  hosts: [a]\n  gateways: [gw, mesh]\n  tcp:\n"
             "  - match: [{port: 31400, sourceLabels: {app: x}, sourceNamespace: n}]\n"
             "    route: [{destination: {host: a}}]\n"
             "  tls:\n  - match: [{port: 443, sniHosts: [a], destinationSubnets: [10.0.0.0/8]}]\n"
             "    route: [{destination: {host: a}}]\n---\n" +
             kGateway},
        {"ServiceEntry with resolution NONE at the local gateway",
         vs +
             "spec: {hosts: [a], gateways: [gw], tcp: [{route: [{destination: {host: db.example.com, port: "
             "{number: 5432}}}]}]}\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: "
             "{name: db}\nspec: {hosts: [db.example.com], resolution: NONE, ports: [{number: 5432, name: "
             "tcp, "
             "protocol: TCP}]}\n---\n" +
             kGateway},
        {"unbound match gateway with the default gateways",
         vs + "spec:\n  hosts: [a]\n  tcp:\n  - match: [{gateways: [other]}]\n    route: [{destination: "
              "{host: a}}]\n"},
        {"host written name.namespace",
         dr + "spec: {host: svc.default, subsets: [{name: v1, labels: {v: '1'}}]}\n---\n" + vs +
             "spec: {hosts: [a], tcp: [{route: [{destination: {host: svc.default, subset: v2}}]}]}\n---\n"
             "apiVersion: v1\nkind: Service\nmetadata: {name: svc}\nspec: {ports: [{port: 80, name: "
             "tcp}]}\n"},
        {"consistent hash and PASSTHROUGH at the local gateway",
         dr +
             "spec:\n  host: svc\n  trafficPolicy: {loadBalancer: {consistentHash: {httpHeaderName: x}}}\n"
             "  subsets: [{name: v1, trafficPolicy: {loadBalancer: {simple: PASSTHROUGH}}}]\n---\n" +
             vs +
             "spec: {hosts: ['*'], gateways: [gw], tcp: [{route: [{destination: {host: svc, subset: "
             "v1}}]}]}\n"
             "---\n" +
             kGateway},
    };
}

// Everything core says about the inputs above, and about the files of core's suites.
std::vector<Sample> corpus()
{
    std::vector<Sample> out;
    const QString source = QStringLiteral(MESHROUTE_SOURCE_DIR);
    const QString shared = QString::fromLocal8Bit(qgetenv("MESHROUTE_SHARED_DIR")).isEmpty()
                               ? QStringLiteral(MESHROUTE_SHARED_DIR)
                               : QString::fromLocal8Bit(qgetenv("MESHROUTE_SHARED_DIR"));
    const QStringList folders{
        source + QStringLiteral("/tests/core/analysis/data"),
        source + QStringLiteral("/tests/core/yaml/data"), source + QStringLiteral("/resources/samples"),
        shared + QStringLiteral("/istio/analyze/testdata"), shared + QStringLiteral("/istio/samples")};
    for (const QString &folder : folders) {
        QDirIterator it(folder, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            LoadResult result = loadPaths({path.toStdString()});
            analyseSet(out, path, result.set, result.diagnostics);
        }
    }
    for (const char *suite : {"/tests/core/analysis/tst_analysis.cpp", "/tests/core/compile/tst_compile.cpp",
                              "/tests/core/model/tst_parse.cpp", "/tests/core/yaml/tst_roundtrip.cpp"}) {
        const QStringList texts = rawStrings(source + QLatin1String(suite));
        for (int i = 0; i < texts.size(); ++i)
            analyseText(out, QStringLiteral("%1 text %2").arg(QLatin1String(suite)).arg(i),
                        texts[i].toStdString());
    }
    for (const auto &[name, text] : badInputs())
        analyseText(out, QString::fromUtf8(name), text);

    // Reading paths, and the YAML pane's single-resource parse.
    LoadResult missing = loadPaths({"/nonexistent/meshroute/file.yaml"});
    collect(out, QStringLiteral("missing file"), missing.diagnostics);
    QTemporaryDir empty;
    LoadResult noYaml = loadPaths({empty.path().toStdString()});
    collect(out, QStringLiteral("folder without YAML"), noYaml.diagnostics);
    LoadLimits small;
    small.maxFileBytes = 8;
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, "apiVersion: v1\n", "big.yaml", small);
    collect(out, QStringLiteral("text over the limit"), diagnostics);
    for (const std::string &text : {std::string("a: 1\n---\nb: 2\n"), std::string("# none\n"),
                                    std::string("apiVersion: v1\n"), std::string("a: [\n")}) {
        YAML::Node node;
        Diagnostics single;
        parseSingleDocument(text, node, single);
        collect(out, QStringLiteral("single document"), single);
        parseSingleDocument(text, node, single, small);
        collect(out, QStringLiteral("single document over the limit"), single);
    }
    return out;
}

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return text.contains(han);
}

// Whether an English template has words to translate: "%1; %2" has only its arguments and
// punctuation, whose translation is the Chinese punctuation ("%1；%2"), not Chinese words.
bool hasWords(const QString &source)
{
    static const QRegularExpression placeholder(QStringLiteral("%[1-9]"));
    static const QRegularExpression letter(QStringLiteral("\\p{L}"));
    return QString(source).remove(placeholder).contains(letter);
}

// Whether a template's translation is finished Chinese.
bool translatedToChinese(const QString &source, const QString &translated)
{
    return hasWords(source) ? hasChinese(translated) : !translated.isEmpty() && translated != source;
}

QApplication *app()
{
    return qobject_cast<QApplication *>(QCoreApplication::instance());
}

} // namespace

class TestDiagnosticText : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { installTranslation(*app(), QStringLiteral("en")); }

    void everyEmittedMessageReadsBackInEnglish()
    {
        installTranslation(*app(), QStringLiteral("en"));
        const std::vector<Sample> samples = corpus();
        QVERIFY(samples.size() > 100);
        QStringList unknown;
        QStringList mismatched;
        QSet<QString> codes;
        for (const Sample &s : samples) {
            bool known = false;
            const QString text = diagnosticMessage(s.diagnostic, &known);
            codes.insert(QString::fromStdString(s.diagnostic.code));
            if (!known)
                unknown << QStringLiteral("%1: [%2] %3")
                               .arg(s.source, QString::fromStdString(s.diagnostic.code),
                                    QString::fromStdString(s.diagnostic.message));
            else if (text != QString::fromStdString(s.diagnostic.message))
                mismatched
                    << QStringLiteral("%1\n   vs %2").arg(QString::fromStdString(s.diagnostic.message), text);
        }
        QVERIFY2(unknown.isEmpty(), qPrintable(QStringLiteral("shapes not known:\n") + unknown.join('\n')));
        QVERIFY2(mismatched.isEmpty(), qPrintable(mismatched.join('\n')));
        // The corpus reaches every family of findings, not only a few.
        for (const char *code :
             {"IST0101", "IST0112", "IST0118", "IST0130", "IST0131", "IST0132", "IST0145", "IST0162",
              "IST0173", "IST0174", "MR0001",  "MR0002",  "MR0003",  "MR0004",  "MR0005",  "MR0006",
              "MR0007",  "MR0008",  "MR0009",  "MR0010",  "MR0011",  "MR0012",  "MR0013",  "MR0014",
              "MR0015",  "MR0016",  "MR0017",  "MR0018",  "MR0019",  "MR0020"})
            QVERIFY2(codes.contains(QLatin1String(code)), code);
    }

    void everyEmittedMessageIsChineseInZhCN()
    {
        QCOMPARE(installTranslation(*app(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QStringList english;
        for (const Sample &s : corpus()) {
            bool known = false;
            const QString text = diagnosticMessage(s.diagnostic, &known);
            if (!known || text == QString::fromStdString(s.diagnostic.message) || !hasChinese(text))
                english << QStringLiteral("%1: [%2] %3")
                               .arg(s.source, QString::fromStdString(s.diagnostic.code), text);
        }
        QVERIFY2(english.isEmpty(),
                 qPrintable(QStringLiteral("still English in zh_CN:\n") + english.join('\n')));
    }

    void everyTemplateIsTranslated()
    {
        installTranslation(*app(), QStringLiteral("zh_CN"));
        QStringList missing;
        const QStringList templates = diagnosticTemplates();
        QVERIFY(templates.size() > 100);
        for (const QString &text : templates) {
            const QByteArray source = text.toUtf8();
            const QString translated =
                QCoreApplication::translate("meshroute::studio::DiagnosticText", source.constData());
            if (translated == text || !translatedToChinese(text, translated))
                missing << text;
            // A translation keeps every argument.
            for (int n = 1; n <= 9; ++n) {
                const QString placeholder = QStringLiteral("%%1").arg(n);
                if (text.contains(placeholder) != translated.contains(placeholder))
                    missing << QStringLiteral("%1 (placeholder %2)").arg(text, placeholder);
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join('\n')));
    }

    // One message per row: its English (core's rendering, unchanged) and its Chinese.
    static const std::vector<std::pair<const char *, Message>> &examples()
    {
        static const std::vector<std::pair<const char *, Message>> all = {
            {"IST0101",
             {"subset-not-defined",
              {MessageArg::fragmentOf("fragment-subset"), "v3", "default/tcp-echo", "v1, v2"}}},
            {"MR0003",
             {"value-not-number",
              {"spec.servers[0].port.number", MessageArg::fragmentOf("fragment-a-list")}}},
            {"IST0130",
             {"rule-after-catch-all",
              {MessageArg::fragmentOf("fragment-rule-index", {"tcp", "1"}),
               MessageArg::fragmentOf("fragment-rule-index", {"tcp", "0"})}}},
            {"MR0001", {"yaml-syntax-error", {MessageArg::fragmentOf("yaml-end-of-map")}}},
        };
        return all;
    }

    void translatedExamples_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("chinese");
        QTest::newRow("subset not defined, its subsets listed")
            << 0 << R"(subset "v3" is not defined in DestinationRule default/tcp-echo (it defines v1, v2))"
            << QString::fromUtf8("DestinationRule default/tcp-echo 中没有定义子集“v3”（它定义了 v1, v2）");
        QTest::newRow("a value that is a list")
            << 1 << R"(spec.servers[0].port.number must be a number, not a list)"
            << QString::fromUtf8("spec.servers[0].port.number 必须是数字，而不是列表");
        QTest::newRow("a rule never used")
            << 2 << R"(tcp rule #1 is never used: tcp rule #0 before it has no match and takes all traffic)"
            << QString::fromUtf8(
                   "tcp 规则 #1 永远不会被使用：它前面的 tcp 规则 #0 没有 match，会接收所有流量");
        QTest::newRow("syntax error from yaml-cpp") << 3 << "YAML syntax error: end of map not found"
                                                    << QString::fromUtf8("YAML 语法错误：找不到映射的结尾");
    }

    void translatedExamples()
    {
        QFETCH(int, index);
        QFETCH(QString, english);
        QFETCH(QString, chinese);
        const auto &[code, message] = examples()[static_cast<std::size_t>(index)];
        const Diagnostic d = makeDiagnostic(Severity::Error, code, message, "a.yaml", {3, 5});
        QCOMPARE(QString::fromStdString(d.message), english);
        installTranslation(*app(), QStringLiteral("zh_CN"));
        bool known = false;
        QCOMPARE(diagnosticMessage(d, &known), chinese);
        QVERIFY(known);
        QCOMPARE(diagnosticLine(d),
                 QString::fromUtf8("a.yaml:3:5: 错误: ") + chinese + " [" + QString::fromUtf8(code) + "]");
    }

    // The catalogue in translations/: every template of every id (and the severities) has a
    // finished Simplified Chinese translation in the .ts file, under the catalogue's context.
    void everyIdHasAFinishedTranslationInTheTsFile()
    {
        const QString ts = studiotest::readAll(
            QStringLiteral(MESHROUTE_SOURCE_DIR "/translations/meshroute-studio_zh_CN.ts"));
        QVERIFY(!ts.isEmpty());
        QHash<QString, QString> translated; // source -> translation, in kMessageContext, finished only
        QXmlStreamReader xml(ts);
        QString context;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("context")) {
                context.clear();
            } else if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool finished = xml.attributes().value(QLatin1String("type")).isEmpty();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (context == QLatin1String(kMessageContext) && finished && !text.isEmpty())
                    translated.insert(source, text);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QStringList missing;
        for (const MessageTemplate &t : messageTemplates()) {
            const QString text = QString::fromUtf8(t.text);
            if (!translated.contains(text) || !translatedToChinese(text, translated.value(text)))
                missing << QStringLiteral("%1: %2").arg(QString::fromUtf8(t.id), text);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not translated:\n") + missing.join('\n')));
    }

    // What the local gateway engine says of a port it cannot take, from a real engine on a port
    // that is really busy: recognised, exact in English, Chinese in zh_CN (the system's reason
    // too, for the usual errors), and an unknown reason kept as the system wrote it.
    void engineMessagesInTheUserLanguage()
    {
        if (QLatin1String(std::strerror(EADDRINUSE)) != QLatin1String("Address already in use"))
            QSKIP("the C library speaks another language here");
        QTcpServer holder;
        QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
        TableBuilderLite table(holder.serverPort());
        proxy::EngineOptions options;
        options.threads = 1;
        proxy::Engine engine(options);
        const proxy::ApplyResult result = engine.start(table.table);
        QCOMPARE(result.errors.size(), std::size_t(1));
        QCOMPARE(result.messages.size(), std::size_t(1));
        const QString english = QString::fromStdString(result.errors.front());
        QVERIFY2(english.endsWith(QLatin1String(": Address already in use")), qPrintable(english));
        const Message message = result.messages.front();
        QCOMPARE(QString::fromStdString(message.id), QStringLiteral("engine-listen-failed"));
        QCOMPARE(render(message), result.errors.front());
        QCOMPARE(result.listeners.front().why, message);
        engine.stop(std::chrono::milliseconds(0));

        installTranslation(*app(), QStringLiteral("en"));
        bool known = false;
        QCOMPARE(engineMessage(message, &known), english);
        QVERIFY(known);

        installTranslation(*app(), QStringLiteral("zh_CN"));
        const QString port = QString::number(holder.serverPort());
        QCOMPARE(engineMessage(message, &known),
                 QString::fromUtf8("无法为网关 default/gw 在 127.0.0.1:%1 上监听：地址已被占用").arg(port));
        QVERIFY(known);
        // A reason the studio has no words for stays as the system wrote it.
        QCOMPARE(
            engineMessage(Message{"engine-listen-failed-offset",
                                  {"127.0.0.1:31500", "31400", "100", "default/gw", "Too many open files"}}),
            QString::fromUtf8("无法为网关 default/gw 在 127.0.0.1:31500（端口 31400 + 偏移 100）上监听："
                              "Too many open files"));
        QCOMPARE(engineMessage(Message{"engine-not-running", {}}, &known), QString::fromUtf8("引擎没有运行"));
        QVERIFY(known);
        // An id the catalogue does not have: its English rendering, and not known.
        QCOMPARE(engineMessage(Message{"engine-no-such-thing", {"x"}}, &known),
                 QStringLiteral("engine-no-such-thing x"));
        QVERIFY(!known);
    }

    void unknownShapesStayEnglish()
    {
        installTranslation(*app(), QStringLiteral("zh_CN"));
        // An id the catalogue does not have, and a known id with an unknown fragment: English.
        Diagnostic unknown;
        unknown.code = "MR0099";
        unknown.message = "something new happened";
        unknown.messageId = "something-new";
        const Diagnostic unknownFragment = makeDiagnostic(
            Severity::Error, "MR0003",
            Message{"value-not-list", {"spec", MessageArg::fragmentOf("fragment-new")}}, {}, {});
        for (const Diagnostic &d : {unknown, unknownFragment}) {
            bool known = true;
            QCOMPARE(diagnosticMessage(d, &known), QString::fromStdString(d.message));
            QVERIFY(!known);
        }
        // The English text plays no part: the id and the arguments are translated.
        Diagnostic reworded =
            makeDiagnostic(Severity::Error, "MR0006", Message{"field-required", {"spec"}}, {}, {});
        reworded.message = "spec is needed";
        QCOMPARE(diagnosticMessage(reworded), QString::fromUtf8("必须填写 spec"));
        // An argument that looks like a placeholder is kept as written.
        const Diagnostic d =
            makeDiagnostic(Severity::Error, "MR0006", Message{"field-required", {"spec.%2"}}, {}, {});
        QCOMPARE(diagnosticMessage(d), QString::fromUtf8("必须填写 spec.%2"));
    }

    void graphNodeTooltipsListTheProblems()
    {
        ResourceSet set;
        Diagnostics diagnostics;
        loadText(set, diagnostics,
                 "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\n"
                 "spec: {hosts: [a], gateways: [nowhere], tcp: [{route: [{destination: {host: a}}]}]}\n",
                 "vs.yaml");
        const Diagnostics found = analyze(set);
        const auto tooltip = [&] {
            const GraphModel graph = GraphModel::build(set, found);
            for (const GraphNode &node : graph.nodes())
                if (node.kind == NodeKind::Route)
                    return node.tooltip;
            return QString();
        };
        QVERIFY2(tooltip().contains(QStringLiteral("error: gateway &quot;nowhere&quot; not found")),
                 qPrintable(tooltip()));
        // The document's graph keeps its words from build to build (graphtexts.h): a language
        // switch (the main window calls invalidateDerived) has them written anew.
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("vs.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(renderFile(set, 0)));
        file.close();
        Document document;
        QVERIFY(document.open({file.fileName()}));
        const auto documentTooltip = [&] {
            for (const GraphNode &node : document.graphModel()->nodes())
                if (node.kind == NodeKind::Route)
                    return node.tooltip;
            return QString();
        };
        QCOMPARE(documentTooltip(), tooltip());
        installTranslation(*app(), QStringLiteral("zh_CN"));
        QVERIFY2(tooltip().contains(QString::fromUtf8("错误: 找不到网关“nowhere”")), qPrintable(tooltip()));
        document.invalidateDerived();
        QCOMPARE(documentTooltip(), tooltip());
    }

    void viewsShowTheTranslationAndFollowALanguageSwitch()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\n"
                   "spec: {hosts: [a], gateways: [nowhere], tcp: [{route: [{destination: {host: a}}]}]}\n");
        file.close();
        Document document;
        QVERIFY(document.open({path}));
        DiagnosticsView view(&document);
        YamlPane pane(&document);
        pane.showResource(0);
        pane.editor()->setPlainText(
            QStringLiteral("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: [1]\n"));
        QVERIFY(!pane.apply());

        const auto messages = [&] {
            QStringList out;
            for (int i = 0; i < view.list()->topLevelItemCount(); ++i)
                out << view.list()->topLevelItem(i)->text(2);
            return out.join('\n');
        };
        QVERIFY2(messages().contains(QStringLiteral("gateway \"nowhere\" not found")),
                 qPrintable(messages()));
        QVERIFY(pane.message().contains(QStringLiteral("spec must be a mapping, not a list")));

        installTranslation(*app(), QStringLiteral("zh_CN"));
        QCoreApplication::processEvents();
        QVERIFY2(messages().contains(QString::fromUtf8("找不到网关“nowhere”")), qPrintable(messages()));
        QVERIFY2(!messages().contains(QStringLiteral("not found")), qPrintable(messages()));
        QVERIFY2(pane.message().contains(QString::fromUtf8("spec 必须是映射，而不是列表")),
                 qPrintable(pane.message()));
        QVERIFY(view.list()->topLevelItem(0)->toolTip(2).contains(QString::fromUtf8("错误")));

        installTranslation(*app(), QStringLiteral("en"));
        QCoreApplication::processEvents();
        QVERIFY(messages().contains(QStringLiteral("gateway \"nowhere\" not found")));
        QVERIFY(pane.message().contains(QStringLiteral("spec must be a mapping, not a list")));
    }
};

STUDIO_TEST_MAIN(TestDiagnosticText)
#include "tst_diagnostictext.moc"
