// The Kubernetes Gateway API on the local gateway, with real sockets on 127.0.0.1: the bundled
// sample's listeners reach the tcp-echo versions their TCPRoutes name; a weighted TCPRoute gets its
// shares; weight 0 gets nothing; all weights 0 refuse every connection; a broken backendRef's share
// fails and is counted as no-route; a TLS Passthrough listener routes by SNI, narrowed to the
// intersection of the TLSRoute's and the listener's hostnames.

#include "compile/compile.h"
#include "engine/engine.h"
#include "testnet.h"
#include "tlshello.h"
#include "yaml/loader.h"

#include <QTest>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>

using namespace meshroute;
using namespace meshroute::proxy;
using testnet::Client;

namespace {

// The sample's Services and Deployments (tcp-echo-v1, tcp-echo-v2), without its Gateway and routes.
std::string workloads()
{
    std::string out;
    for (const char *file : {"deployment.yaml", "service.yaml"}) {
        std::ifstream in(std::string(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo-gateway-api/") + file);
        out += std::string(std::istreambuf_iterator<char>(in), {}) + "\n---\n";
    }
    return out;
}

const char *kTcpGateway = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: istio
  listeners:
  - {name: tcp, protocol: TCP, port: 31400}
---
)";

std::string tcpRoute(const std::string &backendRefs)
{
    return R"(apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: split}
spec:
  parentRefs: [{name: gw, sectionName: tcp}]
  rules:
  - backendRefs:
)" + backendRefs;
}

struct Running
{
    std::unique_ptr<Engine> engine;
    std::map<std::uint32_t, std::uint16_t> ports; // Gateway port -> bound loopback port
    CompileResult compiled;
};

bool start(Running &run, const std::string &text)
{
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, text, "gatewayapi.yaml");
    if (hasErrors(diagnostics))
        return false;
    run.compiled = compile(set);
    EngineOptions options;
    options.ephemeralPorts = true;
    options.threads = 1;
    run.engine = std::make_unique<Engine>(options);
    const ApplyResult started = run.engine->start(run.compiled.table);
    for (const auto &l : started.listeners)
        if (l.listening)
            run.ports[l.port] = l.boundPort;
    return started.ok();
}

// Which version's pod answered ("v1", "v2"), or "" when the connection was closed without a word.
std::string versionAnswering(std::uint16_t port, const std::string &hello = {})
{
    Client c;
    if (!c.connect(port))
        return "connect failed";
    if (!hello.empty() && !c.send(hello))
        return "send failed";
    const std::string greeting = c.readUntil("Service default.\n");
    for (const char *v : {"v1", "v2"})
        if (greeting.find(std::string("Running on Pod tcp-echo-") + v + "-") != std::string::npos)
            return v;
    bool eof = false;
    const std::string rest = c.readToEof(2000, eof);
    return greeting.empty() && rest.empty() && eof ? std::string() : "unexpected: " + greeting + rest;
}

std::uint64_t listenerNoRoute(const Engine &engine)
{
    std::uint64_t n = 0;
    for (const ListenerStats &l : engine.snapshot().listeners)
        n += l.values[Counter::NoRoute];
    return n;
}

} // namespace

class tst_GatewayApiLocal : public QObject
{
    Q_OBJECT

private slots:
    void sampleListenersReachTheirVersions_data();
    void sampleListenersReachTheirVersions();
    void weightedShares_data();
    void weightedShares();
    void tlsPassthroughBySniIntersection();
};

void tst_GatewayApiLocal::sampleListenersReachTheirVersions_data()
{
    QTest::addColumn<int>("gatewayPort");
    QTest::addColumn<QString>("version");
    QTest::newRow("31400 goes to tcp-echo-v1") << 31400 << "v1";
    QTest::newRow("31401 goes to tcp-echo-v2") << 31401 << "v2";
}

void tst_GatewayApiLocal::sampleListenersReachTheirVersions()
{
    QFETCH(int, gatewayPort);
    QFETCH(QString, version);
    LoadResult loaded = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo-gateway-api"});
    QVERIFY(!hasErrors(loaded.diagnostics));
    const CompileResult compiled = compile(loaded.set);
    QVERIFY(compiled.diagnostics.empty());
    EngineOptions options;
    options.ephemeralPorts = true;
    options.threads = 1;
    Engine engine(options);
    const ApplyResult started = engine.start(compiled.table);
    QVERIFY(started.ok());
    std::uint16_t port = 0;
    for (const auto &l : started.listeners)
        if (l.port == std::uint32_t(gatewayPort))
            port = l.boundPort;
    QVERIFY(port != 0);

    Client nc;
    QVERIFY(nc.connect(port));
    const std::string greeting = nc.readUntil("Service default.\n");
    QVERIFY2(greeting.find("Running on Pod tcp-echo-" + version.toStdString() + "-") != std::string::npos,
             greeting.c_str());
    QVERIFY(nc.send("hello, gateway api\n"));
    QCOMPARE(nc.read(19), std::string("hello, gateway api\n"));
    engine.stop(std::chrono::milliseconds(500));
}

void tst_GatewayApiLocal::weightedShares_data()
{
    QTest::addColumn<QString>("backendRefs");
    QTest::addColumn<double>("v1Share");
    QTest::addColumn<double>("v2Share");
    QTest::addColumn<double>("failedShare");
    const auto ref = [](const char *name, int weight) {
        return QStringLiteral("    - {name: %1, port: 3333, weight: %2}\n")
            .arg(QLatin1String(name))
            .arg(weight);
    };
    QTest::newRow("80/20") << ref("tcp-echo-v1", 80) + ref("tcp-echo-v2", 20) << 0.8 << 0.2 << 0.0;
    QTest::newRow("1:0, weight 0 gets nothing")
        << ref("tcp-echo-v1", 1) + ref("tcp-echo-v2", 0) << 1.0 << 0.0 << 0.0;
    QTest::newRow("all zero: every connection refused")
        << ref("tcp-echo-v1", 0) + ref("tcp-echo-v2", 0) << 0.0 << 0.0 << 1.0;
    QTest::newRow("a missing Service keeps its share, which fails (BackendNotFound)")
        << ref("tcp-echo-v1", 1) + ref("tcp-echo-v3", 1) << 0.5 << 0.0 << 0.5;
    QTest::newRow("a Service in another namespace without a ReferenceGrant (RefNotPermitted)")
        << ref("tcp-echo-v1", 3) + QStringLiteral("    - {name: tcp-echo-v2, namespace: other, port: 3333}\n")
        << 0.75 << 0.0 << 0.25;
    QTest::newRow("a backend of an unknown kind (InvalidKind)")
        << ref("tcp-echo-v2", 1) + QStringLiteral("    - {group: example.com, kind: Pod, name: x, port: 1}\n")
        << 0.0 << 0.5 << 0.5;
}

void tst_GatewayApiLocal::weightedShares()
{
    QFETCH(QString, backendRefs);
    QFETCH(double, v1Share);
    QFETCH(double, v2Share);
    QFETCH(double, failedShare);
    Running run;
    QVERIFY(start(run, workloads() + kTcpGateway + tcpRoute(backendRefs.toStdString())));
    QVERIFY(run.ports.count(31400));

    constexpr int kConnections = 300;
    std::map<std::string, int> seen;
    for (int i = 0; i < kConnections; ++i)
        ++seen[versionAnswering(run.ports[31400])];
    // Each share within 5 standard deviations of a binomial draw (exact for 0 and 1).
    const auto within = [&](const std::string &who, double p) {
        const double expected = p * kConnections;
        const double sd = std::sqrt(kConnections * p * (1 - p));
        return std::abs(seen[who] - expected) <= 5 * sd;
    };
    QString what;
    for (const auto &[who, n] : seen)
        what += QStringLiteral("%1: %2; ").arg(QString::fromStdString(who.empty() ? "refused" : who)).arg(n);
    QVERIFY2(within("v1", v1Share), qPrintable(what));
    QVERIFY2(within("v2", v2Share), qPrintable(what));
    QVERIFY2(within("", failedShare), qPrintable(what));
    QCOMPARE(seen["v1"] + seen["v2"] + seen[""], kConnections); // nothing unexpected
    // Every refused connection is counted as such (no-route), and only those.
    QTRY_COMPARE_WITH_TIMEOUT(listenerNoRoute(*run.engine), std::uint64_t(seen[""]), 3000);
    run.engine->stop(std::chrono::milliseconds(500));
}

void tst_GatewayApiLocal::tlsPassthroughBySniIntersection()
{
    Running run;
    QVERIFY(start(run, workloads() + R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: tls}
spec:
  gatewayClassName: istio
  listeners:
  - name: passthrough
    protocol: TLS
    port: 31443
    hostname: "*.example.com"
    tls: {mode: Passthrough}
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: exact, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: tls}]
  hostnames: [v2.example.com]
  rules: [{backendRefs: [{name: tcp-echo-v2, port: 3333}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: broad, creationTimestamp: "2024-01-02T00:00:00Z"}
spec:
  parentRefs: [{name: tls}]
  hostnames: ["*.com"]
  rules: [{backendRefs: [{name: tcp-echo-v1, port: 3333}]}]
)"));
    QVERIFY(run.ports.count(31443));
    const std::uint16_t port = run.ports[31443];
    QCOMPARE(versionAnswering(port, testnet::clientHello("v2.example.com")), std::string("v2"));
    QCOMPARE(versionAnswering(port, testnet::clientHello("www.example.com")), std::string("v1"));
    // "*.com" ∩ "*.example.com" is "*.example.com": another .com name is not routed.
    QCOMPARE(versionAnswering(port, testnet::clientHello("www.other.com")), std::string());
    QTRY_COMPARE_WITH_TIMEOUT(listenerNoRoute(*run.engine), std::uint64_t(1), 3000);
    run.engine->stop(std::chrono::milliseconds(500));
}

QTEST_GUILESS_MAIN(tst_GatewayApiLocal)
#include "tst_gatewayapilocal.moc"
