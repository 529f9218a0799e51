// Export for kubectl: server-managed fields stripped, Lists flattened, the Istio
// apiVersion converted on request, deterministic bytes, and every exported Istio
// document accepted by Istio's CRD schemas (../shared/istio/check-manifests).

#include "yaml/loader.h"
#include "yaml/writer.h"
#include "yamltest.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

using namespace meshroute;
using namespace yamltest;

namespace {

std::vector<YAML::Node> documentsOf(const std::string &stream)
{
    return YAML::LoadAll(stream);
}

// A configuration built in code that uses every modelled field, so that nodes made
// by the studio (not read from text) export as valid YAML too.
ResourceSet generatedConfiguration(int gateways)
{
    ResourceSet set;
    for (int i = 0; i < gateways; ++i) {
        const std::string suffix = std::to_string(i);
        YAML::Node gw;
        gw["apiVersion"] = "networking.istio.io/v1";
        gw["kind"] = "Gateway";
        gw["metadata"]["name"] = "gw-" + suffix;
        gw["metadata"]["namespace"] = "istio-system";
        gw["spec"]["selector"]["istio"] = "ingressgateway";
        YAML::Node tcp;
        tcp["port"]["number"] = 31400 + i;
        tcp["port"]["name"] = "tcp-" + suffix;
        tcp["port"]["protocol"] = "TCP";
        tcp["port"]["targetPort"] = 9000 + i;
        tcp["hosts"].push_back("*");
        tcp["bind"] = "127.0.0.1";
        tcp["name"] = "server-" + suffix;
        tcp["defaultEndpoint"] = "127.0.0.1:9000";
        gw["spec"]["servers"].push_back(tcp);
        YAML::Node tls;
        tls["port"]["number"] = 443;
        tls["port"]["name"] = "tls";
        tls["port"]["protocol"] = "TLS";
        tls["hosts"].push_back("*/echo.example.com");
        tls["tls"]["mode"] = "SIMPLE";
        tls["tls"]["credentialName"] = "cert";
        tls["tls"]["minProtocolVersion"] = "TLSV1_2";
        tls["tls"]["maxProtocolVersion"] = "TLSV1_3";
        tls["tls"]["subjectAltNames"].push_back("echo.example.com");
        tls["tls"]["httpsRedirect"] = false;
        gw["spec"]["servers"].push_back(tls);
        set.add(gw);

        YAML::Node vs;
        vs["apiVersion"] = "networking.istio.io/v1";
        vs["kind"] = "VirtualService";
        vs["metadata"]["name"] = "vs-" + suffix;
        vs["spec"]["hosts"].push_back("*");
        vs["spec"]["gateways"].push_back("istio-system/gw-" + suffix);
        vs["spec"]["exportTo"].push_back(".");
        YAML::Node tcpMatch;
        tcpMatch["port"] = 31400 + i;
        tcpMatch["gateways"].push_back("istio-system/gw-" + suffix);
        tcpMatch["destinationSubnets"].push_back("10.0.0.0/8");
        tcpMatch["sourceSubnet"] = "192.168.0.0/16";
        tcpMatch["sourceLabels"]["app"] = "client";
        tcpMatch["sourceNamespace"] = "default";
        YAML::Node tcpRoute;
        tcpRoute["match"].push_back(tcpMatch);
        for (const char *subset : {"v1", "v2"}) {
            YAML::Node destination;
            destination["destination"]["host"] = "tcp-echo";
            destination["destination"]["subset"] = subset;
            destination["destination"]["port"]["number"] = 3333;
            destination["weight"] = 50;
            tcpRoute["route"].push_back(destination);
        }
        vs["spec"]["tcp"].push_back(tcpRoute);
        YAML::Node tlsMatch;
        tlsMatch["port"] = 443;
        tlsMatch["sniHosts"].push_back("echo.example.com");
        tlsMatch["destinationSubnets"].push_back("10.1.0.0/16");
        tlsMatch["sourceLabels"]["app"] = "client";
        tlsMatch["gateways"].push_back("istio-system/gw-" + suffix);
        tlsMatch["sourceNamespace"] = "default";
        YAML::Node tlsRoute;
        tlsRoute["match"].push_back(tlsMatch);
        tlsRoute["route"].push_back(tcpRoute["route"][0]);
        vs["spec"]["tls"].push_back(tlsRoute);
        set.add(vs);

        YAML::Node dr;
        dr["apiVersion"] = "networking.istio.io/v1";
        dr["kind"] = "DestinationRule";
        dr["metadata"]["name"] = "dr-" + suffix;
        dr["spec"]["host"] = "tcp-echo";
        dr["spec"]["exportTo"].push_back("*");
        YAML::Node policy;
        policy["loadBalancer"]["consistentHash"]["useSourceIp"] = true;
        YAML::Node pool;
        pool["maxConnections"] = 100;
        pool["connectTimeout"] = "30ms";
        pool["tcpKeepalive"]["probes"] = 3;
        pool["tcpKeepalive"]["time"] = "7200s";
        pool["tcpKeepalive"]["interval"] = "75s";
        pool["maxConnectionDuration"] = "1h";
        pool["idleTimeout"] = "0s";
        policy["connectionPool"]["tcp"] = pool;
        YAML::Node outlier;
        outlier["splitExternalLocalOriginErrors"] = true;
        outlier["consecutiveLocalOriginFailures"] = 5;
        outlier["consecutiveGatewayErrors"] = 3;
        outlier["consecutive5xxErrors"] = 7;
        outlier["interval"] = "5m";
        outlier["baseEjectionTime"] = "15m";
        outlier["maxEjectionPercent"] = 50;
        outlier["minHealthPercent"] = 10;
        policy["outlierDetection"] = outlier;
        YAML::Node portLevel;
        portLevel["port"]["number"] = 3333;
        portLevel["loadBalancer"]["simple"] = "LEAST_CONN";
        portLevel["connectionPool"]["tcp"]["maxConnections"] = 10;
        portLevel["outlierDetection"]["consecutive5xxErrors"] = 2;
        policy["portLevelSettings"].push_back(portLevel);
        dr["spec"]["trafficPolicy"] = policy;
        for (const char *name : {"v1", "v2"}) {
            YAML::Node subset;
            subset["name"] = name;
            subset["labels"]["version"] = name;
            subset["trafficPolicy"]["loadBalancer"]["simple"] = "ROUND_ROBIN";
            subset["trafficPolicy"]["connectionPool"]["tcp"]["idleTimeout"] = "30m";
            dr["spec"]["subsets"].push_back(subset);
        }
        set.add(dr);

        YAML::Node se;
        se["apiVersion"] = "networking.istio.io/v1";
        se["kind"] = "ServiceEntry";
        se["metadata"]["name"] = "se-" + suffix;
        se["spec"]["hosts"].push_back("echo-" + suffix + ".local");
        se["spec"]["addresses"].push_back("240.0.0." + std::to_string(i + 1));
        YAML::Node sePort;
        sePort["number"] = 9000;
        sePort["name"] = "tcp-echo";
        sePort["protocol"] = "TCP";
        sePort["targetPort"] = 9000;
        se["spec"]["ports"].push_back(sePort);
        se["spec"]["location"] = "MESH_INTERNAL";
        se["spec"]["resolution"] = "STATIC";
        YAML::Node endpoint;
        endpoint["address"] = "127.0.0.1";
        endpoint["ports"]["tcp-echo"] = 9000;
        endpoint["labels"]["version"] = "v1";
        endpoint["network"] = "local";
        endpoint["locality"] = "us-east/zone1";
        endpoint["weight"] = 1;
        endpoint["serviceAccount"] = "echo";
        se["spec"]["endpoints"].push_back(endpoint);
        se["spec"]["exportTo"].push_back("*");
        se["spec"]["subjectAltNames"].push_back("spiffe://cluster.local/ns/default/sa/echo");
        set.add(se);

        YAML::Node selected = YAML::Clone(se);
        selected["metadata"]["name"] = "se-selected-" + suffix;
        selected["spec"].remove("endpoints");
        selected["spec"]["workloadSelector"]["labels"]["app"] = "echo";
        set.add(selected);

        YAML::Node we;
        we["apiVersion"] = "networking.istio.io/v1";
        we["kind"] = "WorkloadEntry";
        we["metadata"]["name"] = "we-" + suffix;
        we["spec"] = YAML::Clone(endpoint);
        set.add(we);
    }
    return set;
}

struct CheckResult
{
    int exitCode = -1;
    QString output;
};

CheckResult checkManifests(const QStringList &files)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start("python3",
                  QStringList{QString::fromStdString(sharedDir() + "/istio/check-manifests")} + files);
    CheckResult result;
    if (!process.waitForFinished(90000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

CheckResult checkManifests(const std::string &stream)
{
    QTemporaryDir dir;
    const QString path = dir.filePath("export.yaml");
    writeBytes(path.toStdString(), stream);
    return checkManifests(QStringList{path});
}

} // namespace

class tst_Export : public QObject
{
    Q_OBJECT

private slots:
    void stripsServerFieldsAndFlattensLists()
    {
        const LoadResult loaded = loadPaths({dataPath("list.yaml")});
        const std::string stream = exportForKubectl(loaded.set);
        const std::vector<YAML::Node> documents = documentsOf(stream);
        QCOMPARE(documents.size(), std::size_t(2));
        for (const YAML::Node &doc : documents) {
            QVERIFY(doc["kind"].as<std::string>() != "List");
            QVERIFY(!doc["status"]);
            for (const char *field :
                 {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"})
                QVERIFY2(!doc["metadata"][field], field);
            QVERIFY(doc["metadata"]["name"]);
            QCOMPARE(doc["metadata"]["namespace"].as<std::string>(), std::string("default"));
        }
        // The Gateway's only annotation was last-applied: the map goes. The VirtualService keeps its own.
        QVERIFY(!documents[0]["metadata"]["annotations"]);
        QVERIFY(!documents[1]["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"]);
        QCOMPARE(documents[1]["metadata"]["annotations"]["team"].as<std::string>(), std::string("routing"));
        // The loaded set itself is untouched.
        QVERIFY(loaded.set.resources[0].node["status"]);
        QVERIFY(loaded.set.resources[0].node["metadata"]["uid"]);
        // An annotations map that was empty to begin with is the user's: kept.
        const Loaded empty =
            loadString("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  annotations: {}\n");
        QVERIFY(documentsOf(exportForKubectl(empty.set))[0]["metadata"]["annotations"]);
    }

    void exactExportForm()
    {
        const Loaded loaded =
            loadString("apiVersion: networking.istio.io/v1beta1\nkind: Gateway\nmetadata:\n  name: g\n"
                       "  uid: x\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: "
                       "\"{}\"\n    keep: \"yes\"\nspec:\n  servers: []\nstatus: {}\n"
                       "---\napiVersion: v1\nkind: Namespace\nmetadata: {uid: only, name: n}\n");
        ExportOptions options;
        options.istioApiVersion = "v1";
        QCOMPARE(
            exportForKubectl(loaded.set, options),
            std::string(
                "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: g\n  annotations:\n"
                "    keep: \"yes\"\nspec:\n  servers: []\n---\napiVersion: v1\nkind: Namespace\n"
                "metadata:\n  name: n\n"));
        // What the block writer leaves to yaml-cpp (a collection as a key) is stripped the same way.
        const Loaded complex =
            loadString("apiVersion: networking.istio.io/v1alpha3\nkind: Gateway\nmetadata:\n  name: g\n"
                       "  resourceVersion: \"1\"\nspec:\n  ? [a, b]\n  : 1\nstatus: {}\n");
        const YAML::Node exported = YAML::Load(exportForKubectl(complex.set, options));
        QCOMPARE(exported["apiVersion"].as<std::string>(), std::string("networking.istio.io/v1"));
        QVERIFY(!exported["status"]);
        QVERIFY(!exported["metadata"]["resourceVersion"]);
        QCOMPARE(exported["spec"].size(), std::size_t(1));
        QVERIFY(complex.set.resources[0].node["status"]); // the source is untouched
    }

    void deterministic()
    {
        const LoadResult demo = loadPaths({demoPath()});
        const std::string first = exportForKubectl(demo.set);
        const std::string second = exportForKubectl(loadPaths({demoPath()}).set);
        QCOMPARE(first, second);
        // Export of an export is the same stream.
        const Loaded again = loadString(first, "export.yaml");
        QVERIFY2(!hasErrors(again.diagnostics), describe(again.diagnostics).c_str());
        QCOMPARE(exportForKubectl(again.set), first);
        QCOMPARE(documentsOf(first).size(), std::size_t(7));
        QVERIFY(first.starts_with("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tcp-echo-v1\n"));
        QVERIFY(
            first.find("\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tcp-echo-v2\n") !=
            std::string::npos);
        // Strings stay strings: the env value "3333" is quoted.
        QVERIFY(first.find("value: \"3333\"") != std::string::npos);
        // One resource alone.
        QCOMPARE(exportResource(demo.set.resources[0]), first.substr(0, first.find("---\n")));
    }

    void istioApiVersionConversion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("v1") << "v1";
        QTest::newRow("v1beta1") << "v1beta1";
        QTest::newRow("v1alpha3") << "v1alpha3";
    }

    void istioApiVersionConversion()
    {
        QFETCH(QString, version);
        const Loaded loaded = loadString(
            "apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata: {name: dr}\nspec: "
            "{host: a}\n"
            "---\napiVersion: networking.istio.io/v1beta1\nkind: Sidecar\nmetadata: {name: sc}\nspec: {}\n"
            "---\napiVersion: v1\nkind: Service\nmetadata: {name: svc}\nspec: {ports: [{port: 1}]}\n"
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: dep}\nspec: {}\n"
            "---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: k8s-gw}\nspec: "
            "{}\n");
        ExportOptions options;
        options.istioApiVersion = version.toStdString();
        const std::vector<YAML::Node> documents = documentsOf(exportForKubectl(loaded.set, options));
        QCOMPARE(documents.size(), std::size_t(5));
        QCOMPARE(documents[0]["apiVersion"].as<std::string>(),
                 "networking.istio.io/" + version.toStdString());
        QCOMPARE(documents[1]["apiVersion"].as<std::string>(), std::string("networking.istio.io/v1beta1"));
        QCOMPARE(documents[2]["apiVersion"].as<std::string>(), std::string("v1"));
        QCOMPARE(documents[3]["apiVersion"].as<std::string>(), std::string("apps/v1"));
        QCOMPARE(documents[4]["apiVersion"].as<std::string>(), std::string("gateway.networking.k8s.io/v1"));
        // apiVersion stays the first key.
        QCOMPARE(documents[0].begin()->first.as<std::string>(), std::string("apiVersion"));
    }

    void opaqueKindsCanBeLeftOut()
    {
        const LoadResult loaded = loadPaths({dataPath("comments.yaml")});
        ExportOptions options;
        options.includeOpaque = false;
        const std::vector<YAML::Node> documents = documentsOf(exportForKubectl(loaded.set, options));
        QCOMPARE(documents.size(), std::size_t(3));
        for (const YAML::Node &doc : documents)
            QVERIFY(doc["kind"].as<std::string>() != "ConfigMap");
        QCOMPARE(documentsOf(exportForKubectl(loaded.set)).size(), std::size_t(4));
    }

    void exportPassesIstioSchemas()
    {
        // Every source exported as written and with each Istio apiVersion, checked in one run
        // of the checker (it loads the CRD schemas once).
        QStringList sources = {QString::fromStdString(demoPath()),
                               QString::fromStdString(dataPath("every-field.yaml")),
                               QString::fromStdString(dataPath("list.yaml")), "generated"};
        const QDir samples(QString::fromStdString(sharedDir() + "/istio/samples"));
        for (const QString &name : samples.entryList({"*.yaml"}, QDir::Files, QDir::Name))
            sources << samples.filePath(name);
        QVERIFY(sources.size() > 8);

        QTemporaryDir dir;
        QStringList files;
        std::size_t total = 0;
        for (const QString &source : sources) {
            ResourceSet set;
            if (source == "generated") {
                set = generatedConfiguration(3);
            } else {
                LoadResult loaded = loadPaths({source.toStdString()});
                QVERIFY2(!hasErrors(loaded.diagnostics), describe(loaded.diagnostics).c_str());
                set = std::move(loaded.set);
            }
            QVERIFY(!set.resources.empty());
            for (const char *version : {"", "v1", "v1beta1", "v1alpha3"}) {
                ExportOptions options;
                if (*version)
                    options.istioApiVersion = version;
                const std::string stream = exportForKubectl(set, options);
                const std::vector<YAML::Node> documents = documentsOf(stream);
                QCOMPARE(documents.size(), set.resources.size());
                for (const YAML::Node &doc : documents)
                    if (*version && isIstioKind(kindFromName(doc["kind"].as<std::string>())))
                        QCOMPARE(doc["apiVersion"].as<std::string>(),
                                 std::string("networking.istio.io/") + version);
                const QString file = dir.filePath(QFileInfo(source).fileName() + "-" +
                                                  (*version ? version : "as-written") + ".yaml");
                QVERIFY(writeBytes(file.toStdString(), stream));
                files << file;
                total += documents.size();
            }
        }
        const CheckResult check = checkManifests(files);
        QVERIFY2(check.exitCode == 0, qPrintable(check.output));
        QVERIFY2(check.output.contains(QString("checked %1 documents, 0 failed").arg(total)),
                 qPrintable(check.output));
    }

    void theSchemaCheckRejectsWhatIstioRejects()
    {
        // The checker is strict: an unknown field or a wrong type fails, so the test above can fail.
        const Loaded bad =
            loadString("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\n"
                       "spec:\n  hosts: ['*']\n  tcp:\n  - route:\n    - destination: {host: a}\n"
                       "      weigth: 100\n");
        const CheckResult unknownField = checkManifests(exportForKubectl(bad.set));
        QCOMPARE(unknownField.exitCode, 1);
        // A port that was a quoted string in the source stays a string, and Istio rejects it.
        const Loaded quoted =
            loadString("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\n"
                       "spec:\n  servers:\n  - port: {number: \"31400\", name: tcp, protocol: TCP}\n"
                       "    hosts: ['*']\n");
        QCOMPARE(checkManifests(exportForKubectl(quoted.set)).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(tst_Export)
#include "tst_export.moc"
