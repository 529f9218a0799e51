// The tutorial's install form in today's Istio (core/install/installconfig): each option from the form to
// its YAML (a golden file per option, tests/core/install/data/), every key written exists where Istio reads
// it (the chart values files and the IstioOperator types in ../shared/istio/install/), the gateway chart
// values pass the chart's JSON schema, the Telemetry passes ../shared/istio/check-manifests, and the CIDR
// checks accept and refuse what Istio does.
//
// MESHROUTE_UPDATE_GOLDEN=1 rewrites the golden files (then read the diff).

#include "install/installconfig.h"
#include "yaml/loader.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace meshroute;
using namespace meshroute::install;

Q_DECLARE_METATYPE(meshroute::install::Field)

namespace {

QString sharedDir()
{
    const QByteArray fromEnv = qgetenv("MESHROUTE_SHARED_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(MESHROUTE_SHARED_DIR) : QString::fromLocal8Bit(fromEnv);
}

QString installDir()
{
    return sharedDir() + QStringLiteral("/istio/install/");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const std::string &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes.data(), static_cast<qint64>(bytes.size())) == static_cast<qint64>(bytes.size());
}

// The form as the rows write it: "option=value" settings over the defaults.
InstallOptions optionsFrom(const QStringList &settings)
{
    InstallOptions options;
    for (const QString &setting : settings) {
        const QString key = setting.section('=', 0, 0);
        const std::string value = setting.section('=', 1).toStdString();
        if (key == "namespace")
            options.istioNamespace = value;
        else if (key == "release")
            options.release = value;
        else if (key == "addon")
            options.addons.push_back(value);
        else if (key == "injection")
            options.injection = value == "default" ? Injection::Default
                                : value == "off"   ? Injection::Off
                                                   : Injection::Labels;
        else if (key == "tracing")
            options.tracingEndpoint = value;
        else if (key == "sampling")
            options.samplingPercent = std::stod(value);
        else if (key == "include")
            options.includeIPRanges = value;
        else if (key == "exclude")
            options.excludeIPRanges = value;
        else if (key == "format")
            options.format = value == "helm" ? Format::Helm : Format::Operator;
        else if (key == "port") { // name:port:targetPort
            const QStringList parts = setting.section('=', 1).split(':');
            ServicePortSpec port;
            port.name = parts[0].toStdString();
            port.port = parts[1].toUInt();
            port.targetPort = parts[2].toUInt();
            options.ingressPorts.push_back(port);
        } else
            qFatal("unknown setting %s", qPrintable(setting));
    }
    return options;
}

// The tutorial's ports, as the ingress branch will hand them over: the defaults kept, 31400 and 31401 added.
QStringList tutorialPorts()
{
    return {"port=status-port:15021:15021", "port=http2:80:8080", "port=https:443:8443",
            "port=tcp-31400:31400:31400", "port=tcp-31401:31401:31401"};
}

// The same for the gateway chart, whose defaults are 80 -> 80 and 443 -> 443.
QStringList helmTutorialPorts()
{
    return {"port=status-port:15021:15021", "port=http2:80:80", "port=https:443:443",
            "port=tcp-31400:31400:31400", "port=tcp-31401:31401:31401"};
}

// Everything set at once: every key the generator can write appears.
InstallOptions everything(Format format)
{
    InstallOptions options =
        optionsFrom(QStringList{"injection=default", "tracing=zipkin.istio-system:9411", "sampling=12.5",
                                "include=10.0.0.0/8,fd00::/8", "exclude=10.96.0.0/12", "addon=prometheus"} +
                    (format == Format::Helm ? helmTutorialPorts() : tutorialPorts()));
    options.format = format;
    return options;
}

const InstallSection *section(const InstallConfig &config, const std::string &file)
{
    for (const InstallSection &s : config.sections)
        if (s.file == file)
            return &s;
    return nullptr;
}

// Every key path of `node` (maps walked down; a list or a scalar ends a path).
void keyPaths(const YAML::Node &node, const QString &prefix, QStringList &out)
{
    if (!node.IsMap() || node.size() == 0) {
        out << prefix;
        return;
    }
    for (const auto &entry : node)
        keyPaths(entry.second,
                 prefix.isEmpty() ? QString::fromStdString(entry.first.Scalar())
                                  : prefix + '.' + QString::fromStdString(entry.first.Scalar()),
                 out);
}

// A chart's values: the file's `_internal_defaults_do_not_set` holds the chart's own keys.
YAML::Node chartValues(const char *file)
{
    const YAML::Node root = YAML::LoadFile((installDir() + QLatin1String(file)).toStdString());
    return root["_internal_defaults_do_not_set"];
}

// The node at `path` in `values`, or an undefined node. (reset(), not operator=, which would assign
// into the node it refers to.)
YAML::Node at(const YAML::Node &values, const QString &path)
{
    YAML::Node node = values;
    for (const QString &key : path.split('.')) {
        if (!node.IsMap())
            return YAML::Node(YAML::NodeType::Undefined);
        const YAML::Node &current = node;
        const YAML::Node next = current[key.toStdString()];
        if (!next.IsDefined())
            return next;
        node.reset(next);
    }
    return node;
}

// What is missing from the chart for the values written ("" when every key exists). Below meshConfig the
// keys are MeshConfig's fields (the chart passes them through as they are), so the path stops there.
QStringList missingKeys(const YAML::Node &written, const std::vector<YAML::Node> &charts)
{
    QStringList paths;
    keyPaths(written, {}, paths);
    QStringList missing;
    for (QString path : paths) {
        if (path.isEmpty())
            continue;
        if (path.startsWith(QLatin1String("meshConfig.")))
            path = QStringLiteral("meshConfig");
        bool found = false;
        for (const YAML::Node &chart : charts) {
            const YAML::Node value = at(chart, path);
            if (!value.IsDefined())
                continue;
            found = true;
            // A list of mappings (service.ports): each entry's keys are those of the chart's entries.
            const YAML::Node list = at(written, path);
            if (list.IsSequence() && value.IsSequence() && value.size() > 0 && value[0].IsMap())
                for (const YAML::Node &entry : list)
                    for (const auto &field : entry)
                        if (!value[0][field.first.Scalar()].IsDefined())
                            missing << path + "[]." + QString::fromStdString(field.first.Scalar());
        }
        if (!found)
            missing << path;
    }
    return missing;
}

// The json names of a Go struct's fields in istiooperator-types.go.txt ("" inline fields left out).
QSet<QString> goFields(const QString &structName)
{
    const QString source = QString::fromUtf8(readAll(installDir() + "istiooperator-types.go.txt"));
    const QRegularExpression block(QStringLiteral("type %1 struct \\{(.*?)\\n\\}").arg(structName),
                                   QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = block.match(source);
    QSet<QString> fields;
    if (!match.hasMatch())
        return fields;
    static const QRegularExpression tag(QStringLiteral("json:\"([^,\"]*)"));
    for (auto it = tag.globalMatch(match.captured(1)); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!name.isEmpty())
            fields.insert(name);
    }
    // Embedded structs (ComponentSpec in GatewayComponentSpec) bring their fields.
    static const QRegularExpression embedded(QStringLiteral("\\n\\s*([A-Z][A-Za-z]*)\\s*\\n"));
    for (auto it = embedded.globalMatch(match.captured(1) + '\n'); it.hasNext();)
        fields.unite(goFields(it.next().captured(1)));
    return fields;
}

struct Run
{
    int exitCode = -1;
    QString output;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

Run checkManifests(const QStringList &files)
{
    return run(QStringLiteral("python3"), QStringList{sharedDir() + "/istio/check-manifests"} + files);
}

// The gateway chart's JSON schema on a values file ("" when valid, else the errors).
QString schemaErrors(const QString &valuesFile)
{
    const Run result = run(QStringLiteral("python3"),
                           {QStringLiteral("-c"),
                            QStringLiteral("import json, sys, yaml, jsonschema\n"
                                           "schema = json.load(open(sys.argv[1]))\n"
                                           "values = yaml.safe_load(open(sys.argv[2])) or {}\n"
                                           "cls = jsonschema.validators.validator_for(schema)\n"
                                           "errors = [e.message for e in cls(schema).iter_errors(values)]\n"
                                           "print('\\n'.join(errors))\n"
                                           "sys.exit(1 if errors else 0)\n"),
                            installDir() + "gateway-chart-values.schema.json", valuesFile});
    return result.exitCode == 0
               ? QString()
               : (result.output.isEmpty() ? QStringLiteral("python3 failed") : result.output);
}

QString describe(const std::vector<OptionProblem> &problems)
{
    QStringList out;
    for (const OptionProblem &p : problems)
        out << QString::fromStdString(p.message.id + ": " + render(p.message));
    return out.join('\n');
}

} // namespace

class tst_InstallConfig : public QObject
{
    Q_OBJECT

private slots:
    // ------------------------------------------------------------ each option, from form to YAML
    void optionToYaml_data()
    {
        QTest::addColumn<QStringList>("settings");
        QTest::addColumn<QStringList>("namespaces");
        QTest::addColumn<QString>("golden");
        const QStringList tutorial{"default"};
        QTest::newRow("the defaults: IstioOperator, the document's namespace labelled")
            << QStringList{} << tutorial << "defaults.yaml";
        QTest::newRow("namespace") << QStringList{"namespace=mesh-system"} << tutorial << "namespace.yaml";
        QTest::newRow("release name") << QStringList{"release=tcp-echo-mesh"} << tutorial << "release.yaml";
        QTest::newRow("addons: comments pointing at samples/addons")
            << QStringList{"addon=prometheus", "addon=grafana", "addon=kiali"} << tutorial << "addons.yaml";
        QTest::newRow("injection by labels on two namespaces")
            << QStringList{"injection=labels"} << QStringList{"default", "shop"} << "injection-labels.yaml";
        QTest::newRow("injection by labels, no namespace to label")
            << QStringList{"injection=labels"} << QStringList{} << "injection-labels-none.yaml";
        QTest::newRow("injection by default")
            << QStringList{"injection=default"} << tutorial << "injection-default.yaml";
        QTest::newRow("injection off") << QStringList{"injection=off"} << tutorial << "injection-off.yaml";
        QTest::newRow("tracing with the default sampling")
            << QStringList{"tracing=zipkin.istio-system:9411"} << tutorial << "tracing.yaml";
        QTest::newRow("tracing sampling 12.5 %")
            << QStringList{"tracing=[fd00::9]:9411", "sampling=12.5"} << tutorial << "tracing-sampling.yaml";
        QTest::newRow("ranges to intercept")
            << QStringList{"include=10.0.0.0/8,fd00::/8"} << tutorial << "include-ranges.yaml";
        QTest::newRow("ranges to bypass")
            << QStringList{"exclude=10.96.0.0/12,169.254.169.254/32"} << tutorial << "exclude-ranges.yaml";
        QTest::newRow("ingress ports") << tutorialPorts() << tutorial << "ingress-ports.yaml";
        QTest::newRow("helm: the defaults") << QStringList{"format=helm"} << tutorial << "helm-defaults.yaml";
        QTest::newRow("helm: every option") << QStringList{"format=helm",
                                                           "release=mesh",
                                                           "namespace=mesh-system",
                                                           "injection=default",
                                                           "tracing=zipkin.tracing:9411",
                                                           "sampling=100",
                                                           "include=10.0.0.0/8",
                                                           "exclude=10.0.5.0/24",
                                                           "addon=grafana"} +
                                                   helmTutorialPorts()
                                            << tutorial << "helm-everything.yaml";
    }

    void optionToYaml()
    {
        QFETCH(QStringList, settings);
        QFETCH(QStringList, namespaces);
        QFETCH(QString, golden);
        const InstallOptions options = optionsFrom(settings);
        QVERIFY2(!hasErrors(validate(options)), qPrintable(describe(validate(options))));
        std::vector<std::string> names;
        for (const QString &n : namespaces)
            names.push_back(n.toStdString());
        const std::string text = render(buildInstallConfig(options, names));
        const QString path = QStringLiteral(MESHROUTE_TEST_DATA "/data/") + golden;
        if (qEnvironmentVariableIsSet("MESHROUTE_UPDATE_GOLDEN"))
            QVERIFY(writeAll(path, text));
        QCOMPARE(QString::fromStdString(text), QString::fromUtf8(readAll(path)));
        // The whole stream reads as YAML; its documents are the sections'.
        const std::vector<YAML::Node> documents = YAML::LoadAll(text);
        QVERIFY(!documents.empty());
    }

    // ------------------------------------------------------------ every key written exists where Istio reads
    // it
    void operatorValuesExistInTheCharts()
    {
        const InstallConfig config = buildInstallConfig(everything(Format::Operator), {"default"});
        const InstallSection *op = section(config, "istio-operator.yaml");
        QVERIFY(op);
        const YAML::Node root = YAML::Load(op->yaml);
        const YAML::Node values = root["spec"]["values"];
        QVERIFY(values.IsMap() && values.size() > 0);
        // spec.values is the merge of the charts' values: istiod's and the classic ingress gateway's.
        const QStringList missing = missingKeys(
            values, {chartValues("istio-discovery-values.yaml"), chartValues("istio-ingress-values.yaml")});
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join('\n')));
        // ... and the check can fail: a key the charts do not have is found.
        YAML::Node wrong = YAML::Clone(values);
        wrong["global"]["proxy"]["includeIpRanges"] = "10.0.0.0/8";
        QCOMPARE(missingKeys(wrong, {chartValues("istio-discovery-values.yaml")}),
                 QStringList{"global.proxy.includeIpRanges"});
    }

    void operatorKeysExistInTheTypes()
    {
        const InstallConfig config = buildInstallConfig(everything(Format::Operator), {"default"});
        const YAML::Node root = YAML::Load(section(config, "istio-operator.yaml")->yaml);
        QCOMPARE(root["apiVersion"].as<std::string>(), std::string("install.istio.io/v1alpha1"));
        QCOMPARE(root["kind"].as<std::string>(), std::string("IstioOperator"));
        const QSet<QString> spec = goFields("IstioOperatorSpec");
        QVERIFY(spec.contains("meshConfig") && spec.contains("components") && spec.contains("values"));
        for (const auto &entry : root["spec"])
            QVERIFY2(spec.contains(QString::fromStdString(entry.first.Scalar())),
                     entry.first.Scalar().c_str());
        const QSet<QString> components = goFields("IstioComponentSpec");
        for (const auto &entry : root["spec"]["components"])
            QVERIFY2(components.contains(QString::fromStdString(entry.first.Scalar())),
                     entry.first.Scalar().c_str());
        const QSet<QString> gateway = goFields("GatewayComponentSpec");
        QVERIFY(gateway.contains("name") && gateway.contains("enabled") && gateway.contains("k8s"));
        const YAML::Node ingress = root["spec"]["components"]["ingressGateways"][0];
        QVERIFY(ingress.IsMap());
        for (const auto &entry : ingress)
            QVERIFY2(gateway.contains(QString::fromStdString(entry.first.Scalar())),
                     entry.first.Scalar().c_str());
        const QSet<QString> k8s = goFields("KubernetesResources");
        for (const auto &entry : ingress["k8s"])
            QVERIFY2(k8s.contains(QString::fromStdString(entry.first.Scalar())),
                     entry.first.Scalar().c_str());
        // k8s.service is a core/v1 ServiceSpec: its ports are ServicePorts.
        for (const YAML::Node &port : ingress["k8s"]["service"]["ports"])
            for (const auto &field : port)
                QVERIFY(QStringList({"name", "port", "targetPort", "protocol"})
                            .contains(QString::fromStdString(field.first.Scalar())));
        QVERIFY(!goFields("NoSuchStruct").contains("name")); // the reader finds nothing that is not there
    }

    void helmValuesExistInTheCharts()
    {
        const InstallConfig config = buildInstallConfig(everything(Format::Helm), {"default"});
        const InstallSection *istiod = section(config, "istiod-values.yaml");
        const InstallSection *gateway = section(config, "gateway-values.yaml");
        QVERIFY(istiod && gateway);
        const QStringList missingIstiod =
            missingKeys(YAML::Load(istiod->yaml), {chartValues("istio-discovery-values.yaml")});
        QVERIFY2(missingIstiod.isEmpty(), qPrintable(missingIstiod.join('\n')));
        const YAML::Node gatewayValues = YAML::Load(gateway->yaml);
        QCOMPARE(gatewayValues["service"]["ports"].size(), std::size_t(5));
        const QStringList missingGateway =
            missingKeys(gatewayValues, {chartValues("gateway-chart-values.yaml")});
        QVERIFY2(missingGateway.isEmpty(), qPrintable(missingGateway.join('\n')));
    }

    void gatewayValuesPassTheChartSchema()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const InstallOptions &options : {everything(Format::Helm), optionsFrom({"format=helm"})}) {
            const InstallConfig config = buildInstallConfig(options, {"default"});
            const QString path = dir.filePath("gateway-values.yaml");
            QVERIFY(writeAll(path, section(config, "gateway-values.yaml")->yaml));
            const QString errors = schemaErrors(path);
            QVERIFY2(errors.isEmpty(), qPrintable(errors));
        }
        // The schema is applied: a port number as text is refused.
        const QString bad = dir.filePath("bad.yaml");
        QVERIFY(writeAll(bad, "service:\n  ports:\n  - name: tcp\n    port: \"31400\"\n    protocol: TCP\n"
                              "    targetPort: 31400\n  typo: 1\n"));
        QVERIFY(!schemaErrors(bad).isEmpty());
    }

    void telemetryPassesCheckManifests()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList files;
        for (const InstallOptions &options :
             {everything(Format::Operator), optionsFrom({"tracing=zipkin:9411"})}) {
            const InstallConfig config = buildInstallConfig(options, {"default", "shop"});
            const InstallSection *telemetry = section(config, "telemetry.yaml");
            QVERIFY(telemetry);
            const YAML::Node root = YAML::Load(telemetry->yaml);
            QCOMPARE(root["apiVersion"].as<std::string>(), std::string("telemetry.istio.io/v1"));
            QCOMPARE(root["spec"]["tracing"][0]["randomSamplingPercentage"].as<double>(),
                     options.samplingPercent);
            QCOMPARE(root["spec"]["tracing"][0]["providers"][0]["name"].as<std::string>(),
                     std::string("zipkin"));
            files << dir.filePath(QStringLiteral("telemetry-%1.yaml").arg(files.size()));
            QVERIFY(writeAll(files.back(), telemetry->yaml));
        }
        const Run checked = checkManifests(files); // one run for both: the checker takes seconds to start
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.output));
        QVERIFY2(checked.output.contains("checked 2 documents, 0 failed"), qPrintable(checked.output));
        // The checker does check Telemetry: a misspelt field fails.
        const QString bad = dir.filePath("bad.yaml");
        QVERIFY(writeAll(bad,
                         "apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: t, namespace: "
                         "istio-system}\nspec:\n  tracing:\n  - providers: [{name: zipkin}]\n"
                         "    randomSamplingPercent: 1\n"));
        QCOMPARE(checkManifests({bad}).exitCode, 1);
    }

    void tracingProviderIsTheOneTheTelemetrySelects()
    {
        const InstallConfig config =
            buildInstallConfig(optionsFrom({"tracing=jaeger-collector.tracing:9411"}), {});
        const YAML::Node op = YAML::Load(section(config, "istio-operator.yaml")->yaml);
        const YAML::Node mesh = op["spec"]["meshConfig"];
        QCOMPARE(mesh["enableTracing"].as<bool>(), true);
        QCOMPARE(mesh["extensionProviders"][0]["zipkin"]["service"].as<std::string>(),
                 std::string("jaeger-collector.tracing"));
        QCOMPARE(mesh["extensionProviders"][0]["zipkin"]["port"].as<int>(), 9411);
        const YAML::Node telemetry = YAML::Load(section(config, "telemetry.yaml")->yaml);
        QCOMPARE(telemetry["spec"]["tracing"][0]["providers"][0]["name"].as<std::string>(),
                 mesh["extensionProviders"][0]["name"].as<std::string>());
        // Without an endpoint: no meshConfig, no Telemetry.
        const InstallConfig plain = buildInstallConfig(InstallOptions{}, {});
        QVERIFY(!YAML::Load(section(plain, "istio-operator.yaml")->yaml)["spec"]["meshConfig"]);
        QVERIFY(!section(plain, "telemetry.yaml"));
    }

    void rangesAreWrittenWithoutSpaces()
    {
        const InstallConfig config = buildInstallConfig(
            optionsFrom({"include= 10.0.0.0/8 , fd00::/8", "exclude=169.254.169.254/32 "}), {});
        const YAML::Node proxy =
            YAML::Load(section(config, "istio-operator.yaml")->yaml)["spec"]["values"]["global"]["proxy"];
        QCOMPARE(proxy["includeIPRanges"].as<std::string>(), std::string("10.0.0.0/8,fd00::/8"));
        QCOMPARE(proxy["excludeIPRanges"].as<std::string>(), std::string("169.254.169.254/32"));
        // "*" is written quoted: a plain * would start an alias.
        const InstallConfig all = buildInstallConfig(optionsFrom({"include=*"}), {});
        QVERIFY(section(all, "istio-operator.yaml")->yaml.find("includeIPRanges: \"*\"\n") !=
                std::string::npos);
    }

    void namespacesAreTheDocumentsOutsideIstios()
    {
        ResourceSet set;
        Diagnostics diagnostics;
        loadText(
            set, diagnostics,
            "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 1, name: tcp}]}\n---\n"
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, namespace: shop}\nspec: {}\n---\n"
            "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: "
            "istio-system}\n"
            "spec: {servers: []}\n---\n"
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n---\n"
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n---\n"
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: conf}\n",
            "input.yaml");
        QCOMPARE(documentNamespaces(set, "istio-system"),
                 (std::vector<std::string>{"conf", "default", "shop"}));
        QCOMPARE(documentNamespaces(set, "shop"),
                 (std::vector<std::string>{"conf", "default", "istio-system"}));
    }

    // ------------------------------------------------------------ CIDR ranges
    void cidrs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("v6");
        QTest::addColumn<int>("prefix");
        QTest::newRow("v4 /8") << "10.0.0.0/8" << true << false << 8;
        QTest::newRow("v4 host /32") << "169.254.169.254/32" << true << false << 32;
        QTest::newRow("v4 /0") << "0.0.0.0/0" << true << false << 0;
        QTest::newRow("v4 with spaces around") << "  172.16.0.0/12 " << true << false << 12;
        QTest::newRow("v6 compressed") << "fd00::/8" << true << true << 8;
        QTest::newRow("v6 full") << "2001:0db8:0000:0000:0000:0000:0000:0001/128" << true << true << 128;
        QTest::newRow("v6 all") << "::/0" << true << true << 0;
        QTest::newRow("v6 with v4 tail") << "::ffff:10.0.0.0/104" << true << true << 104;
        QTest::newRow("v4 without prefix") << "10.0.0.1" << false << false << 0;
        QTest::newRow("v4 octet 256") << "10.0.256.0/24" << false << false << 0;
        QTest::newRow("v4 three octets") << "10.0.0/24" << false << false << 0;
        QTest::newRow("v4 five octets") << "10.0.0.0.0/24" << false << false << 0;
        QTest::newRow("v4 leading zero") << "10.01.0.0/16" << false << false << 0;
        QTest::newRow("v4 prefix 33") << "10.0.0.0/33" << false << false << 0;
        QTest::newRow("v4 empty prefix") << "10.0.0.0/" << false << false << 0;
        QTest::newRow("v4 negative prefix") << "10.0.0.0/-1" << false << false << 0;
        QTest::newRow("v6 two ::") << "fd00::1::/64" << false << true << 0;
        QTest::newRow("v6 group of five digits") << "fd000::/8" << false << true << 0;
        QTest::newRow("v6 not hex") << "fg00::/8" << false << true << 0;
        QTest::newRow("v6 nine groups") << "1:2:3:4:5:6:7:8:9/64" << false << true << 0;
        QTest::newRow("v6 seven groups, no ::") << "1:2:3:4:5:6:7/64" << false << true << 0;
        QTest::newRow("v6 prefix 129") << "fd00::/129" << false << true << 0;
        QTest::newRow("v6 zone") << "fe80::1%eth0/64" << false << true << 0;
        QTest::newRow("a name") << "example.com/8" << false << false << 0;
        QTest::newRow("empty") << "" << false << false << 0;
    }

    void cidrs()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(bool, v6);
        QFETCH(int, prefix);
        Cidr cidr;
        QCOMPARE(parseCidr(text.toStdString(), cidr), valid);
        if (valid) {
            QCOMPARE(cidr.v6, v6);
            QCOMPARE(cidr.prefix, prefix);
        }
    }

    void cidrBytes()
    {
        Cidr cidr;
        QVERIFY(parseCidr("::ffff:10.1.2.3/128", cidr));
        const unsigned char expected[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3};
        QVERIFY(std::equal(std::begin(expected), std::end(expected), cidr.address));
        QVERIFY(parseCidr("2001:db8::1/128", cidr));
        QCOMPARE(int(cidr.address[0]), 0x20);
        QCOMPARE(int(cidr.address[1]), 0x01);
        QCOMPARE(int(cidr.address[3]), 0xb8);
        QCOMPARE(int(cidr.address[15]), 1);
    }

    void overlap_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("shared");
        QTest::newRow("the same range") << "10.0.0.0/8"
                                        << "10.0.0.0/8" << true;
        QTest::newRow("one inside the other") << "10.0.0.0/8"
                                              << "10.96.0.0/12" << true;
        QTest::newRow("the other inside the one") << "10.96.0.0/12"
                                                  << "10.0.0.0/8" << true;
        QTest::newRow("an address inside") << "192.168.0.0/16"
                                           << "192.168.3.4/32" << true;
        QTest::newRow("neighbours") << "10.0.0.0/9"
                                    << "10.128.0.0/9" << false;
        QTest::newRow("apart") << "10.0.0.0/8"
                               << "172.16.0.0/12" << false;
        QTest::newRow("everything v4") << "0.0.0.0/0"
                                       << "8.8.8.8/32" << true;
        QTest::newRow("v6 inside") << "fd00::/8"
                                   << "fd12:3456::/32" << true;
        QTest::newRow("v6 apart") << "fd00::/8"
                                  << "fe80::/10" << false;
        QTest::newRow("v4 and v6 never") << "0.0.0.0/0"
                                         << "::/0" << false;
    }

    void overlap()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, shared);
        Cidr x;
        Cidr y;
        QVERIFY(parseCidr(a.toStdString(), x));
        QVERIFY(parseCidr(b.toStdString(), y));
        QCOMPARE(overlaps(x, y), shared);
        QCOMPARE(overlaps(y, x), shared);
    }

    // ------------------------------------------------------------ validation: data, naming the bad entry
    void problems_data()
    {
        QTest::addColumn<QStringList>("settings");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<Field>("field");
        QTest::addColumn<bool>("isError");
        QTest::newRow("bad v4 entry named")
            << QStringList{"include=10.0.0.0/8,10.0.300.0/24"} << "install-range-invalid"
            << QStringList{"fragment-include-ranges", "10.0.300.0/24"} << Field::IncludeRanges << true;
        QTest::newRow("bad v6 entry named in the bypass list")
            << QStringList{"exclude=fd00::/8, fd00:::1/64"} << "install-range-invalid"
            << QStringList{"fragment-exclude-ranges", "fd00:::1/64"} << Field::ExcludeRanges << true;
        QTest::newRow("an address without a prefix")
            << QStringList{"exclude=10.0.0.1"} << "install-range-invalid"
            << QStringList{"fragment-exclude-ranges", "10.0.0.1"} << Field::ExcludeRanges << true;
        QTest::newRow("v4 prefix too long")
            << QStringList{"include=10.0.0.0/40"} << "install-range-prefix-too-long"
            << QStringList{"fragment-include-ranges", "10.0.0.0/40", "40", "32", "IPv4"}
            << Field::IncludeRanges << true;
        QTest::newRow("v6 prefix too long")
            << QStringList{"exclude=fd00::/200"} << "install-range-prefix-too-long"
            << QStringList{"fragment-exclude-ranges", "fd00::/200", "200", "128", "IPv6"}
            << Field::ExcludeRanges << true;
        QTest::newRow("an empty entry")
            << QStringList{"include=10.0.0.0/8,,fd00::/8"} << "install-range-empty-entry"
            << QStringList{"fragment-include-ranges"} << Field::IncludeRanges << true;
        QTest::newRow("* with others")
            << QStringList{"include=*,10.0.0.0/8"} << "install-range-star-not-alone"
            << QStringList{"fragment-include-ranges"} << Field::IncludeRanges << true;
        QTest::newRow("* to bypass is not a range")
            << QStringList{"exclude=*"} << "install-range-invalid"
            << QStringList{"fragment-exclude-ranges", "*"} << Field::ExcludeRanges << true;
        QTest::newRow("the same range in both: bypass wins")
            << QStringList{"include=10.0.0.0/8", "exclude=10.0.0.0/8"} << "install-ranges-overlap"
            << QStringList{"10.0.0.0/8", "10.0.0.0/8"} << Field::ExcludeRanges << false;
        QTest::newRow("overlapping v4 ranges")
            << QStringList{"include=172.16.0.0/12,10.0.0.0/8", "exclude=10.96.0.0/12"}
            << "install-ranges-overlap" << QStringList{"10.0.0.0/8", "10.96.0.0/12"} << Field::ExcludeRanges
            << false;
        QTest::newRow("overlapping v6 ranges")
            << QStringList{"include=fd00::/8", "exclude=fd00:1::/32"} << "install-ranges-overlap"
            << QStringList{"fd00::/8", "fd00:1::/32"} << Field::ExcludeRanges << false;
        QTest::newRow("bad namespace") << QStringList{"namespace=Istio_System"} << "install-namespace-invalid"
                                       << QStringList{"Istio_System"} << Field::Namespace << true;
        QTest::newRow("bad release") << QStringList{"release=1stio"} << "install-release-invalid"
                                     << QStringList{"1stio"} << Field::Release << true;
        QTest::newRow("unknown addon") << QStringList{"addon=jaeger"} << "install-addon-unknown"
                                       << QStringList{"jaeger"} << Field::Addons << true;
        QTest::newRow("endpoint without port")
            << QStringList{"tracing=zipkin"} << "install-tracing-endpoint-invalid" << QStringList{"zipkin"}
            << Field::TracingEndpoint << true;
        QTest::newRow("endpoint with a URL")
            << QStringList{"tracing=http://zipkin:9411"} << "install-tracing-endpoint-invalid"
            << QStringList{"http://zipkin:9411"} << Field::TracingEndpoint << true;
        QTest::newRow("endpoint port 0") << QStringList{"tracing=zipkin:0"} << "install-tracing-port-invalid"
                                         << QStringList{"zipkin:0", "0"} << Field::TracingEndpoint << true;
        QTest::newRow("endpoint port 65536")
            << QStringList{"tracing=[fd00::1]:65536"} << "install-tracing-port-invalid"
            << QStringList{"[fd00::1]:65536", "65536"} << Field::TracingEndpoint << true;
        QTest::newRow("sampling over 100") << QStringList{"sampling=100.5"} << "install-sampling-out-of-range"
                                           << QStringList{"100.5"} << Field::Sampling << true;
        QTest::newRow("sampling below 0") << QStringList{"sampling=-1"} << "install-sampling-out-of-range"
                                          << QStringList{"-1"} << Field::Sampling << true;
        QTest::newRow("ingress port 0") << QStringList{"port=tcp-0:0:31400"} << "install-port-number-invalid"
                                        << QStringList{"tcp-0", "port", "0"} << Field::IngressPorts << true;
        QTest::newRow("ingress port named in capitals")
            << QStringList{"port=TCP:31400:31400"} << "install-port-name-invalid"
            << QStringList{"31400", "TCP"} << Field::IngressPorts << true;
        QTest::newRow("ingress port twice")
            << QStringList{"port=tcp-a:31400:31400", "port=tcp-b:31400:31400"} << "install-port-duplicate"
            << QStringList{"31400"} << Field::IngressPorts << true;
        QTest::newRow("ingress port name twice")
            << QStringList{"port=tcp:31400:31400", "port=tcp:31401:31401"} << "install-port-name-duplicate"
            << QStringList{"tcp", "31400", "31401"} << Field::IngressPorts << true;
    }

    void problems()
    {
        QFETCH(QStringList, settings);
        QFETCH(QString, id);
        QFETCH(QStringList, args);
        QFETCH(Field, field);
        QFETCH(bool, isError);
        const std::vector<OptionProblem> found = validate(optionsFrom(settings));
        QCOMPARE(found.size(), std::size_t(1));
        const OptionProblem &p = found.front();
        QCOMPARE(QString::fromStdString(p.message.id), id);
        QStringList written;
        for (const MessageArg &arg : p.message.args)
            written << QString::fromStdString(arg.text);
        QCOMPARE(written, args);
        QCOMPARE(p.field, field);
        QCOMPARE(p.severity == Severity::Error, isError);
        QCOMPARE(hasErrors(found), isError);
        // A known id, its arguments filling its template.
        const char *pattern = messageTemplate(p.message.id);
        QVERIFY(pattern);
        QCOMPARE(placeholderCount(pattern), static_cast<int>(p.message.args.size()));
    }

    void goodOptionsHaveNoProblem_data()
    {
        QTest::addColumn<QStringList>("settings");
        QTest::newRow("defaults") << QStringList{};
        QTest::newRow("* to intercept, ranges to bypass: no overlap warning")
            << QStringList{"include=*", "exclude=10.0.0.0/8"};
        QTest::newRow("v4 and v6 apart")
            << QStringList{"include=10.0.0.0/8,fd00::/8", "exclude=fe80::/10,192.168.0.0/16"};
        QTest::newRow("sampling 0 and an IPv4 endpoint")
            << QStringList{"sampling=0", "tracing=10.0.0.5:9411"};
        QTest::newRow("sampling 100") << QStringList{"sampling=100", "tracing=zipkin:9411"};
        QTest::newRow("every addon") << QStringList{"addon=prometheus", "addon=grafana", "addon=kiali"};
        QTest::newRow("the tutorial's ports") << tutorialPorts();
    }

    void goodOptionsHaveNoProblem()
    {
        QFETCH(QStringList, settings);
        const std::vector<OptionProblem> found = validate(optionsFrom(settings));
        QVERIFY2(found.empty(), qPrintable(describe(found)));
    }

    void messagesReadAsEnglish()
    {
        const std::vector<OptionProblem> found = validate(optionsFrom({"include=10.0.0.0/8,10.0.0.0/33"}));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(
            render(found.front().message),
            std::string("outbound IP ranges to intercept: \"10.0.0.0/33\" has prefix length 33, more than 32 "
                        "for an IPv4 address"));
    }
};

QTEST_GUILESS_MAIN(tst_InstallConfig)
#include "tst_installconfig.moc"
