// The target cluster's ingress gateway: each choice's Service ports (Istio's own files), the
// ports a document needs, the full list after the fix, and the three patch forms (golden files,
// the gateway chart's JSON schema, IstioOperator's Go types).

#include "install/ingressgateway.h"
#include "yaml/loader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace meshroute;
using namespace meshroute::install;

namespace {

const QString kShared = QStringLiteral(MESHROUTE_SHARED_DIR);
const QString kData = QStringLiteral(MESHROUTE_TEST_DATA "/data");

ResourceSet loadDemo()
{
    LoadResult loaded = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo"});
    return std::move(loaded.set);
}

ResourceSet loadString(const std::string &text)
{
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, text, "input.yaml");
    return set;
}

// "name port->targetPort/protocol, ..."
QString describe(const std::vector<ServicePortSpec> &ports)
{
    QStringList out;
    for (const ServicePortSpec &p : ports)
        out << QStringLiteral("%1 %2->%3/%4")
                   .arg(QString::fromStdString(p.name))
                   .arg(p.port)
                   .arg(p.targetPort)
                   .arg(QString::fromStdString(p.protocol));
    return out.join(QStringLiteral(", "));
}

QString numbers(const std::vector<NeededPort> &ports)
{
    QStringList out;
    for (const NeededPort &p : ports)
        out << QString::number(p.number);
    return out.join(' ');
}

// Runs checkpatch.py on `text`; returns its complaint, empty when the file passes.
QString checkPatch(const QString &kind, const std::string &text, const QString &reference)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("patch.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1").arg(path);
    file.write(text.data(), static_cast<qint64>(text.size()));
    file.close();
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral(MESHROUTE_TEST_DATA "/checkpatch.py"), kind, path, reference});
    if (!python.waitForFinished(30000))
        return QStringLiteral("checkpatch.py did not finish");
    const QString out = QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError());
    return python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0
               ? QString()
               : (out.isEmpty() ? QStringLiteral("checkpatch.py failed") : out);
}

const char *const kIngressService = R"(apiVersion: v1
kind: Service
metadata: {name: istio-ingressgateway, namespace: istio-system}
spec:
  type: LoadBalancer
  selector: {app: istio-ingressgateway, istio: ingressgateway}
  ports:
  - {name: status-port, port: 15021, targetPort: 15021, protocol: TCP, nodePort: 30021}
  - {name: http2, port: 80, targetPort: 8080, protocol: TCP, nodePort: 30080}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - {port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}
  - {port: {number: 31400, name: tcp, protocol: TCP}, hosts: ["*"]}
  - {port: {number: 8443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: PASSTHROUGH}}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: elsewhere, namespace: default}
spec:
  selector: {app: other-gateway}
  servers:
  - {port: {number: 9999, name: tcp, protocol: TCP}, hosts: ["*"]}
)";

} // namespace

class IngressGatewayTest : public QObject
{
    Q_OBJECT

private slots:
    void choiceNamesRoundTrip()
    {
        for (IngressChoice choice : ingressChoices())
            QCOMPARE(ingressChoiceNamed(ingressChoiceName(choice)), std::optional<IngressChoice>(choice));
        QVERIFY(!ingressChoiceNamed("Default"));
        QVERIFY(!ingressChoiceNamed(""));
        for (PatchForm form : patchForms())
            QCOMPARE(patchFormNamed(patchFormName(form)), std::optional<PatchForm>(form));
        QVERIFY(!patchFormNamed("kustomize"));
    }

    // The ports each choice's Service exposes, from Istio's files (../shared/istio/install/).
    void profilePorts_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("ports");
        QTest::newRow("analyze: default-ingress-resources.yaml")
            << "analyze"
            << "http2 80->80/TCP, https 443->443/TCP, tcp 31400->31400/TCP, tls 15443->15443/TCP";
        QTest::newRow("default profile: istio-ingress-values.yaml")
            << "default"
            << "status-port 15021->15021/TCP, http2 80->8080/TCP, https 443->8443/TCP";
        QTest::newRow("demo profile: istio-ingress-profile-demo.yaml")
            << "demo"
            << "status-port 15021->15021/TCP, http2 80->8080/TCP, https 443->8443/TCP, tcp 31400->31400/TCP, "
               "tls 15443->15443/TCP";
        QTest::newRow("helm: gateway-chart-values.yaml")
            << "helm"
            << "status-port 15021->15021/TCP, http2 80->80/TCP, https 443->443/TCP";
        QTest::newRow("files: none of its own") << "files"
                                                << "";
    }
    void profilePorts()
    {
        QFETCH(QString, choice);
        QFETCH(QString, ports);
        QCOMPARE(describe(install::profilePorts(*ingressChoiceNamed(choice.toStdString()))), ports);
    }

    void exposedByPortOrTargetPort_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<uint>("serverPort");
        QTest::addColumn<bool>("exposed");
        QTest::newRow("default: the Service port 80") << "default" << 80u << true;
        QTest::newRow("default: its targetPort 8080") << "default" << 8080u << true;
        QTest::newRow("default: 31400 is not there") << "default" << 31400u << false;
        QTest::newRow("demo: 31400") << "demo" << 31400u << true;
        QTest::newRow("demo: 31401") << "demo" << 31401u << false;
        QTest::newRow("analyze: 15021 is not in its Service") << "analyze" << 15021u << false;
        QTest::newRow("helm: 8080 is not a port nor a targetPort") << "helm" << 8080u << false;
    }
    void exposedByPortOrTargetPort()
    {
        QFETCH(QString, choice);
        QFETCH(uint, serverPort);
        QFETCH(bool, exposed);
        QCOMPARE(exposes(install::profilePorts(*ingressChoiceNamed(choice.toStdString())), serverPort),
                 exposed);
    }

    void onlyTcpPortsExpose()
    {
        ServicePortSpec udp;
        udp.name = "dns";
        udp.port = 53;
        udp.protocol = "UDP";
        QVERIFY(!exposes({udp}, 53));
        udp.protocol = "tcp";
        QVERIFY(exposes({udp}, 53));
    }

    void portNames_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("name");
        QTest::newRow("TCP") << "TCP"
                             << "tcp-31401";
        QTest::newRow("TLS") << "TLS"
                             << "tls-31401";
        QTest::newRow("HTTP") << "HTTP"
                              << "http-31401";
        QTest::newRow("HTTPS") << "HTTPS"
                               << "https-31401";
        QTest::newRow("HTTP2") << "HTTP2"
                               << "http2-31401";
        QTest::newRow("GRPC-WEB") << "GRPC-WEB"
                                  << "grpc-web-31401";
        QTest::newRow("unset: tcp") << ""
                                    << "tcp-31401";
        QTest::newRow("UDP is no gateway protocol: tcp") << "UDP"
                                                         << "tcp-31401";
    }
    void portNames()
    {
        QFETCH(QString, protocol);
        QFETCH(QString, name);
        QCOMPARE(QString::fromStdString(portNameFor(protocol.toStdString(), 31401)), name);
    }

    // The bundled demo needs 31400 and 31401; which are missing depends on the choice.
    void demoNeeds_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("missing");
        QTest::addColumn<QString>("after");
        const QString demoPorts = "status-port 15021->15021/TCP, http2 80->8080/TCP, https 443->8443/TCP, "
                                  "tcp 31400->31400/TCP, tls 15443->15443/TCP";
        QTest::newRow("analyze: the demo profile's ports stand for its Service")
            << "analyze"
            << "31401" << demoPorts + ", tcp-31401 31401->31401/TCP";
        QTest::newRow("default") << "default"
                                 << "31400 31401"
                                 << "status-port 15021->15021/TCP, http2 80->8080/TCP, https 443->8443/TCP, "
                                    "tcp-31400 31400->31400/TCP, tcp-31401 31401->31401/TCP";
        QTest::newRow("demo") << "demo"
                              << "31401" << demoPorts + ", tcp-31401 31401->31401/TCP";
        QTest::newRow("helm") << "helm"
                              << "31400 31401"
                              << "status-port 15021->15021/TCP, http2 80->80/TCP, https 443->443/TCP, "
                                 "tcp-31400 31400->31400/TCP, tcp-31401 31401->31401/TCP";
    }
    void demoNeeds()
    {
        QFETCH(QString, choice);
        QFETCH(QString, missing);
        QFETCH(QString, after);
        const ResourceSet set = loadDemo();
        const IngressGateway ingress = resolveIngress(set, *ingressChoiceNamed(choice.toStdString()));
        QCOMPARE(numbers(neededIngressPorts(set, ingress)), QString("31400 31401"));
        QCOMPARE(numbers(missingIngressPorts(set, ingress)), missing);
        const std::vector<ServicePortSpec> ports = ingressServicePorts(set, ingress);
        QCOMPARE(describe(ports), after);
        for (const NeededPort &needed : neededIngressPorts(set, ingress))
            QVERIFY(exposes(ports, needed.number));
    }

    // A Service in the files selecting the gateway workload is the cluster's, whatever the choice.
    void serviceInTheFilesIsChosen()
    {
        const ResourceSet set = loadString(kIngressService);
        const IngressGateway ingress = resolveIngress(set, IngressChoice::Demo);
        QCOMPARE(ingress.choice, IngressChoice::Files);
        QCOMPARE(ingress.name, std::string("istio-ingressgateway"));
        QCOMPARE(ingress.ns, std::string("istio-system"));
        QVERIFY(ingress.service != nullptr);
        QCOMPARE(numbers(neededIngressPorts(set, ingress)), QString("80 8443 31400")); // not 9999
        QCOMPARE(numbers(missingIngressPorts(set, ingress)), QString("8443 31400"));
        QCOMPARE(describe(ingressServicePorts(set, ingress)),
                 QString("status-port 15021->15021/TCP, http2 80->8080/TCP, tls-8443 8443->8443/TCP, "
                         "tcp-31400 31400->31400/TCP"));
        // Files without such a Service: what istioctl analyze assumes.
        const IngressGateway none = resolveIngress(loadDemo(), IngressChoice::Files);
        QCOMPARE(none.choice, IngressChoice::Analyze);
    }

    // One golden file per form (tests/core/install/data/); MESHROUTE_UPDATE_GOLDEN=1 rewrites them.
    void goldenPatches_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QString>("input"); // "demo" or "service"
        QTest::addColumn<QString>("golden");
        for (PatchForm form : patchForms()) {
            const QString name = QString::fromLatin1(patchFormName(form).data(), patchFormName(form).size());
            QTest::newRow(qPrintable("demo, " + name)) << name << "demo"
                                                       << "tcp-echo." + name + ".yaml";
            QTest::newRow(qPrintable("Service in the files, " + name))
                << name << "service"
                << "service-in-files." + name + ".yaml";
        }
    }
    void goldenPatches()
    {
        QFETCH(QString, form);
        QFETCH(QString, input);
        QFETCH(QString, golden);
        const ResourceSet set = input == "demo" ? loadDemo() : loadString(kIngressService);
        const IngressGateway ingress = resolveIngress(set, IngressChoice::Analyze);
        const std::string text =
            ingressPatch(*patchFormNamed(form.toStdString()), ingress, ingressServicePorts(set, ingress));
        QFile file(kData + '/' + golden);
        if (qEnvironmentVariableIntValue("MESHROUTE_UPDATE_GOLDEN")) {
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text.data(), static_cast<qint64>(text.size()));
            return;
        }
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QCOMPARE(QString::fromStdString(text), QString::fromUtf8(file.readAll()));
    }

    // The Helm values pass the gateway chart's values.schema.json, for every choice.
    void helmValuesPassTheChartSchema_data()
    {
        QTest::addColumn<QString>("choice");
        for (IngressChoice choice : ingressChoices())
            QTest::newRow(ingressChoiceName(choice).data())
                << QString::fromLatin1(ingressChoiceName(choice).data());
    }
    void helmValuesPassTheChartSchema()
    {
        QFETCH(QString, choice);
        const ResourceSet set = loadDemo();
        const IngressGateway ingress = resolveIngress(set, *ingressChoiceNamed(choice.toStdString()));
        const std::string values = ingressPatch(PatchForm::Helm, ingress, ingressServicePorts(set, ingress));
        const QString schema = kShared + "/istio/install/gateway-chart-values.schema.json";
        const QString problem = checkPatch("helm", values, schema);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The check can fail: a port number written as a string is refused.
        const QString bad = checkPatch("helm", "service:\n  ports:\n  - {name: tcp, port: '1'}\n", schema);
        QVERIFY(!bad.isEmpty());
    }

    // Every key of the IstioOperator overlay exists in IstioOperator's Go types.
    void operatorKeysExist()
    {
        const ResourceSet set = loadString(kIngressService);
        const IngressGateway ingress = resolveIngress(set, IngressChoice::Analyze);
        const std::string overlay =
            ingressPatch(PatchForm::Operator, ingress, ingressServicePorts(set, ingress));
        const QString types = kShared + "/istio/install/istiooperator-types.go.txt";
        const QString problem = checkPatch("operator", overlay, types);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The check can fail: a key IstioOperator does not have.
        const QString bad = checkPatch("operator",
                                       "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n"
                                       "  components:\n    ingressGateways:\n    - name: x\n      k8s:\n"
                                       "        serviceports: []\n",
                                       types);
        QVERIFY2(bad.contains("serviceports"), qPrintable(bad));
    }

    // The Service patch keeps the nodePorts the files know, so a merge patch does not move them.
    void servicePatchKeepsKnownNodePorts()
    {
        const ResourceSet set = loadString(kIngressService);
        const IngressGateway ingress = resolveIngress(set, IngressChoice::Analyze);
        const std::string patch =
            ingressPatch(PatchForm::Service, ingress, ingressServicePorts(set, ingress));
        const YAML::Node node = YAML::Load(patch);
        QCOMPARE(node["spec"]["ports"].size(), std::size_t(4));
        QCOMPARE(node["spec"]["ports"][1]["nodePort"].as<int>(), 30080);
        QVERIFY(!node["spec"]["ports"][2]["nodePort"]);
        QVERIFY(QString::fromStdString(patch).contains(
            "kubectl patch svc istio-ingressgateway -n istio-system --type merge --patch-file FILE"));
    }
};

QTEST_GUILESS_MAIN(IngressGatewayTest)
#include "tst_ingressgateway.moc"
