// The meshroute command line as a user runs it: exit codes, output, files.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <set>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run meshroute(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess process;
    process.start(QStringLiteral(MESHROUTE_CLI), args);
    if (!process.waitForStarted(10000))
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString demo()
{
    return QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString data(const char *name)
{
    return QStringLiteral(MESHROUTE_TEST_DATA "/data/") + QLatin1String(name);
}

// Standard output parsed as one JSON object; an empty object (and a message) when it is not one.
const QJsonObject jsonOf(const Run &r, QString &error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        error = parseError.errorString() + " in:\n" + r.out + r.err;
        return {};
    }
    return doc.object();
}

// A YAML tree as JSON: double-quoted scalars are strings, plain ones integers, ~ is null.
QJsonValue jsonFromYaml(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue::Null;
    case YAML::NodeType::Scalar:
        if (node.Tag() == "!")
            return QString::fromStdString(node.as<std::string>());
        return static_cast<double>(node.as<long long>());
    case YAML::NodeType::Sequence: {
        QJsonArray items;
        for (const YAML::Node &item : node)
            items.append(jsonFromYaml(item));
        return items;
    }
    case YAML::NodeType::Map: {
        QJsonObject members;
        for (const auto &member : node)
            members.insert(QString::fromStdString(member.first.as<std::string>()),
                           jsonFromYaml(member.second));
        return members;
    }
    }
    return QJsonValue::Null;
}

// The first diagnostic (or SARIF result) with `code`; an empty object when there is none.
QJsonObject withCode(const QJsonArray &items, const QString &code)
{
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        if (object["code"].toString() == code || object["ruleId"].toString() == code)
            return object;
    }
    return {};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The published SARIF 2.1.0 schema (the final rtm.5 text, as @microsoft/jest-sarif ships it),
// fetched once with npm into the build tree. Empty, with the reason, when it cannot be had.
constexpr const char *kSchemaPackage = "@microsoft/jest-sarif@1.0.0-beta.0";
constexpr const char *kSchemaSha256 = "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8";

QString sarifSchema(QString &why)
{
    const QString dir = QStringLiteral(MESHROUTE_BINARY_DIR "/tests/cli/sarif-schema");
    const QString schema = dir + "/package/lib/schemas/sarif-2.1.0-rtm.5.json";
    auto verified = [&]() -> QString {
        QFile file(schema);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray sha = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
        if (sha != kSchemaSha256) {
            why = schema + " is not the expected schema (sha256 " + sha + ")";
            return {};
        }
        return schema;
    };
    if (QFile::exists(schema))
        return verified();
    const QString npm = QStandardPaths::findExecutable("npm");
    if (npm.isEmpty()) {
        why = "npm is absent";
        return {};
    }
    QDir().mkpath(dir);
    QProcess pack;
    pack.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // npm's cache in the build tree too
    env.insert("npm_config_cache", dir + "/npm-cache");
    env.insert("npm_config_update_notifier", "false");
    pack.setProcessEnvironment(env);
    pack.start(npm, {"pack", "--silent", kSchemaPackage});
    if (!pack.waitForFinished(180000) || pack.exitCode() != 0) {
        why = QString("npm pack %1 failed: %2")
                  .arg(kSchemaPackage, QString::fromUtf8(pack.readAllStandardError()));
        return {};
    }
    const QString tarball = QString::fromUtf8(pack.readAllStandardOutput()).trimmed().split('\n').last();
    QProcess untar;
    untar.setWorkingDirectory(dir);
    untar.start("tar", {"-xzf", tarball, "package/lib/schemas/sarif-2.1.0-rtm.5.json"});
    if (!untar.waitForFinished(60000) || untar.exitCode() != 0) {
        why = "cannot unpack " + dir + "/" + tarball + ": " + QString::fromUtf8(untar.readAllStandardError());
        return {};
    }
    return verified();
}

// Python's jsonschema on `log` against `schema`: "" when valid, else the errors.
QString schemaErrors(const QString &schema, const QByteArray &log)
{
    QTemporaryDir dir;
    QFile file(dir.filePath("log.sarif"));
    if (!file.open(QIODevice::WriteOnly) || file.write(log) != log.size())
        return "cannot write " + file.fileName();
    file.close();
    static const char *kCheck =
        "\n"
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1], encoding=\"utf-8\"))\n"
        "log = json.load(open(sys.argv[2], encoding=\"utf-8\"))\n"
        "validator = jsonschema.validators.validator_for(schema)\n"
        "validator.check_schema(schema)\n"
        "errors = list(validator(schema).iter_errors(log))\n"
        "for e in errors:\n"
        "    print(\"/\".join(str(p) for p in e.absolute_path) + \": \" + e.message)\n"
        "sys.exit(1 if errors else 0)\n"
        "";
    QProcess check;
    check.start("python3", {"-c", kCheck, schema, file.fileName()});
    if (!check.waitForFinished(60000))
        return "python3 did not finish";
    if (check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0)
        return {};
    const QString out = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
    return out.isEmpty() ? QString("python3 jsonschema failed") : out;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void validateDemoHasNoError()
    {
        const Run r = meshroute({"validate", demo()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("0 errors"));
        // Istio's default ingress Service exposes 31400 only: 31401 is worth a warning.
        QVERIFY2(r.out.contains("IST0162"), qPrintable(r.out));
    }

    void validateReportsErrorsCompilerStyle()
    {
        const Run r = meshroute({"validate", data("missing-subset.yaml")});
        QCOMPARE(r.exitCode, 1);
        const QString expected = data("missing-subset.yaml") + ":23:17: error: ";
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY(r.out.contains("\"v3\""));
        // The resource concerned closes the line, as istioctl analyze names it.
        QVERIFY2(r.out.contains("[IST0101] (VirtualService default/tcp-echo)\n"), qPrintable(r.out));
    }

    // Every line of a diagnostic that concerns a resource ends with " (Kind namespace/name)".
    void validateTextNamesTheResource_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("resource");
        QTest::newRow("an undefined subset, at the VirtualService")
            << data("missing-subset.yaml") << "IST0101"
            << "VirtualService default/tcp-echo";
        QTest::newRow("a skipped server, at its Gateway") << data("shared-port.yaml") << "MR0018"
                                                          << "Gateway default/tcp-gateway";
        QTest::newRow("a port name Istio has to guess, at the Service") << data("port-name.yaml") << "IST0118"
                                                                        << "Service default/tcp-echo";
    }
    void validateTextNamesTheResource()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, code);
        QFETCH(QString, resource);
        const Run r = meshroute({"validate", fixture});
        const QStringList lines = r.out.split('\n');
        int found = 0;
        for (const QString &line : lines) {
            if (!line.contains("[" + code + "]"))
                continue;
            ++found;
            QVERIFY2(line.startsWith(fixture + ":"), qPrintable(line));
            QVERIFY2(line.endsWith("[" + code + "] (" + resource + ")"), qPrintable(line));
        }
        QVERIFY2(found > 0, qPrintable(r.out));
    }

    // One Gateway with two plain-TCP servers on one port: the second is skipped, and validate says
    // so (a warning only the route compiler finds), at the skipped server's port number.
    // The Gateway API: validate says what Istio would write into status; --status prints that
    // status as YAML (and the diagnostics go to standard error).
    void validateStatusPrintsTheGatewayApiStatus()
    {
        const QString file =
            QStringLiteral(MESHROUTE_SHARED_DIR "/gateway-api/istio-testdata/reference-policy-tcp.yaml");
        const Run plain = meshroute({"validate", file});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.out + plain.err));
        QVERIFY2(
            plain.out.contains(
                "[ResolvedRefs=False, RefNotPermitted] [MR0022] (TCPRoute istio-system/not-allowed-echo)"),
            qPrintable(plain.out));
        const Run r = meshroute({"validate", "--status", file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains("[MR0022]"), qPrintable(r.err));
        QVERIFY(!r.out.contains("[MR0022]"));
        const std::vector<YAML::Node> docs = YAML::LoadAll(r.out.toStdString());
        QCOMPARE(docs.size(), std::size_t(3)); // the Gateway and both TCPRoutes
        QCOMPARE(docs[0]["kind"].as<std::string>(), std::string("Gateway"));
        QCOMPARE(docs[0]["status"]["listeners"][1]["attachedRoutes"].as<int>(), 1);
        QCOMPARE(docs[2]["metadata"]["name"].as<std::string>(), std::string("not-allowed-echo"));
        const YAML::Node resolved = docs[2]["status"]["parents"][0]["conditions"][1];
        QCOMPARE(resolved["reason"].as<std::string>(), std::string("RefNotPermitted"));
        QCOMPARE(resolved["status"].as<std::string>(), std::string("False"));
        QVERIFY(r.out.contains("status: \"False\""));
    }

    // --target names the cluster: what its API server rejects (exit 1) and what its Istio ignores
    // (warnings), in every output format; --status then leaves the ignored routes out.
    void validateTargetSaysWhatTheClusterDoes_data()
    {
        QTest::addColumn<QStringList>("target"); // the arguments after the file
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected"); // a line's tail, or "" for a clean run
        const QString routes = "(TCPRoute default/tcp-echo-v1)";
        QTest::newRow("the default is the tutorial's cluster") << QStringList{} << 0 << QString();
        QTest::newRow("the default spelled out")
            << QStringList{"--target", "istio=1.30,gateway-api=v1.5.1,channel=experimental,alpha=true"} << 0
            << QString();
        QTest::newRow("without the alpha flag")
            << QStringList{"--target", "alpha=false"} << 0
            << "or Istio ignores TCPRoute default/tcp-echo-v1 [MR0026] " + routes;
        QTest::newRow("the standard channel has no TCPRoute")
            << QStringList{"--target=channel=standard"} << 1
            << "error: TCPRoute default/tcp-echo-v1: the Gateway API v1.5.1 standard-channel CRDs have no "
               "TCPRoute at all, so the API server rejects it [MR0025] " +
                   routes;
        QTest::newRow("Istio 1.31 wants the v1.6 TCPRoute CRD")
            << QStringList{"--target", "istio=1.31"} << 0
            << "is at version \"1.5.1\" but Istio requires at least \"1.6.0\"; resources of this kind will "
               "not be processed. Upgrade the Gateway API CRDs to satisfy the minimum version. [IST0176] "
               "(CustomResourceDefinition tcproutes.gateway.networking.k8s.io)";
    }
    void validateTargetSaysWhatTheClusterDoes()
    {
        QFETCH(QStringList, target);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const QString file =
            QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/core/gatewayapi/data/tutorial-gateway-api.yaml");
        const Run r = meshroute(QStringList{"validate", file} + target);
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
        if (expected.isEmpty()) {
            QVERIFY2(!r.out.contains("warning:") && !r.out.contains("error:"), qPrintable(r.out));
            return;
        }
        QVERIFY2(r.out.contains(expected + "\n"), qPrintable(r.out));
        // At the first route's apiVersion (line 19, after "apiVersion: ").
        QVERIFY2(r.out.contains(file + ":19:13: "), qPrintable(r.out));
        // The same finding in JSON and SARIF.
        const qsizetype open = expected.lastIndexOf('[');
        const QString code = expected.mid(open + 1, expected.indexOf(']', open) - open - 1);
        const Run json = meshroute(QStringList{"validate", file, "-o", "json"} + target);
        QCOMPARE(json.exitCode, exitCode);
        QVERIFY2(json.out.contains("\"" + code + "\""), qPrintable(json.out));
        const Run sarif = meshroute(QStringList{"validate", file, "-o", "sarif"} + target);
        QVERIFY2(sarif.out.contains("\"ruleId\": \"" + code + "\""), qPrintable(sarif.out));
    }

    // An ignored route has no status, and its listener counts no route.
    void validateStatusFollowsTheTarget()
    {
        const QString file =
            QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/core/gatewayapi/data/tutorial-gateway-api.yaml");
        const Run read = meshroute({"validate", "--status", file});
        QCOMPARE(YAML::LoadAll(read.out.toStdString()).size(), std::size_t(3));
        const Run ignored = meshroute({"validate", "--status", file, "--target", "alpha=false"});
        QVERIFY2(ignored.exitCode == 0, qPrintable(ignored.err));
        const std::vector<YAML::Node> docs = YAML::LoadAll(ignored.out.toStdString());
        QCOMPARE(docs.size(), std::size_t(1)); // the Gateway only
        QCOMPARE(docs[0]["status"]["listeners"][0]["attachedRoutes"].as<int>(), 0);
        QCOMPARE(docs[0]["status"]["listeners"][1]["attachedRoutes"].as<int>(), 0);
        QVERIFY2(ignored.err.contains("[MR0026]"), qPrintable(ignored.err));
    }

    void badTargetsAreRefused_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("error");
        QTest::newRow("Istio")
            << "istio=1.27"
            << "istio 1.27 is not one Meshroute knows the Gateway API behaviour of: use 1.28 "
               "to 1.31";
        QTest::newRow("bundle") << "gateway-api=latest"
                                << "gateway-api \"latest\" is not a Gateway API release such as v1.5.1";
        QTest::newRow("channel") << "channel=stable"
                                 << "channel \"stable\" is not standard or experimental";
        QTest::newRow("key") << "version=1.30"
                             << "\"version\" is not a target key: use istio, gateway-api, channel or alpha";
    }
    void badTargetsAreRefused()
    {
        QFETCH(QString, target);
        QFETCH(QString, error);
        // Every command that analyses or compiles takes the one --target option.
        const QList<QStringList> commands = {
            {"validate", demo()}, {"export", demo()}, {"convert", demo(), "--to", "gateway-api"},
            {"proxy", demo()},    {"demo"},           {"install-config", demo()}};
        for (const QStringList &command : commands) {
            const Run r = meshroute(command + QStringList{"--target", target});
            QVERIFY2(r.exitCode == 2, qPrintable(command.front() + ": " + r.out + r.err));
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains(error), qPrintable(r.err));
            const Run help = meshroute({command.front(), "--help"});
            QVERIFY2(help.out.contains("--target"), qPrintable(help.out));
            QVERIFY(help.out.contains("istio=1.28|1.29|1.30|1.31"));
        }
    }

    // proxy compiles for the --target analysis read: TCPRoutes v1 meet Istio 1.30 with the v1.6
    // standard CRDs as nothing, so no listener has a route and none starts; each is said once.
    void proxyRunsWhatTheTargetReads()
    {
        QTemporaryDir dir;
        QByteArray text = readAll(
            QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/core/gatewayapi/data/tutorial-gateway-api.yaml"));
        QVERIFY(!text.isEmpty());
        text.replace("gateway.networking.k8s.io/v1alpha2", "gateway.networking.k8s.io/v1");
        const QString file = dir.filePath("tutorial-v1.yaml");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        const Run r = meshroute({"proxy", file, "--port-offset", "20000", "--target",
                                 "istio=1.30,gateway-api=v1.6.0,channel=standard"});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains("meshroute: no listener could start"), qPrintable(r.err));
        QCOMPARE(r.err.count("[MR0027]"), 2);
        QVERIFY(!r.out.contains("listening"));
    }

    // convert writes the routes with the apiVersions the --target cluster reads, unless
    // --route-versions says otherwise.
    void convertRouteVersionsFollowTheTarget_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("tcpRouteVersion");
        const QString v16 = "istio=1.31,gateway-api=v1.6.0,channel=standard";
        QTest::newRow("the default target: what Istio 1.30 reads") << QStringList{} << "v1alpha2";
        QTest::newRow("Istio 1.31 with the v1.6 standard CRDs reads v1")
            << QStringList{"--target", v16} << "v1";
        QTest::newRow("Istio 1.30 with v1.6 standard still reads v1alpha2 only")
            << QStringList{"--target", "gateway-api=v1.6.0,channel=standard"} << "v1alpha2";
        QTest::newRow("an explicit --route-versions wins over the target")
            << QStringList{"--target", v16, "--route-versions", "istio-1.30"} << "v1alpha2";
        QTest::newRow("and over the default target")
            << QStringList{"--route-versions", "v1.6-standard"} << "v1";
    }
    void convertRouteVersionsFollowTheTarget()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, tcpRouteVersion);
        const Run r = meshroute(QStringList{"convert", demo(), "--to", "gateway-api"} + arguments);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QStringList versions;
        for (const YAML::Node &doc : YAML::LoadAll(r.out.toStdString()))
            if (doc["kind"].as<std::string>() == "TCPRoute")
                versions << QString::fromStdString(doc["apiVersion"].as<std::string>());
        QCOMPARE(versions, QStringList(2, "gateway.networking.k8s.io/" + tcpRouteVersion));
        const Run help = meshroute({"convert", "--help"});
        QVERIFY2(help.out.contains("Default: what the --target cluster reads"), qPrintable(help.out));
    }

    void validateReportsASkippedServer()
    {
        const Run r = meshroute({"validate", data("shared-port.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString expected = data("shared-port.yaml") + ":19:7: warning: ";
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY2(r.out.contains("[MR0018] (Gateway default/tcp-gateway)\n"), qPrintable(r.out));
        QVERIFY(r.out.contains("is skipped: the port is already taken by Gateway default/tcp-gateway"));
        QCOMPARE(r.out.count("[MR0018]"), 1);
    }

    // Valid for Istio, not runnable here: validate says why before the user starts the gateway.
    void validateReportsADestinationWithoutLocalAddress()
    {
        const Run r = meshroute({"validate", data("resolution-none.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(data("resolution-none.yaml") + ":18:1: warning: ServiceEntry default/db has "
                                                               "resolution NONE"),
                 qPrintable(r.out));
        QCOMPARE(r.out.count("[MR0020]"), 1);
    }

    // --output-format json: the documented shape, every key there, null where unknown.
    void validateJsonHasTheDocumentedShape()
    {
        const Run r = meshroute({"validate", "--output-format", "json", data("missing-subset.yaml")});
        QCOMPARE(r.exitCode, 1); // exit codes do not depend on the format
        QString error;
        const QJsonObject report = jsonOf(r, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray diagnostics = report["diagnostics"].toArray();
        QCOMPARE(diagnostics.size(), 2); // the DestinationRule's host matches no Service: IST0174 too
        const QJsonObject d = withCode(diagnostics, "IST0101");
        const QStringList keys{"arguments", "code",    "column",    "file",    "level",
                               "line",      "message", "messageId", "resource"};
        QCOMPARE(d.keys(), keys);
        QCOMPARE(d["code"].toString(), "IST0101");
        QCOMPARE(d["level"].toString(), "error");
        QCOMPARE(d["file"].toString(), data("missing-subset.yaml"));
        QCOMPARE(d["line"].toInt(), 23);
        QCOMPARE(d["column"].toInt(), 17);
        QVERIFY(d["message"].toString().startsWith(
            "subset \"v3\" is not defined in DestinationRule default/tcp-echo"));
        const QJsonObject resource = d["resource"].toObject();
        QCOMPARE(resource["kind"].toString(), "VirtualService");
        QCOMPARE(resource["namespace"].toString(), "default");
        QCOMPARE(resource["name"].toString(), "tcp-echo");
        // The message as data: its id, and arguments whose fragments carry their own id.
        QCOMPARE(d["messageId"].toString(), "subset-not-defined");
        const QJsonArray arguments = d["arguments"].toArray();
        QVERIFY(arguments.size() >= 3);
        QCOMPARE(arguments[0].toObject()["fragment"].toString(), "fragment-subset");
        QCOMPARE(arguments[0].toObject()["text"].toString(), "subset");
        QCOMPARE(arguments[1].toObject()["text"].toString(), "v3");
        QVERIFY(arguments[1].toObject()["fragment"].isNull());
        QCOMPARE(arguments[2].toObject()["text"].toString(), "default/tcp-echo");
        QCOMPARE(report["summary"].toObject(), (QJsonObject{{"errors", 1}, {"warnings", 1}, {"infos", 0}}));
    }

    // Whatever ids core gives its messages: a diagnostic without one says null, and the rest is there.
    void validateJsonOnTheDemo()
    {
        const Run r = meshroute({"validate", "-o", "json", demo()});
        QCOMPARE(r.exitCode, 0);
        QString error;
        const QJsonObject report = jsonOf(r, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray diagnostics = report["diagnostics"].toArray();
        QVERIFY(!diagnostics.isEmpty());
        int warnings = 0;
        bool sawPortWarning = false;
        for (const QJsonValue &value : diagnostics) {
            const QJsonObject d = value.toObject();
            QVERIFY(d["messageId"].isNull() || !d["messageId"].toString().isEmpty());
            QVERIFY(d["arguments"].isArray());
            QVERIFY(!d["message"].toString().isEmpty());
            QVERIFY(d["file"].toString().startsWith(demo() + "/"));
            QVERIFY(d["line"].toInt() > 0);
            QVERIFY(d["column"].isNull() || d["column"].toInt() > 0);
            QVERIFY(QStringList({"error", "warning", "info"}).contains(d["level"].toString()));
            warnings += d["level"].toString() == "warning" ? 1 : 0;
            if (d["code"].toString() == "IST0162") {
                sawPortWarning = true;
                QCOMPARE(d["level"].toString(), "warning");
                QCOMPARE(d["resource"].toObject()["kind"].toString(), "Gateway");
            }
        }
        QVERIFY(sawPortWarning);
        QCOMPARE(report["summary"].toObject()["errors"].toInt(), 0);
        QCOMPARE(report["summary"].toObject()["warnings"].toInt(), warnings);
    }

    // Standard input has no file name: file is null; unreadable input is exit 2 with its MR0002.
    void validateJsonWithoutAFile()
    {
        QFile file(data("missing-subset.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Run r = meshroute({"validate", "-o", "json", "-"}, file.readAll());
        QCOMPARE(r.exitCode, 1);
        QString error;
        const QJsonObject d = withCode(jsonOf(r, error)["diagnostics"].toArray(), "IST0101");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(d.contains("file"));
        QVERIFY(d["file"].isNull());
        QCOMPARE(d["line"].toInt(), 23);

        const Run unreadable = meshroute({"validate", "-o", "json", "/nonexistent/meshroute.yaml"});
        QCOMPARE(unreadable.exitCode, 2);
        const QJsonObject u = jsonOf(unreadable, error)["diagnostics"].toArray()[0].toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(u["code"].toString(), "MR0002");
        QCOMPARE(u["file"].toString(), "/nonexistent/meshroute.yaml");
    }

    // A tab and a quote in a name are escaped, a non-ASCII letter passes through as UTF-8.
    void validateJsonEscapesWhatJsonRequires()
    {
        const Run r = meshroute({"validate", "-o", "json", data("port-name.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\\t\\\"é\\\""), qPrintable(r.out));
        QVERIFY(!r.out.contains('\t'));
        QString error;
        const QJsonArray diagnostics = jsonOf(r, error)["diagnostics"].toArray();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        bool found = false;
        for (const QJsonValue &value : diagnostics) {
            const QJsonObject d = value.toObject();
            if (d["code"].toString() != "IST0118")
                continue;
            found = true;
            QCOMPARE(d["level"].toString(), "info");
            QVERIFY2(d["message"].toString().contains(QString::fromUtf8("\"echo\t\"é\"\"")),
                     qPrintable(d["message"].toString()));
        }
        QVERIFY(found);
    }

    // A file name with control characters, spaces and bytes that are not UTF-8: still valid JSON,
    // the UTF-8 kept, the rest escaped or replaced; SARIF's URI percent-encodes them.
    void validateJsonAndSarifWithAnAwkwardFileName()
    {
        QTemporaryDir dir;
        const QByteArray name = QByteArray("a\tb\x01 d\xC3\xA9\xFF.yaml");
        QFile source(data("missing-subset.yaml"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray yaml = source.readAll();
        const QByteArray path = QFile::encodeName(dir.path()) + "/" + name;
        FILE *file = std::fopen(path.constData(), "wb");
        QVERIFY(file);
        QCOMPARE(std::fwrite(yaml.constData(), 1, static_cast<std::size_t>(yaml.size()), file),
                 static_cast<std::size_t>(yaml.size()));
        std::fclose(file);
        // QTemporaryDir cannot remove a name that is not UTF-8: remove it by its bytes.
        const auto removeFile = qScopeGuard([&] { std::remove(path.constData()); });

        const Run r = meshroute({"validate", "-o", "json", dir.path()});
        QCOMPARE(r.exitCode, 1);
        QString error;
        const QJsonObject d = jsonOf(r, error)["diagnostics"].toArray()[0].toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(r.out.contains("a\\tb\\u0001 d"), qPrintable(r.out));
        QCOMPARE(d["file"].toString(),
                 dir.path() + QString::fromUtf8("/a\tb\x01 d\xC3\xA9\xEF\xBF\xBD.yaml"));

        const Run sarif = meshroute({"validate", "-o", "sarif", dir.path()});
        QCOMPARE(sarif.exitCode, 1);
        const QJsonObject result = jsonOf(sarif, error)["runs"][0]["results"][0].toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].toString(),
                 "file://" + QString::fromUtf8(QUrl::toPercentEncoding(dir.path(), "/")) +
                     "/a%09b%01%20d%C3%A9%FF.yaml");
    }

    // --output-format yaml: the same document as json, read back with yaml-cpp.
    void validateYamlIsTheJsonShape_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("an error") << data("missing-subset.yaml") << 1;
        QTest::newRow("a warning from the compiler") << data("shared-port.yaml") << 0;
        QTest::newRow("an info with a tab, a quote and UTF-8") << data("port-name.yaml") << 0;
        QTest::newRow("the demo") << demo() << 0;
    }
    void validateYamlIsTheJsonShape()
    {
        QFETCH(QString, fixture);
        QFETCH(int, exitCode);
        const Run json = meshroute({"validate", "-o", "json", fixture});
        const Run yaml = meshroute({"validate", "-o", "yaml", fixture});
        QCOMPARE(json.exitCode, exitCode);
        QCOMPARE(yaml.exitCode, exitCode);
        QString error;
        const QJsonObject fromJson = jsonOf(json, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        YAML::Node node;
        try {
            node = YAML::Load(yaml.out.toStdString());
        } catch (const YAML::Exception &e) {
            QFAIL(qPrintable(QString("not YAML: ") + e.what() + "\n" + yaml.out));
        }
        QCOMPARE(compact(jsonFromYaml(node).toObject()), compact(fromJson));
    }

    // --quiet leaves the infos out of every format (and out of the summary's count).
    void validateQuietInEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("text") << "text";
        QTest::newRow("json") << "json";
        QTest::newRow("yaml") << "yaml";
        QTest::newRow("sarif") << "sarif";
    }
    void validateQuietInEveryFormat()
    {
        QFETCH(QString, format);
        const Run loud = meshroute({"validate", "-o", format, data("port-name.yaml")});
        const Run quiet = meshroute({"validate", "-o", format, "--quiet", data("port-name.yaml")});
        QCOMPARE(loud.exitCode, 0);
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY2(loud.out.contains("IST0118"), qPrintable(loud.out));
        QVERIFY2(!quiet.out.contains("IST0118"), qPrintable(quiet.out));
        if (format == "json") {
            QString error;
            QCOMPARE(jsonOf(loud, error)["summary"]["infos"].toInt(), 1);
            QCOMPARE(jsonOf(quiet, error)["summary"]["infos"].toInt(), 0);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    void validateRejectsAnUnknownFormat()
    {
        const Run r = meshroute({"validate", "-o", "xml", demo()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("xml"), qPrintable(r.err));
    }

    // SARIF 2.1.0: what code scanning reads, checked field by field.
    void validateSarifHasWhatCodeScanningReads()
    {
        const Run r = meshroute({"validate", "-o", "sarif", data("missing-subset.yaml")});
        QCOMPARE(r.exitCode, 1);
        QString error;
        const QJsonObject log = jsonOf(r, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(log["version"].toString(), "2.1.0");
        QVERIFY(log["$schema"].toString().endsWith("/sarif-schema-2.1.0.json"));
        const QJsonArray runs = log["runs"].toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject driver = runs[0]["tool"]["driver"].toObject();
        QCOMPARE(driver["name"].toString(), "meshroute");
        QVERIFY(!driver["version"].toString().isEmpty());
        const QJsonArray results = runs[0]["results"].toArray();
        QCOMPARE(results.size(), 2); // IST0101, and IST0174 for the DestinationRule's host
        const QJsonObject result = withCode(results, "IST0101");
        QCOMPARE(result["level"].toString(), "error");
        const QJsonArray rules = driver["rules"].toArray();
        QCOMPARE(rules.size(), 2);
        const int index = result["ruleIndex"].toInt(-1);
        QVERIFY(index >= 0 && index < rules.size());
        const QJsonObject rule = rules[index].toObject();
        QCOMPARE(rule["id"].toString(), "IST0101");
        QCOMPARE(rule["name"].toString(), "ReferencedResourceNotFound");
        QVERIFY(!rule["shortDescription"]["text"].toString().isEmpty());
        QCOMPARE(rule["defaultConfiguration"]["level"].toString(), "error");
        QCOMPARE(rule["helpUri"].toString(),
                 "https://istio.io/latest/docs/reference/config/analysis/ist0101/");
        QVERIFY(result["message"]["text"].toString().startsWith("subset \"v3\" is not defined"));
        const QJsonObject location = result["locations"][0].toObject();
        QCOMPARE(location["physicalLocation"]["artifactLocation"]["uri"].toString(),
                 "file://" + data("missing-subset.yaml"));
        QCOMPARE(location["physicalLocation"]["region"]["startLine"].toInt(), 23);
        QCOMPARE(location["physicalLocation"]["region"]["startColumn"].toInt(), 17);
        const QJsonObject logical = location["logicalLocations"][0].toObject();
        QCOMPARE(logical["fullyQualifiedName"].toString(), "VirtualService default/tcp-echo");
        QCOMPARE(logical["name"].toString(), "tcp-echo");
        QCOMPARE(logical["kind"].toString(), "resource");
    }

    // A relative path stays relative (code scanning resolves it against the checkout); standard
    // input has no physical location, only the resource; every ruleIndex points at its rule; infos are notes.
    void validateSarifLocationsAndRules()
    {
        const QString dataDir = QStringLiteral(MESHROUTE_TEST_DATA "/data");
        QProcess process; // from the fixture folder, with a relative path
        process.setWorkingDirectory(dataDir);
        process.start(QStringLiteral(MESHROUTE_CLI), {"validate", "-o", "sarif", "missing-subset.yaml"});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QString error;
        const QJsonObject relative =
            jsonOf({1, QString::fromUtf8(process.readAllStandardOutput()), {}}, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(
            relative["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .toString(),
            "missing-subset.yaml");

        QFile file(data("missing-subset.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Run fromStdin = meshroute({"validate", "-o", "sarif", "-"}, file.readAll());
        const QJsonObject location =
            withCode(jsonOf(fromStdin, error)["runs"][0]["results"].toArray(), "IST0101")["locations"][0]
                .toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!location.contains("physicalLocation"));
        QCOMPARE(location["logicalLocations"][0]["fullyQualifiedName"].toString(),
                 "VirtualService default/tcp-echo");

        for (const QString &fixture : {demo(), data("port-name.yaml"), data("shared-port.yaml")}) {
            const Run r = meshroute({"validate", "-o", "sarif", fixture});
            const QJsonObject run = jsonOf(r, error)["runs"][0].toObject();
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const QJsonArray rules = run["tool"]["driver"]["rules"].toArray();
            QStringList ids;
            for (const QJsonValue &rule : rules)
                ids << rule["id"].toString();
            QCOMPARE(ids.size(), QSet<QString>(ids.begin(), ids.end()).size()); // one rule per code
            const QJsonArray results = run["results"].toArray();
            QVERIFY(!results.isEmpty());
            QSet<QString> used;
            for (const QJsonValue &result : results) {
                const int index = result["ruleIndex"].toInt();
                QVERIFY(index >= 0 && index < rules.size());
                QCOMPARE(rules[index]["id"].toString(), result["ruleId"].toString());
                QVERIFY(QStringList({"error", "warning", "note"}).contains(result["level"].toString()));
                if (result["ruleId"].toString() == "IST0118")
                    QCOMPARE(result["level"].toString(), "note");
                used << result["ruleId"].toString();
                const QString id = result["ruleId"].toString();
                if (id.startsWith("IST"))
                    QCOMPARE(rules[index]["helpUri"].toString(),
                             "https://istio.io/latest/docs/reference/config/analysis/" + id.toLower() + "/");
                else
                    QVERIFY(!rules[index].toObject().contains("helpUri"));
            }
            QCOMPARE(used.size(), rules.size()); // no rule that no result uses
        }
    }

    // The SARIF passes the published 2.1.0 schema (fetched with npm; python3-jsonschema checks).
    void validateSarifPassesThePublishedSchema()
    {
        QString why;
        const QString schema = sarifSchema(why);
        if (schema.isEmpty() && why == "npm is absent") {
            const QByteArray reason = "npm is not installed, so the published SARIF 2.1.0 schema (" +
                                      QByteArray(kSchemaPackage) +
                                      ") cannot be fetched; ./dev.sh installs npm";
            QSKIP(reason.constData());
        }
        QVERIFY2(!schema.isEmpty(), qPrintable(why));

        // The check can fail: a level SARIF does not know is refused.
        const Run clean = meshroute({"validate", "-o", "sarif", data("missing-subset.yaml")});
        QByteArray broken = clean.out.toUtf8();
        broken.replace("\"level\": \"error\"", "\"level\": \"fatal\"");
        QVERIFY(broken != clean.out.toUtf8());
        QVERIFY(!schemaErrors(schema, broken).isEmpty());

        QFile stdinFile(data("missing-subset.yaml"));
        QVERIFY(stdinFile.open(QIODevice::ReadOnly));
        const QList<Run> runs{clean,
                              meshroute({"validate", "-o", "sarif", demo()}),
                              meshroute({"validate", "-o", "sarif", data("port-name.yaml")}),
                              meshroute({"validate", "-o", "sarif", data("shared-port.yaml")}),
                              meshroute({"validate", "-o", "sarif", data("resolution-none.yaml")}),
                              meshroute({"validate", "-o", "sarif", "/nonexistent/meshroute.yaml"}),
                              meshroute({"validate", "-o", "sarif", "-"}, stdinFile.readAll())};
        for (const Run &r : runs) {
            QVERIFY2(r.exitCode >= 0 && !r.out.isEmpty(), qPrintable(r.err));
            const QString errors = schemaErrors(schema, r.out.toUtf8());
            QVERIFY2(errors.isEmpty(), qPrintable(errors + "\n" + r.out));
        }
    }

    void validateUnreadableInputIsExitTwo()
    {
        const Run r = meshroute({"validate", "/nonexistent/meshroute.yaml"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("/nonexistent/meshroute.yaml"));
    }

    void usageErrorIsExitTwo()
    {
        QCOMPARE(meshroute({"validate"}).exitCode, 2);
        QCOMPARE(meshroute({"frobnicate"}).exitCode, 2);
        QCOMPARE(meshroute({}).exitCode, 2);
        const Run proxy = meshroute({"proxy"}); // paths stay required unless --print-scrape-config
        QCOMPARE(proxy.exitCode, 2);
        QVERIFY2(proxy.err.contains("paths is required"), qPrintable(proxy.err));
    }

    // The scrape job for --admin, printed and in --help (tst_prometheus runs Prometheus on it).
    void proxyPrintsItsScrapeJob()
    {
        const Run job = meshroute({"proxy", "--print-scrape-config", "--admin", "127.0.0.1:15090"});
        QCOMPARE(job.exitCode, 0);
        QVERIFY2(job.out.contains("  - job_name: meshroute-local-gateway\n"
                                  "    metrics_path: /stats/prometheus\n"
                                  "    static_configs:\n"
                                  "      - targets: [\"127.0.0.1:15090\"]\n"),
                 qPrintable(job.out));
        const Run help = meshroute({"proxy", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains("--print-scrape-config"), qPrintable(help.out));
        QVERIFY2(help.out.contains("targets: [\"127.0.0.1:15000\"]"), qPrintable(help.out));
    }

    void helpAndVersion()
    {
        const Run help = meshroute({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("validate"));
        QVERIFY(help.out.contains("export"));
        const Run version = meshroute({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("meshroute "));
    }

    void validateReadsStandardInput()
    {
        QFile file(data("missing-subset.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Run r = meshroute({"validate", "-"}, file.readAll());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(":23:17: error:"), qPrintable(r.out));
    }

    void exportWritesTheStreamAtomically()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("tcp-echo.yaml");
        const Run r = meshroute({"export", demo(), "-o", out, "--api-version", "v1beta1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QCOMPARE(text.count("kind: "), 7);
        QVERIFY(text.contains("apiVersion: networking.istio.io/v1beta1"));
        QVERIFY(!text.contains("networking.istio.io/v1\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind

        // Exported twice, the same bytes.
        const Run again = meshroute({"export", demo(), "--api-version", "v1beta1"});
        QCOMPARE(again.out, text);
    }

    void exportRefusesInputWithErrors()
    {
        const Run r = meshroute({"export", data("missing-subset.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("IST0101"));
    }

    void exportRejectsUnknownApiVersion()
    {
        QCOMPARE(meshroute({"export", demo(), "--api-version", "v2"}).exitCode, 2);
    }

    void exportPassesIstioSchemas()
    {
        QTemporaryDir dir;
        const QString checker = QStringLiteral(MESHROUTE_SHARED_DIR "/istio/check-manifests");
        if (!QFile::exists(checker))
            QSKIP("the shared Istio reference folder is not next to the repository");
        for (const char *version : {"v1", "v1beta1", "v1alpha3"}) {
            const QString out = dir.filePath(QString("demo-%1.yaml").arg(version));
            QCOMPARE(meshroute({"export", demo(), "-o", out, "--api-version", version}).exitCode, 0);
            QProcess check;
            check.start("python3", {checker, out});
            QVERIFY(check.waitForFinished(60000));
            QVERIFY2(check.exitCode() == 0, check.readAll().constData());
        }
    }

    // --ingress chooses the Service IST0162 checks against, and the line says which one it assumed.
    void validateIngressChoice_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QStringList>("flagged");
        QTest::addColumn<QString>("owner");
        QTest::newRow("analyze, the default")
            << "" << QStringList{"31401"} << "the default ingress gateway Service";
        QTest::newRow("default profile") << "default" << QStringList{"31400", "31401"}
                                         << "the ingress gateway Service of Istio's default profile";
        QTest::newRow("demo profile")
            << "demo" << QStringList{"31401"} << "the ingress gateway Service of Istio's demo profile";
        QTest::newRow("helm chart") << "helm" << QStringList{"31400", "31401"}
                                    << "the ingress gateway Service of the gateway Helm chart's defaults";
    }
    void validateIngressChoice()
    {
        QFETCH(QString, choice);
        QFETCH(QStringList, flagged);
        QFETCH(QString, owner);
        QStringList args{"validate", demo()};
        if (!choice.isEmpty())
            args << "--ingress" << choice;
        const Run r = meshroute(args);
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split('\n').filter("[IST0162]");
        QCOMPARE(lines.size(), flagged.size());
        for (int i = 0; i < lines.size(); ++i) {
            QVERIFY2(lines[i].contains("port " + flagged[i] + " of Gateway"), qPrintable(lines[i]));
            QVERIFY2(lines[i].contains("not exposed by " + owner + " (ports"), qPrintable(lines[i]));
        }
    }

    void badIngressValuesAreRefused()
    {
        const Run bad = meshroute({"validate", demo(), "--ingress", "minimal"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(
                     "\"minimal\" is not an ingress gateway choice: use analyze, default, demo, helm or "
                     "files"),
                 qPrintable(bad.err));
        const Run form = meshroute({"export", demo(), "-o", "x.yaml", "--ingress-patch", "kustomize"});
        QCOMPARE(form.exitCode, 2);
        QVERIFY2(form.err.contains("is not an ingress patch form: use operator, helm or service"),
                 qPrintable(form.err));
        const Run nowhere = meshroute({"export", demo(), "--ingress-patch", "operator"});
        QCOMPARE(nowhere.exitCode, 2);
        QVERIFY(nowhere.out.isEmpty());
        QVERIFY2(nowhere.err.contains("--ingress-patch needs -o FILE"), qPrintable(nowhere.err));
    }

    // The bundled demo, exported with --ingress-patch operator: every Gateway port of the bundle is
    // in the overlay's Service ports, and the export itself is unchanged.
    void exportWritesTheIngressPatchBeside_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QString>("portsPath"); // where the ports list is in the patch
        QTest::newRow("operator") << "operator"
                                  << "spec.components.ingressGateways.0.k8s.service.ports";
        QTest::newRow("helm") << "helm"
                              << "service.ports";
        QTest::newRow("service") << "service"
                                 << "spec.ports";
    }
    void exportWritesTheIngressPatchBeside()
    {
        QFETCH(QString, form);
        QFETCH(QString, portsPath);
        QTemporaryDir dir;
        const QString out = dir.filePath("tcp-echo.yaml");
        for (const QString &choice : QStringList{"analyze", "default", "demo", "helm"}) {
            const Run r =
                meshroute({"export", demo(), "-o", out, "--ingress", choice, "--ingress-patch", form});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QString patchPath = dir.filePath("tcp-echo.ingress-" + form + ".yaml");
            QVERIFY2(r.err.contains("written to " + patchPath), qPrintable(r.err));
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
            QCOMPARE(meshroute({"export", demo()}).out, QString::fromUtf8(readAll(out)));

            YAML::Node ports = YAML::Load(readAll(patchPath).toStdString());
            for (const QString &step : portsPath.split('.')) {
                bool isIndex = false;
                const int index = step.toInt(&isIndex);
                ports = isIndex ? YAML::Node(ports[index]) : YAML::Node(ports[step.toStdString()]);
            }
            QVERIFY2(ports.IsSequence(), qPrintable(portsPath));
            std::set<unsigned> exposed;
            for (const YAML::Node &port : ports) {
                QCOMPARE(port["protocol"].as<std::string>(), std::string("TCP"));
                exposed.insert(port["port"].as<unsigned>());
            }
            int gatewayPorts = 0;
            for (const YAML::Node &doc : YAML::LoadAll(readAll(out).toStdString())) {
                if (doc["kind"].as<std::string>() != "Gateway")
                    continue;
                for (const YAML::Node &server : doc["spec"]["servers"]) {
                    ++gatewayPorts;
                    const unsigned number = server["port"]["number"].as<unsigned>();
                    QVERIFY2(exposed.count(number),
                             qPrintable(QString("%1 not exposed for %2").arg(number).arg(choice)));
                }
            }
            QCOMPARE(gatewayPorts, 2);
            // The patch, loaded with the export, leaves no IST0162 for that Service.
            if (form == "service") {
                YAML::Node service =
                    YAML::Load("{apiVersion: v1, kind: Service, metadata: {name: "
                               "istio-ingressgateway, namespace: istio-system}, spec: {selector: "
                               "{istio: ingressgateway}}}");
                service["spec"]["ports"] = ports;
                QFile file(dir.filePath("svc.yaml"));
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write(QByteArray::fromStdString(YAML::Dump(service) + "\n"));
                file.close();
                const Run check = meshroute({"validate", out, file.fileName()});
                QVERIFY2(!check.out.contains("IST0162"), qPrintable(check.out));
                QFile::remove(file.fileName());
            }
        }
        const Run toFile = meshroute(
            {"export", demo(), "--ingress-patch", form, "--ingress-patch-output", dir.filePath("p.yaml")});
        QCOMPARE(toFile.exitCode, 0);
        QVERIFY(toFile.out.contains("kind: Gateway"));
        QVERIFY(readAll(dir.filePath("p.yaml")).startsWith("# Meshroute: the ingress gateway Service ports"));
    }

    // ------------------------------------------------------------ install-config
    // The ports the routing needs come with the install: the demo's 31400 and 31401 on top of the
    // default profile's Service (IstioOperator) or the gateway chart's (Helm), the defaults repeated.
    void installConfigExposesTheGatewayPorts_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("path");  // to the ingress gateway Service's ports
        QTest::addColumn<QString>("ports"); // port:targetPort, in order
        QTest::newRow("operator") << "operator"
                                  << "spec.components.ingressGateways.0.k8s.service.ports"
                                  << "15021:15021 80:8080 443:8443 31400:31400 31401:31401";
        QTest::newRow("helm") << "helm"
                              << "service.ports"
                              << "15021:15021 80:80 443:443 31400:31400 31401:31401";
    }
    void installConfigExposesTheGatewayPorts()
    {
        QFETCH(QString, format);
        QFETCH(QString, path);
        QFETCH(QString, ports);
        const Run r = meshroute({"install-config", demo(), "--format", format});
        QCOMPARE(r.exitCode, 0);
        QString found;
        for (const YAML::Node &document : YAML::LoadAll(r.out.toStdString())) {
            YAML::Node node = document;
            for (const QString &key : path.split('.')) {
                bool isIndex = false;
                const int index = key.toInt(&isIndex);
                node = isIndex ? (node.IsSequence() ? node[index] : YAML::Node())
                               : (node.IsMap() ? node[key.toStdString()] : YAML::Node());
                if (!node)
                    break;
            }
            if (!node || !node.IsSequence())
                continue;
            for (const YAML::Node &port : node) {
                QVERIFY(port["name"]);
                QCOMPARE(port["protocol"].as<std::string>(), std::string("TCP"));
                found += QString("%1:%2 ").arg(QString::fromStdString(port["port"].as<std::string>()),
                                               QString::fromStdString(port["targetPort"].as<std::string>()));
            }
        }
        QCOMPARE(found.trimmed(), ports);
    }

    void installConfigOnTheDemo()
    {
        const Run r = meshroute({"install-config", demo()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const std::vector<YAML::Node> documents = YAML::LoadAll(r.out.toStdString());
        QCOMPARE(documents.size(), std::size_t(2));
        QCOMPARE(documents[0]["kind"].as<std::string>(), std::string("IstioOperator"));
        QCOMPARE(documents[0]["apiVersion"].as<std::string>(), std::string("install.istio.io/v1alpha1"));
        QCOMPARE(documents[0]["metadata"]["name"].as<std::string>(), std::string("istio"));
        QCOMPARE(documents[0]["metadata"]["namespace"].as<std::string>(), std::string("istio-system"));
        // The demo's resources are all in "default": that namespace gets the injection label.
        QCOMPARE(documents[1]["kind"].as<std::string>(), std::string("Namespace"));
        QCOMPARE(documents[1]["metadata"]["name"].as<std::string>(), std::string("default"));
        QCOMPARE(documents[1]["metadata"]["labels"]["istio-injection"].as<std::string>(),
                 std::string("enabled"));
        QVERIFY(r.out.contains("# ---- istio-operator.yaml: istioctl install -f istio-operator.yaml"));
        QVERIFY(r.out.contains("# ---- namespaces.yaml: kubectl apply -f namespaces.yaml"));
    }

    void installConfigOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("no routing: nothing to label")
            << QStringList{} << QStringList{"so none is labelled"} << QStringList{"kind: Namespace"};
        QTest::newRow("namespace") << QStringList{"--namespace", "mesh-system"}
                                   << QStringList{"  namespace: mesh-system\n",
                                                  "    istioNamespace: mesh-system\n"}
                                   << QStringList{"istio-system"};
        QTest::newRow("release") << QStringList{"--release", "tcp-echo-mesh"}
                                 << QStringList{"  name: tcp-echo-mesh\n"} << QStringList{};
        QTest::newRow("injection by default")
            << QStringList{"--injection", "default"}
            << QStringList{"    sidecarInjectorWebhook:\n      enableNamespacesByDefault: true\n"}
            << QStringList{"kind: Namespace"};
        QTest::newRow("injection off") << QStringList{"--injection", "off"} << QStringList{"not configured"}
                                       << QStringList{"kind: Namespace", "enableNamespacesByDefault"};
        QTest::newRow("tracing and sampling")
            << QStringList{"--tracing-endpoint", "zipkin.istio-system:9411", "--sampling", "5"}
            << QStringList{"    enableTracing: true\n",
                           "        service: zipkin.istio-system\n",
                           "        port: 9411\n",
                           "kind: Telemetry\n",
                           "    randomSamplingPercentage: 5\n",
                           "# ---- telemetry.yaml: kubectl apply -f telemetry.yaml"}
            << QStringList{};
        QTest::newRow("ranges") << QStringList{"--include-ip-ranges", "10.0.0.0/8,fd00::/8",
                                               "--exclude-ip-ranges", "169.254.169.254/32"}
                                << QStringList{"        includeIPRanges: 10.0.0.0/8,fd00::/8\n",
                                               "        excludeIPRanges: 169.254.169.254/32\n"}
                                << QStringList{};
        QTest::newRow("addons") << QStringList{"--addons", "prometheus,kiali"}
                                << QStringList{"# Addons: Istio no longer installs",
                                               "#   kubectl apply -f samples/addons/prometheus.yaml\n",
                                               "#   kubectl apply -f samples/addons/kiali.yaml\n"}
                                << QStringList{"samples/addons/grafana.yaml"};
        QTest::newRow("helm")
            << QStringList{"--format", "helm", "--tracing-endpoint", "zipkin:9411"}
            << QStringList{"# ---- istiod-values.yaml: helm install istio istio/istiod -n istio-system",
                           "# ---- gateway-values.yaml: helm install istio-ingressgateway istio/gateway",
                           "#   helm install istio-base istio/base -n istio-system", "meshConfig:\n",
                           "kind: Telemetry\n"}
            << QStringList{"IstioOperator"};
        QTest::newRow("no ingress ports given: the defaults are kept")
            << QStringList{} << QStringList{"Ingress gateway Service ports: the defaults are kept."}
            << QStringList{"ingressGateways"};
    }

    void installConfigOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        const Run r = meshroute(QStringList{"install-config"} + args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        for (const QString &text : expected)
            QVERIFY2(r.out.contains(text), qPrintable(text + " not in:\n" + r.out));
        for (const QString &text : absent)
            QVERIFY2(!r.out.contains(text), qPrintable(text + " in:\n" + r.out));
        QVERIFY(!YAML::LoadAll(r.out.toStdString()).empty());
    }

    void installConfigRefusesBadValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad v4 range named")
            << QStringList{"--include-ip-ranges", "10.0.0.0/8,10.0.0.0/33"}
            << R"(error: outbound IP ranges to intercept: "10.0.0.0/33" has prefix length 33, more than 32 for an IPv4 address)";
        QTest::newRow("bad v6 range named")
            << QStringList{"--exclude-ip-ranges", "fd00::/8,fd00::g/64"}
            << R"(error: outbound IP ranges to bypass: "fd00::g/64" is not a CIDR range)";
        QTest::newRow("sampling over 100")
            << QStringList{"--sampling", "150"} << "error: sampling percentage 150 is outside 0–100";
        QTest::newRow("sampling not a number") << QStringList{"--sampling", "lots"} << "--sampling";
        QTest::newRow("injection unknown") << QStringList{"--injection", "maybe"} << "--injection";
        QTest::newRow("format unknown") << QStringList{"--format", "kustomize"} << "--format";
        QTest::newRow("addon unknown") << QStringList{"--addons", "prometheus,jaeger"}
                                       << R"(error: "jaeger" is not an addon Meshroute knows)";
        QTest::newRow("endpoint without port") << QStringList{"--tracing-endpoint", "zipkin"}
                                               << R"(error: tracing endpoint "zipkin" is not HOST:PORT)";
        QTest::newRow("bad namespace") << QStringList{"--namespace", "Istio"}
                                       << R"(error: Istio namespace "Istio" is not a valid namespace name)";
        QTest::newRow("unreadable routing")
            << QStringList{"/nonexistent/meshroute.yaml"} << "/nonexistent/meshroute.yaml";
    }

    void installConfigRefusesBadValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = meshroute(QStringList{"install-config"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    }

    void installConfigRefusesRoutingWithErrors()
    {
        const Run r = meshroute({"install-config", data("missing-subset.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("IST0101"));
        QVERIFY(r.out.isEmpty());
    }

    void installConfigWarnsOfOverlappingRanges()
    {
        const Run r = meshroute(
            {"install-config", "--include-ip-ranges", "10.0.0.0/8", "--exclude-ip-ranges", "10.96.0.0/12"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.err.contains("warning: 10.0.0.0/8 (to intercept) and 10.96.0.0/12 (to bypass) share addresses: "
                           "those are not intercepted, because bypassing wins over intercepting"),
            qPrintable(r.err));
        QVERIFY(r.out.contains("bypass wins"));
    }

    void installConfigWritesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("istio-install.yaml");
        const QStringList args{"install-config", demo(), "--format", "helm", "--addons", "grafana"};
        const Run written = meshroute(args + QStringList{"-o", path});
        QCOMPARE(written.exitCode, 0);
        QVERIFY(written.out.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Run printed = meshroute(args);
        QCOMPARE(QString::fromUtf8(file.readAll()), printed.out);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"istio-install.yaml"});
        QCOMPARE(meshroute(args + QStringList{"-o", dir.filePath("no/such/folder/x.yaml")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
