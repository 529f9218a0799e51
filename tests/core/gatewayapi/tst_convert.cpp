// Conversion between the classic API and the Gateway API (core/gatewayapi/convert): the bundled
// tutorial to the Gateway API (golden file) and back (golden file); weights carried exactly (an
// omitted weight is the whole share, never 0); sniHosts ↔ TLSRoute hostnames; subsets ↔ per-version
// Services; every lossy case's diagnostic at the field not carried; every output passes
// ../shared/istio/check-manifests for the chosen target. (That both route the same on the local
// gateway is tests/proxy/tst_convertproof.)

#include "gatewayapi/convert.h"
#include "yaml/loader.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace meshroute;
using namespace meshroute::gatewayapi;

namespace {

const QString kData = QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/core/gatewayapi/data/convert/");

ResourceSet load(const std::string &text)
{
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, text, "input.yaml");
    return set;
}

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

// Every output is checked by ../shared/istio/check-manifests for its target, in one run per target
// at the end (the checker takes seconds to start): each queued document set is a file named after
// the test and row that wrote it.
std::map<QStringList, std::vector<std::pair<QString, std::string>>> &pendingChecks()
{
    static std::map<QStringList, std::vector<std::pair<QString, std::string>>> pending;
    return pending;
}

void queueCheck(const std::string &yaml, const QStringList &target = {})
{
    QString label = QString::fromLatin1(QTest::currentTestFunction());
    if (QTest::currentDataTag())
        label += QLatin1Char('-') + QString::fromLatin1(QTest::currentDataTag());
    pendingChecks()[target].emplace_back(label, yaml);
}

const Resource *findResource(const ResourceSet &set, Kind kind, const std::string &name)
{
    for (const Resource &r : set.resources)
        if (r.kind == kind && r.name == name)
            return &r;
    return nullptr;
}

// "name:weight,..." of a route's first rule ("-" for an omitted weight).
QString backends(const Resource &route)
{
    QStringList out;
    for (const RouteBackendRef &b : route.as<L4RouteSpec>()->rules.front().backendRefs)
        out << QString::fromStdString(b.name + ":" + (b.weight ? std::to_string(*b.weight) : "-"));
    return out.join(',');
}

// "host/subset:weight,..." of every tcp rule of every VirtualService, in order.
QString destinations(const ResourceSet &set)
{
    QStringList out;
    for (const Resource &r : set.resources)
        if (const VirtualServiceSpec *vs = r.as<VirtualServiceSpec>(); vs && r.kind == Kind::VirtualService)
            for (const TcpRoute &rule : vs->tcp)
                for (const RouteDestination &d : rule.route)
                    out << QString::fromStdString(d.destination.host + "/" + d.destination.subset + ":" +
                                                  (d.weight ? std::to_string(*d.weight) : "-"));
    return out.join(',');
}

// The tutorial's Service and subsets, one TCP Gateway on 31400, and `vs` (a VirtualService's spec
// tail, indented as under `spec:`).
std::string classic(const std::string &tcpRoute, const std::string &extra = {})
{
    return R"(apiVersion: v1
kind: Service
metadata:
  name: tcp-echo
spec:
  selector:
    app: tcp-echo
  ports:
    - name: tcp
      port: 3333
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: tcp-echo
spec:
  host: tcp-echo
  subsets:
    - name: v1
      labels:
        version: v1
    - name: v2
      labels:
        version: v2
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 31400
        name: tcp
        protocol: TCP
      hosts:
        - "*"
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: echo
spec:
  hosts:
    - "*"
  gateways:
    - gw
  tcp:
    - route:
)" + tcpRoute +
           extra;
}

int lineOf(const std::string &text, const std::string &needle)
{
    const std::size_t at = text.find(needle);
    if (at == std::string::npos)
        return -1;
    return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) +
           1;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out << QString::fromStdString(d.format());
    return out.join('\n');
}

} // namespace

class tst_Convert : public QObject
{
    Q_OBJECT

private slots:
    void cleanupTestCase();
    void tutorialToGatewayApi();
    void tutorialBackToIstio();
    void routeVersions_data();
    void routeVersions();
    void weights_data();
    void weights();
    void sniHostsAndHostnames();
    void perVersionServicesFoldIntoSubsets();
    void lossy_data();
    void lossy();
};

void tst_Convert::cleanupTestCase()
{
    QVERIFY(!pendingChecks().empty());
    for (const auto &[target, outputs] : pendingChecks()) {
        QTemporaryDir dir;
        QStringList files;
        int n = 0;
        for (const auto &[label, yaml] : outputs) {
            QString name = label;
            name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
            const QString path =
                dir.filePath(QString::number(n++) + QLatin1Char('-') + name + QStringLiteral(".yaml"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(yaml.data(), static_cast<qint64>(yaml.size()));
            files << path;
        }
        QProcess p;
        p.start(QStringLiteral("python3"),
                QStringList{QStringLiteral(MESHROUTE_SHARED_DIR "/istio/check-manifests")} + target + files);
        QVERIFY(p.waitForFinished(60000));
        const QString said = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(said));
    }
}

void tst_Convert::tutorialToGatewayApi()
{
    const LoadResult loaded = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo"});
    QVERIFY(!hasErrors(loaded.diagnostics));
    const Conversion converted = toGatewayApi(loaded.set);
    QVERIFY2(converted.diagnostics.empty(), qPrintable(describe(converted.diagnostics)));
    const std::string yaml = converted.yaml();
    QCOMPARE(yaml, readFile(kData + "tcp-echo.gateway-api.yaml"));
    QCOMPARE(toGatewayApi(loaded.set).yaml(), yaml); // deterministic
    queueCheck(yaml);

    const ResourceSet out = load(yaml);
    QCOMPARE(out.ofKind(Kind::KubeGateway).size(), std::size_t(2));
    QVERIFY(out.ofKind(Kind::Gateway).empty());
    QVERIFY(out.ofKind(Kind::VirtualService).empty());
    QVERIFY(out.ofKind(Kind::DestinationRule).empty()); // its subsets became Services
    const Resource *v1 = findResource(out, Kind::Service, "tcp-echo-v1");
    QVERIFY(v1);
    QCOMPARE(v1->as<ServiceSpec>()->selector, (Labels{{"app", "tcp-echo"}, {"version", "v1"}}));
    QCOMPARE(v1->as<ServiceSpec>()->ports.size(), std::size_t(1));
    QCOMPARE(v1->as<ServiceSpec>()->ports.front().port, 3333u);
    const Resource *route = findResource(out, Kind::TCPRoute, "tcp-echo-31401");
    QVERIFY(route);
    QCOMPARE(route->apiVersion, std::string("gateway.networking.k8s.io/v1alpha2"));
    QCOMPARE(route->as<L4RouteSpec>()->parentRefs.front().name, std::string("tcp-echo-gateway-v2"));
    QCOMPARE(route->as<L4RouteSpec>()->parentRefs.front().sectionName, std::string("tcp"));
    QCOMPARE(backends(*route), QStringLiteral("tcp-echo-v2:-"));
}

void tst_Convert::tutorialBackToIstio()
{
    const ResourceSet gatewayApi = load(readFile(kData + "tcp-echo.gateway-api.yaml"));
    const Conversion converted = toIstio(gatewayApi);
    // Only what conversion says about the per-version Services it folded into subsets (one each).
    QCOMPARE(converted.diagnostics.size(), std::size_t(2));
    for (const Diagnostic &d : converted.diagnostics)
        QVERIFY2(d.severity == Severity::Info && d.code == codes::ConvertCarriedDifferently,
                 qPrintable(describe(converted.diagnostics)));
    const std::string yaml = converted.yaml();
    QCOMPARE(yaml, readFile(kData + "tcp-echo.istio.yaml"));
    queueCheck(yaml);
    const ResourceSet back = load(yaml);
    QVERIFY(back.ofKind(Kind::KubeGateway).empty());
    QVERIFY(back.ofKind(Kind::TCPRoute).empty());
    // The per-version Services are subsets of tcp-echo again.
    const Resource *dr = findResource(back, Kind::DestinationRule, "tcp-echo");
    QVERIFY(dr);
    QCOMPARE(dr->as<DestinationRuleSpec>()->subsets.size(), std::size_t(2));
    QCOMPARE(dr->as<DestinationRuleSpec>()->subsets[1].labels, (Labels{{"version", "v2"}}));
    QCOMPARE(destinations(back), QStringLiteral("tcp-echo/v1:-,tcp-echo/v2:-"));
    const Resource *gw = findResource(back, Kind::Gateway, "tcp-echo-gateway-v2");
    QVERIFY(gw);
    QCOMPARE(gw->as<GatewaySpec>()->selector, (Labels{{"istio", "ingressgateway"}}));
    QCOMPARE(gw->as<GatewaySpec>()->servers.front().port.number, 31401u);
}

void tst_Convert::routeVersions_data()
{
    QTest::addColumn<int>("versions");
    QTest::addColumn<QString>("tcpRouteVersion");
    QTest::addColumn<QStringList>("target");
    QTest::newRow("Istio 1.30, v1.5.1 experimental")
        << int(RouteApiVersions::Istio130) << "gateway.networking.k8s.io/v1alpha2"
        << QStringList{"--gateway-api", "v1.5.1", "--channel", "experimental"};
    QTest::newRow("v1.6.0 standard") << int(RouteApiVersions::Standard16) << "gateway.networking.k8s.io/v1"
                                     << QStringList{"--gateway-api", "v1.6.0", "--channel", "standard"};
}

void tst_Convert::routeVersions()
{
    QFETCH(int, versions);
    QFETCH(QString, tcpRouteVersion);
    QFETCH(QStringList, target);
    const LoadResult loaded = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo"});
    ConvertOptions options;
    options.versions = RouteApiVersions(versions);
    const std::string yaml = toGatewayApi(loaded.set, options).yaml();
    const ResourceSet out = load(yaml);
    for (const Resource *r : out.ofKind(Kind::TCPRoute))
        QCOMPARE(QString::fromStdString(r->apiVersion), tcpRouteVersion);
    queueCheck(yaml, target);
}

void tst_Convert::weights_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("gatewayApi"); // the TCPRoute's backendRefs
    QTest::addColumn<QString>("back");       // the VirtualService's destinations after converting back
    const char *v1 = "        - destination:\n            host: tcp-echo\n            subset: v1\n";
    const char *v2 = "        - destination:\n            host: tcp-echo\n            subset: v2\n";
    QTest::newRow("omitted: the whole share") << QString(v1) << "tcp-echo-v1:-"
                                              << "tcp-echo/v1:-";
    QTest::newRow("100") << QString(v1) + "          weight: 100\n"
                         << "tcp-echo-v1:100"
                         << "tcp-echo/v1:-";
    QTest::newRow("80/20") << QString(v1) + "          weight: 80\n" + v2 + "          weight: 20\n"
                           << "tcp-echo-v1:80,tcp-echo-v2:20"
                           << "tcp-echo/v1:80,tcp-echo/v2:20";
    QTest::newRow("100/0") << QString(v1) + "          weight: 100\n" + v2 + "          weight: 0\n"
                           << "tcp-echo-v1:100,tcp-echo-v2:0"
                           << "tcp-echo/v1:100,tcp-echo/v2:0"; // the zero is written back (Istio accepts it)
    QTest::newRow("omitted beside another is 0")
        << QString(v1) + "          weight: 100\n" + v2 << "tcp-echo-v1:100,tcp-echo-v2:0"
        << "tcp-echo/v1:100,tcp-echo/v2:0";
}

void tst_Convert::weights()
{
    QFETCH(QString, route);
    QFETCH(QString, gatewayApi);
    QFETCH(QString, back);
    const Conversion converted = toGatewayApi(load(classic(route.toStdString())));
    QVERIFY2(converted.diagnostics.empty(), qPrintable(describe(converted.diagnostics)));
    queueCheck(converted.yaml());
    const ResourceSet out = load(converted.yaml());
    const Resource *tcpRoute = findResource(out, Kind::TCPRoute, "echo");
    QVERIFY(tcpRoute);
    QCOMPARE(backends(*tcpRoute), gatewayApi);

    const Conversion again = toIstio(out);
    queueCheck(again.yaml());
    QCOMPARE(destinations(load(again.yaml())), back);
}

void tst_Convert::sniHostsAndHostnames()
{
    const std::string input = R"(apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  selector:
    run: my-nginx
  ports:
    - name: https
      port: 443
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: mygateway
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 443
        name: https
        protocol: HTTPS
      tls:
        mode: PASSTHROUGH
      hosts:
        - nginx.example.com
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: nginx
spec:
  hosts:
    - nginx.example.com
  gateways:
    - mygateway
  tls:
    - match:
        - port: 443
          sniHosts:
            - nginx.example.com
      route:
        - destination:
            host: nginx
            port:
              number: 443
)";
    const Conversion converted = toGatewayApi(load(input));
    QVERIFY2(converted.diagnostics.empty(), qPrintable(describe(converted.diagnostics)));
    queueCheck(converted.yaml());
    const ResourceSet out = load(converted.yaml());
    const Resource *gw = findResource(out, Kind::KubeGateway, "mygateway");
    QVERIFY(gw);
    const GatewayListener &l = gw->as<KubeGatewaySpec>()->listeners.front();
    QCOMPARE(l.protocol, std::string("TLS"));
    QCOMPARE(l.tlsMode, std::string("Passthrough"));
    QCOMPARE(l.hostname, std::string("nginx.example.com"));
    QCOMPARE(l.port, 443u);
    const Resource *route = findResource(out, Kind::TLSRoute, "nginx");
    QVERIFY(route);
    QCOMPARE(route->apiVersion, std::string("gateway.networking.k8s.io/v1"));
    QCOMPARE(route->as<L4RouteSpec>()->hostnames, std::vector<std::string>{"nginx.example.com"});
    QCOMPARE(backends(*route), QStringLiteral("nginx:-"));

    const Conversion back = toIstio(out);
    QVERIFY2(back.diagnostics.empty(), qPrintable(describe(back.diagnostics)));
    queueCheck(back.yaml());
    const ResourceSet classicBack = load(back.yaml());
    const Resource *vs = findResource(classicBack, Kind::VirtualService, "nginx");
    QVERIFY(vs);
    const TlsRoute &rule = vs->as<VirtualServiceSpec>()->tls.front();
    QCOMPARE(rule.match.front().sniHosts, std::vector<std::string>{"nginx.example.com"});
    QCOMPARE(rule.match.front().port, std::optional<std::uint32_t>(443));
    const Resource *backGw = findResource(classicBack, Kind::Gateway, "mygateway");
    QVERIFY(backGw);
    QCOMPARE(backGw->as<GatewaySpec>()->servers.front().tls->mode, std::string("PASSTHROUGH"));
}

void tst_Convert::perVersionServicesFoldIntoSubsets()
{
    // Without a Service the per-version ones extend, they stay hosts; with it, they become subsets.
    const std::string routes = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: istio
  listeners:
    - name: tcp
      port: 31400
      protocol: TCP
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: echo
spec:
  parentRefs:
    - name: gw
  rules:
    - backendRefs:
        - name: echo-v1
          port: 3333
          weight: 80
        - name: echo-blue
          port: 3333
          weight: 20
---
apiVersion: v1
kind: Service
metadata:
  name: echo-v1
spec:
  selector:
    app: echo
    version: v1
  ports:
    - port: 3333
---
apiVersion: v1
kind: Service
metadata:
  name: echo-blue
spec:
  selector:
    app: echo
    version: blue
    track: stable
  ports:
    - port: 3333
)";
    const std::string base = R"(---
apiVersion: v1
kind: Service
metadata:
  name: echo
spec:
  selector:
    app: echo
  ports:
    - port: 3333
)";
    const ResourceSet hostsOnly = load(toIstio(load(routes)).yaml());
    QCOMPARE(destinations(hostsOnly), QStringLiteral("echo-v1/:80,echo-blue/:20"));
    QVERIFY(hostsOnly.ofKind(Kind::DestinationRule).empty());

    const Conversion folded = toIstio(load(routes + base));
    queueCheck(folded.yaml());
    const ResourceSet out = load(folded.yaml());
    QCOMPARE(destinations(out), QStringLiteral("echo/v1:80,echo/echo-blue:20"));
    const Resource *dr = findResource(out, Kind::DestinationRule, "echo");
    QVERIFY(dr);
    QCOMPARE(dr->as<DestinationRuleSpec>()->subsets[0].name, std::string("echo-blue"));
    QCOMPARE(dr->as<DestinationRuleSpec>()->subsets[0].labels,
             (Labels{{"track", "stable"}, {"version", "blue"}}));
    QCOMPARE(dr->as<DestinationRuleSpec>()->subsets[1].name, std::string("v1"));
}

void tst_Convert::lossy_data()
{
    QTest::addColumn<bool>("toGateway");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageId");
    QTest::addColumn<QString>("at"); // the text whose line the diagnostic is at
    const std::string v1 = "        - destination:\n            host: tcp-echo\n            subset: v1\n";
    auto replace = [](std::string text, const std::string &from, const std::string &to) {
        text.replace(text.find(from), from.size(), to);
        return QString::fromStdString(text);
    };
    QTest::newRow("sourceLabels") << true
                                  << replace(classic(v1), "    - route:\n",
                                             "    - match:\n        - port: 31400\n          sourceLabels:\n"
                                             "            app: client\n      route:\n")
                                  << "MR0040"
                                  << "convert-not-carried"
                                  << "- port: 31400";
    QTest::newRow("destinationSubnets")
        << true
        << replace(classic(v1), "    - route:\n",
                   "    - match:\n        - destinationSubnets:\n            - 10.0.0.0/8\n      route:\n")
        << "MR0040"
        << "convert-not-carried"
        << "- destinationSubnets";
    QTest::newRow("DestinationRule trafficPolicy")
        << true
        << replace(
               classic(v1), "  host: tcp-echo\n  subsets:",
               "  host: tcp-echo\n  trafficPolicy:\n    loadBalancer:\n      simple: ROUND_ROBIN\n  subsets:")
        << "MR0040"
        << "convert-not-carried"
        << "loadBalancer:";
    QTest::newRow("subset trafficPolicy")
        << true
        << replace(
               classic(v1), "        version: v1\n",
               "        version: v1\n      trafficPolicy:\n        loadBalancer:\n          simple: RANDOM\n")
        << "MR0040"
        << "convert-not-carried"
        << "        loadBalancer:\n          simple: RANDOM";
    QTest::newRow("TLS Terminate credential")
        << true
        << replace(
               classic(v1), "        protocol: TCP\n",
               "        protocol: TLS\n      tls:\n        mode: SIMPLE\n        credentialName: echo-cert\n")
        << "MR0042"
        << "convert-carried-differently"
        << "mode: SIMPLE";
    QTest::newRow("TLS MUTUAL") << true
                                << replace(classic(v1), "        protocol: TCP\n",
                                           "        protocol: TLS\n      tls:\n        mode: MUTUAL\n"
                                           "        credentialName: echo-cert\n")
                                << "MR0041"
                                << "convert-not-converted"
                                << "mode: MUTUAL";
    QTest::newRow("HTTP server") << true
                                 << replace(classic(v1), "        protocol: TCP\n",
                                            "        protocol: TCP\n      hosts:\n        - \"*\"\n"
                                            "    - port:\n        number: 80\n        name: http\n"
                                            "        protocol: HTTP\n")
                                 << "MR0041"
                                 << "convert-not-converted"
                                 << "    - port:\n        number: 80";
    QTest::newRow("ServiceEntry destination")
        << true
        << replace(
               classic(
                   "        - destination:\n            host: db.example.com\n            port:\n"
                   "              number: 5432\n",
                   "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: db\n"
                   "spec:\n  hosts:\n    - db.example.com\n  ports:\n    - number: 5432\n      name: tcp\n"
                   "      protocol: TCP\n  resolution: DNS\n"),
               "", "")
        << "MR0042"
        << "convert-carried-differently"
        << "host: db.example.com";
    QTest::newRow("second rule of a v1alpha2 TCPRoute")
        << false << QString(R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: istio
  listeners:
    - name: tcp
      port: 31400
      protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: echo
spec:
  selector:
    app: echo
  ports:
    - port: 3333
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: echo
spec:
  parentRefs:
    - name: gw
  rules:
    - backendRefs:
        - name: echo
          port: 3333
    - backendRefs:
        - name: echo
          port: 4444
)") << "MR0040"
        << "convert-not-carried"
        << "    - backendRefs:\n        - name: echo\n          port: 4444";
}

void tst_Convert::lossy()
{
    QFETCH(bool, toGateway);
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, messageId);
    QFETCH(QString, at);
    const std::string text = input.toStdString();
    const ResourceSet set = load(text);
    const Conversion converted = toGateway ? toGatewayApi(set) : toIstio(set);
    const int line = lineOf(text, at.toStdString());
    QVERIFY(line > 0);
    const bool found =
        std::any_of(converted.diagnostics.begin(), converted.diagnostics.end(), [&](const Diagnostic &d) {
            return d.code == code.toStdString() && d.messageId == messageId.toStdString() &&
                   d.position.line == line && d.file == "input.yaml";
        });
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1 %2 at line %3, got:\n%4")
                                   .arg(code, messageId)
                                   .arg(line)
                                   .arg(describe(converted.diagnostics))));
    // What is carried still applies.
    queueCheck(converted.yaml());
}

QTEST_GUILESS_MAIN(tst_Convert)
#include "tst_convert.moc"
