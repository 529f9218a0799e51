// Conversion between the classic API and the Gateway API (core/gatewayapi/convert): the bundled
// tutorial to the Gateway API (golden file) and back (golden file); weights carried exactly (an
// omitted weight is the whole share, never 0); sniHosts ↔ TLSRoute hostnames; subsets ↔ per-version
// Services; every lossy case's diagnostic at the field not carried; classic → Gateway API → classic
// routes as the original does (compared on what compile() derives), except where a diagnostic said
// it would not; every output passes ../shared/istio/check-manifests for the chosen target. (That
// both route the same on the local gateway is tests/proxy/tst_convertproof.)

#include "compile/compile.h"
#include "gatewayapi/convert.h"
#include "model/names.h"
#include "yaml/loader.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

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

// The tutorial's Deployments tcp-echo-v1 and tcp-echo-v2 (one pod each), as a document to append.
std::string tutorialPods()
{
    return "---\n" + readFile(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo/deployment.yaml");
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

// `text` with its first `from` replaced by `to`.
QString replaced(std::string text, const std::string &from, const std::string &to)
{
    text.replace(text.find(from), from.size(), to);
    return QString::fromStdString(text);
}

// The labels a destination selects pods by: its Service's selector with its subset's labels (the
// DestinationRule found by exact host: no input here writes a wildcard one).
Labels selectorOf(const ResourceSet &set, const Cluster &c)
{
    Labels labels;
    if (const Resource *service = set.find(Kind::Service, c.serviceNamespace, c.serviceName))
        labels = service->as<ServiceSpec>()->selector;
    for (const Resource *r : set.ofKind(Kind::DestinationRule)) {
        const DestinationRuleSpec *dr = r->as<DestinationRuleSpec>();
        if (c.subset.empty() || qualifyHost(dr->host, r->effectiveNamespace(set.defaultNamespace)) != c.host)
            continue;
        for (const Subset &s : dr->subsets)
            if (s.name == c.subset)
                labels.insert(s.labels.begin(), s.labels.end());
    }
    return labels;
}

// What the local gateway runs for `set` (core's compile), one line per listener port and, on a
// PASSTHROUGH port, per SNI name, sorted: the share of the connections each selection of pods gets
// (the destination's Service port, selector with its subset's labels, pods and load balancer; not its
// host or subset name, which a per-version Service says differently). Shares of 0 are left out (a
// destination that gets nothing routes nothing), as Istio leaves out a Gateway API weight of 0.
QStringList routing(const ResourceSet &set)
{
    const CompileResult compiled = compile(set);
    const RouteTable &table = *compiled.table;
    const auto route = [&](std::optional<std::size_t> index) {
        if (!index)
            return QStringLiteral("closed");
        std::uint64_t total = 0;
        for (const WeightedCluster &w : table.routes[*index].destinations)
            total += w.weight;
        if (total == 0)
            return QStringLiteral("refused");
        std::map<QString, std::uint64_t> shares; // selection -> weight
        for (const WeightedCluster &w : table.routes[*index].destinations) {
            const Cluster &c = table.clusters[w.cluster];
            QString selection;
            if (!c.noRoute.empty()) {
                selection = QStringLiteral("no route (%1)").arg(QString::fromStdString(c.noRoute));
            } else {
                QStringList labels, pods;
                for (const auto &[k, v] : selectorOf(set, c))
                    labels << QString::fromStdString(k + "=" + v);
                for (const Endpoint &e : c.endpoints)
                    pods << QString::fromStdString(e.name + ":" + std::to_string(e.port));
                pods.sort();
                selection = QStringLiteral("port %1 {%2} [%3] %4")
                                .arg(c.port)
                                .arg(labels.join(','), pods.join(','),
                                     QString::fromLatin1(loadBalancerName(c.policy.loadBalancer)));
            }
            shares[selection] += w.weight;
        }
        QStringList out;
        for (const auto &[selection, weight] : shares)
            if (weight > 0)
                out << QStringLiteral("%1% %2").arg(
                    QString::number(100.0 * double(weight) / double(total), 'g', 4), selection);
        return out.join(QStringLiteral(" + "));
    };
    QStringList out;
    for (const Listener &l : table.listeners) {
        // Istio writes `tls: {}` for PASSTHROUGH, its proto default.
        const std::string mode = l.tlsMode.empty() ? (l.protocol == "TLS" ? "PASSTHROUGH" : "") : l.tlsMode;
        const QString port =
            QString::number(l.port) + (mode.empty() ? "" : " tls " + QString::fromStdString(mode));
        if (l.route)
            out << port + QStringLiteral(" -> ") + route(l.route);
        std::set<std::string> names;
        for (const SniRoute &s : l.sniRoutes)
            names.insert(s.sniHosts.begin(), s.sniHosts.end());
        for (const std::string &name : names)
            out << port + QStringLiteral(" sni ") + QString::fromStdString(name) + QStringLiteral(" -> ") +
                       route(findSniRoute(l, name == "*" ? "" : name));
        if (!l.route && l.sniRoutes.empty())
            out << port + QStringLiteral(" -> nothing");
    }
    out.sort();
    return out;
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
    void roundTripRoutesTheSame_data();
    void roundTripRoutesTheSame();
    void roundTripDiffersOnlyWhereSaid_data();
    void roundTripDiffersOnlyWhereSaid();
    void terminatingListenerGoesBackWithItsCredentials();
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
    QTest::newRow("a single 0: still the whole share") << QString(v1) + "          weight: 0\n"
                                                       << "tcp-echo-v1:-"
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
    QTest::newRow("sourceLabels") << true
                                  << replaced(classic(v1), "    - route:\n",
                                              "    - match:\n        - port: 31400\n          sourceLabels:\n"
                                              "            app: client\n      route:\n")
                                  << "MR0040"
                                  << "convert-not-carried"
                                  << "- port: 31400";
    QTest::newRow("destinationSubnets")
        << true
        << replaced(classic(v1), "    - route:\n",
                    "    - match:\n        - destinationSubnets:\n            - 10.0.0.0/8\n      route:\n")
        << "MR0040"
        << "convert-not-carried"
        << "- destinationSubnets";
    QTest::newRow("DestinationRule trafficPolicy")
        << true
        << replaced(
               classic(v1), "  host: tcp-echo\n  subsets:",
               "  host: tcp-echo\n  trafficPolicy:\n    loadBalancer:\n      simple: ROUND_ROBIN\n  subsets:")
        << "MR0040"
        << "convert-not-carried"
        << "loadBalancer:";
    QTest::newRow("subset trafficPolicy")
        << true
        << replaced(
               classic(v1), "        version: v1\n",
               "        version: v1\n      trafficPolicy:\n        loadBalancer:\n          simple: RANDOM\n")
        << "MR0040"
        << "convert-not-carried"
        << "        loadBalancer:\n          simple: RANDOM";
    QTest::newRow("TLS Terminate credential")
        << true
        << replaced(
               classic(v1), "        protocol: TCP\n",
               "        protocol: TLS\n      tls:\n        mode: SIMPLE\n        credentialName: echo-cert\n")
        << "MR0042"
        << "convert-carried-differently"
        << "mode: SIMPLE";
    QTest::newRow("TLS MUTUAL") << true
                                << replaced(classic(v1), "        protocol: TCP\n",
                                            "        protocol: TLS\n      tls:\n        mode: MUTUAL\n"
                                            "        credentialName: echo-cert\n")
                                << "MR0041"
                                << "convert-not-converted"
                                << "mode: MUTUAL";
    QTest::newRow("HTTP server") << true
                                 << replaced(classic(v1), "        protocol: TCP\n",
                                             "        protocol: TCP\n      hosts:\n        - \"*\"\n"
                                             "    - port:\n        number: 80\n        name: http\n"
                                             "        protocol: HTTP\n")
                                 << "MR0041"
                                 << "convert-not-converted"
                                 << "    - port:\n        number: 80";
    QTest::newRow("ServiceEntry destination")
        << true
        << replaced(
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

// classic → Gateway API → classic: what the local gateway runs for the Gateway API set and for the
// round-tripped one is what it runs for the original, port by port and SNI name by SNI name (the
// same pods get the same shares), and neither direction says anything worse than "carried
// differently".
void tst_Convert::roundTripRoutesTheSame_data()
{
    QTest::addColumn<QString>("input"); // YAML, or empty for the bundled tutorial
    const std::string pods = tutorialPods();
    const std::string v1 = "        - destination:\n            host: tcp-echo\n            subset: v1\n";
    const std::string v2 = "        - destination:\n            host: tcp-echo\n            subset: v2\n";
    const std::string w = "          weight: ";
    QTest::newRow("the tutorial") << QString();
    QTest::newRow("omitted weight") << QString::fromStdString(classic(v1, pods));
    QTest::newRow("80/20") << QString::fromStdString(classic(v1 + w + "80\n" + v2 + w + "20\n", pods));
    QTest::newRow("100/0") << QString::fromStdString(classic(v1 + w + "100\n" + v2 + w + "0\n", pods));
    QTest::newRow("a single destination of weight 0")
        << QString::fromStdString(classic(v1 + w + "0\n", pods));
    QTest::newRow("omitted beside another") << QString::fromStdString(classic(v1 + w + "100\n" + v2, pods));
    QTest::newRow("two ports of one Gateway, two subsets") << replaced(
        replaced(classic(v1, "    - match:\n        - port: 31401\n      route:\n" + v2 + w + "50\n" +
                                 "        - destination:\n            host: tcp-echo\n" + w + "50\n" + pods),
                 "    - route:\n", "    - match:\n        - port: 31400\n      route:\n")
            .toStdString(),
        "      hosts:\n        - \"*\"\n",
        "      hosts:\n        - \"*\"\n    - port:\n        number: 31401\n        name: tcp-2\n"
        "        protocol: TCP\n      hosts:\n        - \"*\"\n");
    // Several names on one PASSTHROUGH server: a listener without hostname, one TLSRoute per rule.
    QTest::newRow("TLS PASSTHROUGH, several sniHosts") << replaced(
        replaced(
            classic(v1 + w + "80\n" + v2 + w + "20\n",
                    "    - match:\n        - sniHosts:\n            - \"*.example.org\"\n      route:\n" +
                        v2 + w + "100\n" + v1 + w + "0\n" + pods),
            "  tcp:\n    - route:\n",
            "  tls:\n    - match:\n        - port: 443\n          sniHosts:\n            - a.example.com\n"
            "            - b.example.com\n      route:\n")
            .toStdString(),
        "        number: 31400\n        name: tcp\n        protocol: TCP\n      hosts:\n        - \"*\"\n",
        "        number: 443\n        name: tls\n        protocol: TLS\n      tls:\n"
        "        mode: PASSTHROUGH\n      hosts:\n        - a.example.com\n        - b.example.com\n        "
        "- \"*.example.org\"\n");
    const std::string gw2 = R"(---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw2
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 31401
        name: tcp
        protocol: TCP
      hosts:
        - "*"
)";
    QTest::newRow("one rule bound to two Gateways")
        << replaced(classic(v1 + w + "80\n" + v2 + w + "20\n", pods + gw2), "  gateways:\n    - gw\n",
                    "  gateways:\n    - gw\n    - gw2\n");
    QTest::newRow("a subset of two labels, named after neither") << replaced(
        replaced(classic(v1 + w + "80\n" + v2 + w + "20\n", pods),
                 "    - name: v1\n      labels:\n        version: v1\n",
                 "    - name: stable\n      labels:\n        version: v1\n        system: example\n")
            .toStdString(),
        "            subset: v1\n", "            subset: stable\n");
    QTest::newRow("a Service with several ports")
        << replaced(classic(v1 + "            port:\n              number: 4444\n" + w + "50\n" + v2 +
                                "            port:\n              number: 3333\n" + w + "50\n",
                            pods),
                    "    - name: tcp\n      port: 3333\n",
                    "    - name: tcp\n      port: 3333\n    - name: tcp-admin\n      port: 4444\n");
}

void tst_Convert::roundTripRoutesTheSame()
{
    QFETCH(QString, input);
    LoadResult original;
    if (input.isEmpty())
        original = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo"});
    else
        loadText(original.set, original.diagnostics, input.toStdString(), "input.yaml");
    QVERIFY2(!hasErrors(original.diagnostics), qPrintable(describe(original.diagnostics)));
    const QStringList before = routing(original.set);
    QVERIFY(!before.isEmpty());

    const Conversion gatewayApi = toGatewayApi(original.set);
    queueCheck(gatewayApi.yaml());
    const QStringList viaGatewayApi = routing(load(gatewayApi.yaml()));
    QVERIFY2(viaGatewayApi == before,
             qPrintable(QStringLiteral("original:\n  ") + before.join("\n  ") +
                        QStringLiteral("\nGateway API:\n  ") + viaGatewayApi.join("\n  ")));
    const Conversion back = toIstio(load(gatewayApi.yaml()));
    queueCheck(back.yaml());
    for (const Diagnostics *said : {&gatewayApi.diagnostics, &back.diagnostics})
        QVERIFY2(count(*said, Severity::Error) == 0 && count(*said, Severity::Warning) == 0,
                 qPrintable(describe(*said)));

    const ResourceSet roundTripped = load(back.yaml());
    const Diagnostics compiled = compile(roundTripped).diagnostics;
    QVERIFY2(!hasErrors(compiled), qPrintable(describe(compiled)));
    const QStringList after = routing(roundTripped);
    QVERIFY2(after == before, qPrintable(QStringLiteral("original:\n  ") + before.join("\n  ") +
                                         QStringLiteral("\nround trip:\n  ") + after.join("\n  ")));
}

// What the Gateway API cannot say is said on the way out (see lossy() for where), and the round trip
// then routes differently only there: a match the gateway ignores anyway, a load balancer that is lost.
void tst_Convert::roundTripDiffersOnlyWhereSaid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("before"); // in the original's routing, what the round trip changes
    QTest::addColumn<QString>("after");  // into this
    const std::string pods = tutorialPods();
    const std::string v1 = "        - destination:\n            host: tcp-echo\n            subset: v1\n";
    QTest::newRow("tcp match on sourceLabels: no effect at a gateway")
        << replaced(classic(v1, pods), "    - route:\n",
                    "    - match:\n        - port: 31400\n          sourceLabels:\n            app: client\n"
                    "      route:\n")
        << "MR0040"
        << ""
        << "";
    QTest::newRow("DestinationRule trafficPolicy: its load balancer")
        << replaced(
               classic(v1, pods), "  host: tcp-echo\n  subsets:",
               "  host: tcp-echo\n  trafficPolicy:\n    loadBalancer:\n      simple: ROUND_ROBIN\n  subsets:")
        << "MR0040"
        << "ROUND_ROBIN"
        << "LEAST_REQUEST";
}

void tst_Convert::roundTripDiffersOnlyWhereSaid()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, before);
    QFETCH(QString, after);
    const ResourceSet original = load(input.toStdString());
    const Conversion gatewayApi = toGatewayApi(original);
    QVERIFY2(std::any_of(gatewayApi.diagnostics.begin(), gatewayApi.diagnostics.end(),
                         [&](const Diagnostic &d) { return d.code == code.toStdString(); }),
             qPrintable(describe(gatewayApi.diagnostics)));
    QVERIFY2(!hasErrors(gatewayApi.diagnostics), qPrintable(describe(gatewayApi.diagnostics)));
    queueCheck(gatewayApi.yaml());
    const Conversion back = toIstio(load(gatewayApi.yaml()));
    QVERIFY2(!hasErrors(back.diagnostics), qPrintable(describe(back.diagnostics)));

    QStringList expected = routing(original);
    if (!before.isEmpty()) {
        QVERIFY(expected.join('\n').contains(before));
        expected.replaceInStrings(before, after);
    }
    const QStringList got = routing(load(back.yaml()));
    QVERIFY2(got == expected, qPrintable(QStringLiteral("expected:\n  ") + expected.join("\n  ") +
                                         QStringLiteral("\nround trip:\n  ") + got.join("\n  ")));
}

// A listener that terminates with two certificates and verifies clients by the Gateway's frontend
// validation: the classic server has what Istio generates, with Secret names for the certificates
// (each said) and the CA as Istio names it (a resource name the classic API reads as it is); the
// workload's own certificate (ISTIO_SIMPLE) stays builtin://.
void tst_Convert::terminatingListenerGoesBackWithItsCredentials()
{
    const std::string pem = "\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n\"";
    const std::string key = "\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\\n\"";
    std::string text = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: istio
  tls:
    frontend:
      default:
        validation:
          caCertificateRefs:
            - {group: "", kind: ConfigMap, name: ca}
  listeners:
    - name: tls
      port: 31443
      protocol: TLS
      tls:
        mode: Terminate
        certificateRefs: [{name: rsa}, {name: ecdsa}]
    - name: builtin
      port: 31444
      protocol: TLS
      tls:
        mode: Terminate
        options: {gateway.istio.io/tls-terminate-mode: ISTIO_SIMPLE}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ca
data:
  ca.crt: )" + pem + "\n";
    for (const char *name : {"rsa", "ecdsa"})
        text += std::string("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ") + name +
                "\nstringData:\n  tls.crt: " + pem + "\n  tls.key: " + key + "\n";
    const Conversion converted = toIstio(load(text));
    const std::string yaml = converted.yaml();
    queueCheck(yaml);
    const ResourceSet back = load(yaml);
    const Resource *gw = findResource(back, Kind::Gateway, "gw");
    QVERIFY2(gw, yaml.c_str());
    const auto onPort = [&](std::uint32_t port) {
        for (const Server &s : gw->as<GatewaySpec>()->servers)
            if (s.port.number == port)
                return s;
        return Server{};
    };
    const Server server = onPort(31443);
    QVERIFY(server.tls);
    QCOMPARE(server.tls->mode, std::string("MUTUAL"));
    QCOMPARE(server.tls->credentialNames, (std::vector<std::string>{"rsa", "ecdsa"}));
    QCOMPARE(server.tls->caCertCredentialName, std::string("configmap://default/ca-cacert"));
    const Server builtin = onPort(31444);
    QVERIFY(builtin.tls);
    QCOMPARE(builtin.tls->mode + " " + builtin.tls->credentialName, std::string("SIMPLE builtin://"));
    const auto said =
        std::count_if(converted.diagnostics.begin(), converted.diagnostics.end(), [](const Diagnostic &d) {
            return d.messageId == "convert-carried-differently" &&
                   d.message.find("kubernetes-gateway://") != std::string::npos;
        });
    QCOMPARE(said, 2);
}

QTEST_GUILESS_MAIN(tst_Convert)
#include "tst_convert.moc"
