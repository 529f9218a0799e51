// The proof of conversion (issue 13 §4): the classic configuration and its Gateway API conversion
// (core/gatewayapi/convert) run on the local gateway (real sockets on 127.0.0.1, demo pods) under
// the same traffic, and on every port the same pods answer with the same shares, within
// statistical bounds. The converted configuration is compiled as it is: compile() plays its Gateway
// API Gateways through Istio's translation (gatewayapi::RoutingView), as the local gateway does.

#include "compile/compile.h"
#include "engine/engine.h"
#include "gatewayapi/convert.h"
#include "testnet.h"
#include "yaml/loader.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <map>
#include <memory>

using namespace meshroute;
using namespace meshroute::proxy;

namespace {

using Shares = std::map<std::string, int>; // pod name -> connections it answered

std::string sampleFile(const char *name)
{
    QFile f(QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

// The tutorial, with `virtualService` instead of its VirtualService when given.
std::string tutorial(const std::string &virtualService = {})
{
    std::string out;
    for (const char *file : {"deployment.yaml", "destination-rule.yaml", "gateway.yaml", "service.yaml"})
        out += sampleFile(file) + "\n---\n";
    return out + (virtualService.empty() ? sampleFile("virtualservice.yaml") : virtualService);
}

// Running engines and the bound port of every gateway port they serve.
struct Gateways
{
    std::vector<std::unique_ptr<Engine>> engines;
    std::map<std::uint32_t, std::uint16_t> ports;

    bool start(const CompileResult &compiled)
    {
        if (hasErrors(compiled.diagnostics))
            return false;
        EngineOptions options;
        options.ephemeralPorts = true;
        auto engine = std::make_unique<Engine>(options);
        const ApplyResult started = engine->start(compiled.table);
        if (!started.ok())
            return false;
        for (const auto &l : started.listeners)
            ports[l.port] = l.boundPort;
        engines.push_back(std::move(engine));
        return true;
    }
};

// `connections` connections to `port`: which pod greeted each.
Shares traffic(std::uint16_t port, int connections)
{
    static const QRegularExpression pod(QStringLiteral("Running on Pod ([a-z0-9-]+)\\."));
    Shares out;
    for (int i = 0; i < connections; ++i) {
        testnet::Client nc;
        if (!nc.connect(port)) {
            out["(refused)"]++;
            continue;
        }
        const QString greeting = QString::fromStdString(nc.readUntil("Service default.\n"));
        const QRegularExpressionMatch m = pod.match(greeting);
        out[m.hasMatch() ? m.captured(1).toStdString() : std::string("(no greeting)")]++;
    }
    return out;
}

QString describe(const Shares &shares)
{
    QStringList out;
    for (const auto &[pod, n] : shares)
        out << QStringLiteral("%1=%2").arg(QString::fromStdString(pod)).arg(n);
    return out.join(' ');
}

} // namespace

class tst_ConvertProof : public QObject
{
    Q_OBJECT

private slots:
    void sameShares_data();
    void sameShares();
};

void tst_ConvertProof::sameShares_data()
{
    QTest::addColumn<QString>("virtualService");
    QTest::addColumn<int>("v1Percent31400"); // the expected share of v1 on 31400 (31401: all v2)
    QTest::newRow("tutorial: 31400 all v1, 31401 all v2") << QString() << 100;
    QTest::newRow("traffic shifting: 31400 80/20, 31401 all v2")
        << QString(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: tcp-echo
spec:
  hosts:
    - "*"
  gateways:
    - tcp-echo-gateway
    - tcp-echo-gateway-v2
  tcp:
    - match:
        - port: 31400
      route:
        - destination:
            host: tcp-echo
            subset: v1
          weight: 80
        - destination:
            host: tcp-echo
            subset: v2
          weight: 20
    - match:
        - port: 31401
      route:
        - destination:
            host: tcp-echo
            subset: v2
)") << 80;
}

void tst_ConvertProof::sameShares()
{
    QFETCH(QString, virtualService);
    QFETCH(int, v1Percent31400);
    ResourceSet original;
    Diagnostics loadDiagnostics;
    loadText(original, loadDiagnostics, tutorial(virtualService.toStdString()), "original.yaml");
    QVERIFY(!hasErrors(loadDiagnostics));

    const gatewayapi::Conversion conversion = gatewayapi::toGatewayApi(original);
    QVERIFY(!hasErrors(conversion.diagnostics));
    ResourceSet converted;
    loadText(converted, loadDiagnostics, conversion.yaml(), "converted.yaml");
    QVERIFY(!hasErrors(loadDiagnostics));
    QVERIFY(converted.ofKind(Kind::Gateway).empty());
    QCOMPARE(converted.ofKind(Kind::KubeGateway).size(), std::size_t(2));

    Gateways classic;
    QVERIFY(classic.start(compile(original)));
    // The converted set as it is: compile() plays its Gateway API Gateways (one workload each, as
    // Istio deploys them) through Istio's translation.
    Gateways gatewayApi;
    QVERIFY(gatewayApi.start(compile(converted)));
    QCOMPARE(classic.ports.size(), std::size_t(2));
    QCOMPARE(gatewayApi.ports.size(), classic.ports.size());

    constexpr int kConnections = 200;
    for (const auto &[port, bound] : classic.ports) {
        QVERIFY2(gatewayApi.ports.count(port), qPrintable(QStringLiteral("port %1 not served").arg(port)));
        const Shares before = traffic(bound, kConnections);
        const Shares after = traffic(gatewayApi.ports[port], kConnections);
        const QString seen = QStringLiteral("port %1: classic %2; Gateway API %3")
                                 .arg(port)
                                 .arg(describe(before), describe(after));
        // The same pods, and nothing refused.
        QVERIFY2(before.size() == after.size(), qPrintable(seen));
        const double v1Expected = port == 31400 ? v1Percent31400 / 100.0 : 0.0;
        for (const auto &[pod, n] : before) {
            QVERIFY2(after.count(pod), qPrintable(seen));
            QVERIFY2(pod.rfind("tcp-echo-v", 0) == 0, qPrintable(seen));
            const double p = double(n) / kConnections, q = double(after.at(pod)) / kConnections;
            // Two samples of one share: their difference within 4.5 standard deviations (and 0.03
            // for the exact cases), and each within 4.5 of the configured weight.
            const double expected = pod.rfind("tcp-echo-v1", 0) == 0 ? v1Expected : 1.0 - v1Expected;
            const double sd = std::sqrt(expected * (1 - expected) / kConnections);
            QVERIFY2(std::abs(p - q) <= 4.5 * std::sqrt(2.0) * sd + 0.03, qPrintable(seen));
            QVERIFY2(std::abs(p - expected) <= 4.5 * sd + 0.03, qPrintable(seen));
            QVERIFY2(std::abs(q - expected) <= 4.5 * sd + 0.03, qPrintable(seen));
        }
    }
}

QTEST_GUILESS_MAIN(tst_ConvertProof)
#include "tst_convertproof.moc"
