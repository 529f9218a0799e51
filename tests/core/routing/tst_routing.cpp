// Istio's routing rules as core implements them, once (routing/): label selection, a server's
// route family, server/host acceptance, and which rule serves which gateway port, with why.

#include "routing/binding.h"
#include "routing/selectors.h"
#include "routing/servers.h"
#include "yaml/loader.h"

#include <QTest>

using namespace meshroute;
using namespace meshroute::routing;

Q_DECLARE_METATYPE(meshroute::routing::RouteFamily)
Q_DECLARE_METATYPE(meshroute::routing::RuleUse)
Q_DECLARE_METATYPE(meshroute::routing::ServerState)

namespace {

ResourceSet load(const std::string &yaml)
{
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, yaml, "test.yaml");
    return set;
}

std::string gateway(const std::string &name, int port, const std::string &protocol,
                    const std::string &extra = {}, const std::string &hosts = "'*'",
                    const std::string &selector = "istio: ingressgateway")
{
    return "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: " + name +
           ", namespace: default}\nspec:\n  selector: {" + selector +
           "}\n  servers:\n  - port: {number: " + std::to_string(port) + ", name: p, protocol: " + protocol +
           "}\n    hosts: [" + hosts + "]\n" + extra;
}

std::string virtualService(const std::string &spec)
{
    return "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs, namespace: "
           "default}\n"
           "spec:\n" +
           spec;
}

} // namespace

class tst_Routing : public QObject
{
    Q_OBJECT

private slots:
    void labelSelection_data();
    void labelSelection();
    void serviceWithoutSelectorSelectsNothing();
    void routeFamily_data();
    void routeFamily();
    void serverAcceptsHosts_data();
    void serverAcceptsHosts();
    void ruleUseAtAPort_data();
    void ruleUseAtAPort();
    void serversTakeTheirPortsOldestFirst();
    void meshBindsNoGateway();
};

void tst_Routing::labelSelection_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("selects");
    QTest::newRow("every pair present") << "app=echo,version=v1" << true;
    QTest::newRow("one pair missing") << "app=echo,version=v2" << false;
    QTest::newRow("the empty selector selects everything") << "" << true;
    QTest::newRow("a key with another value") << "app=other" << false;
}

void tst_Routing::labelSelection()
{
    QFETCH(QString, selector);
    QFETCH(bool, selects);
    Labels s;
    for (const QString &pair : selector.split(QLatin1Char(','), Qt::SkipEmptyParts))
        s[pair.section(QLatin1Char('='), 0, 0).toStdString()] =
            pair.section(QLatin1Char('='), 1).toStdString();
    const Labels labels{{"app", "echo"}, {"version", "v1"}, {"extra", "x"}};
    QCOMPARE(routing::selects(s, labels), selects);
}

void tst_Routing::serviceWithoutSelectorSelectsNothing()
{
    ServiceSpec service;
    QVERIFY(!serviceSelects(service, {{"app", "echo"}}));
    service.selector = {{"app", "echo"}};
    QVERIFY(serviceSelects(service, {{"app", "echo"}}));
    GatewaySpec any;
    QVERIFY(gatewaySelects(any, {{"istio", "ingressgateway"}})); // an empty Gateway selector: every workload
}

void tst_Routing::routeFamily_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<RouteFamily>("family");
    QTest::newRow("TCP") << "TCP"
                         << "" << RouteFamily::Tcp;
    QTest::newRow("MONGO is tcp") << "MONGO"
                                  << "" << RouteFamily::Tcp;
    QTest::newRow("TLS without mode is routed by SNI") << "TLS"
                                                       << "" << RouteFamily::TlsBySni;
    QTest::newRow("TLS PASSTHROUGH") << "TLS"
                                     << "PASSTHROUGH" << RouteFamily::TlsBySni;
    QTest::newRow("tls passthrough, any case") << "tls"
                                               << "passthrough" << RouteFamily::TlsBySni;
    QTest::newRow("TLS SIMPLE is terminated: tcp rules") << "TLS"
                                                         << "SIMPLE" << RouteFamily::Tcp;
    QTest::newRow("HTTPS PASSTHROUGH") << "HTTPS"
                                       << "PASSTHROUGH" << RouteFamily::TlsBySni;
    QTest::newRow("HTTPS SIMPLE is http") << "HTTPS"
                                          << "SIMPLE" << RouteFamily::Http;
    QTest::newRow("HTTP") << "HTTP"
                          << "" << RouteFamily::Http;
    QTest::newRow("GRPC") << "GRPC"
                          << "" << RouteFamily::Http;
    QTest::newRow("AUTO_PASSTHROUGH is not served") << "TLS"
                                                    << "AUTO_PASSTHROUGH" << RouteFamily::NotServed;
}

void tst_Routing::routeFamily()
{
    QFETCH(QString, protocol);
    QFETCH(QString, mode);
    QFETCH(RouteFamily, family);
    Server server;
    server.port.protocol = protocol.toStdString();
    if (!mode.isEmpty())
        server.tls.emplace().mode = mode.toStdString();
    QCOMPARE(routing::routeFamily(server), family);
}

void tst_Routing::serverAcceptsHosts_data()
{
    QTest::addColumn<QString>("serverHost");
    QTest::addColumn<QString>("vsHost");
    QTest::addColumn<QString>("vsNamespace");
    QTest::addColumn<bool>("accepts");
    QTest::newRow("* accepts all") << "*"
                                   << "a.example.com"
                                   << "default" << true;
    QTest::newRow("wildcard") << "*.example.com"
                              << "a.example.com"
                              << "default" << true;
    QTest::newRow("another name") << "a.example.com"
                                  << "b.example.com"
                                  << "default" << false;
    QTest::newRow("a short host by its FQDN") << "echo.default.svc.cluster.local"
                                              << "echo"
                                              << "default" << true;
    QTest::newRow("ns/host admits that namespace") << "front/*"
                                                   << "a.example.com"
                                                   << "front" << true;
    QTest::newRow("ns/host refuses another") << "front/*"
                                             << "a.example.com"
                                             << "default" << false;
    QTest::newRow("./host is the Gateway's namespace") << "./*"
                                                       << "a.example.com"
                                                       << "istio-system" << true;
    QTest::newRow("*/host admits any") << "*/a.example.com"
                                       << "a.example.com"
                                       << "any" << true;
}

void tst_Routing::serverAcceptsHosts()
{
    QFETCH(QString, serverHost);
    QFETCH(QString, vsHost);
    QFETCH(QString, vsNamespace);
    QFETCH(bool, accepts);
    Server server;
    server.hosts = {serverHost.toStdString()};
    QCOMPARE(serverAccepts(server, "istio-system", {vsHost.toStdString()}, vsNamespace.toStdString()),
             accepts);
}

void tst_Routing::ruleUseAtAPort_data()
{
    const std::string route = "    route: [{destination: {host: echo}}]\n";
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>(
        "rule"); // the tcp (or, for the SNI rows, tls) rule of vs at server 0 of the first Gateway
    QTest::addColumn<bool>("tls");
    QTest::addColumn<RuleUse>("use");
    QTest::newRow("the first fitting rule serves")
        << QString::fromStdString(
               gateway("a", 31400, "TCP") +
               virtualService("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - match: [{port: 31400}]\n" +
                              route))
        << 0 << false << RuleUse::Serves;
    QTest::newRow("a later one is shadowed")
        << QString::fromStdString(gateway("a", 31400, "TCP") +
                                  virtualService("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " +
                                                 route.substr(4) + "  - match: [{port: 31400}]\n" + route))
        << 1 << false << RuleUse::Shadowed;
    QTest::newRow("a match-level gateway never binds")
        << QString::fromStdString(
               gateway("a", 31400, "TCP") +
               virtualService("  hosts: ['*']\n  tcp:\n  - match: [{gateways: [a]}]\n" + route))
        << 0 << false << RuleUse::NotBound;
    QTest::newRow("exportTo hides it from istio-system")
        << QString::fromStdString(
               gateway("a", 31400, "TCP") +
               virtualService("  hosts: ['*']\n  gateways: [a]\n  exportTo: ['.']\n  tcp:\n  - " +
                              route.substr(4)))
        << 0 << false << RuleUse::NotExported;
    QTest::newRow("the server's hosts do not accept it")
        << QString::fromStdString(
               gateway("a", 31400, "TCP", {}, "a.example.com") +
               virtualService("  hosts: [b.example.com]\n  gateways: [a]\n  tcp:\n  - " + route.substr(4)))
        << 0 << false << RuleUse::HostNotAccepted;
    QTest::newRow("a tcp rule at an SNI port")
        << QString::fromStdString(
               gateway("a", 443, "TLS", "    tls: {mode: PASSTHROUGH}\n") +
               virtualService("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " + route.substr(4)))
        << 0 << false << RuleUse::WrongFamily;
    QTest::newRow("an http port is not served")
        << QString::fromStdString(
               gateway("a", 80, "HTTP") +
               virtualService("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " + route.substr(4)))
        << 0 << false << RuleUse::PortNotServed;
    QTest::newRow("a tls rule serves its SNI names")
        << QString::fromStdString(
               gateway("a", 443, "TLS", "    tls: {mode: PASSTHROUGH}\n") +
               virtualService(
                   "  hosts: ['*']\n  gateways: [a]\n  tls:\n  - match: [{sniHosts: [a.example.com]}]\n" +
                   route))
        << 0 << true << RuleUse::Serves;
    QTest::newRow("a tls rule without SNI names")
        << QString::fromStdString(
               gateway("a", 443, "TLS", "    tls: {mode: PASSTHROUGH}\n") +
               virtualService("  hosts: ['*']\n  gateways: [a]\n  tls:\n  - match: [{port: 443}]\n" + route))
        << 0 << true << RuleUse::NoSniHosts;
}

void tst_Routing::ruleUseAtAPort()
{
    QFETCH(QString, yaml);
    QFETCH(int, rule);
    QFETCH(bool, tls);
    QFETCH(RuleUse, use);
    const ResourceSet set = load(yaml.toStdString());
    const GatewayBinding binding = bindGateways(set);
    QVERIFY(!binding.servers.empty());
    const ServerBinding &server = binding.servers.front();
    const auto at = std::find_if(server.rules.begin(), server.rules.end(), [&](const RuleAtServer &r) {
        return r.rule.rule == static_cast<std::size_t>(rule) &&
               r.rule.section == (tls ? Section::Tls : Section::Tcp);
    });
    QVERIFY(at != server.rules.end());
    QCOMPARE(at->use, use);
    if (use == RuleUse::Shadowed)
        QCOMPARE(at->shadowedBy->rule, std::size_t(0));
}

void tst_Routing::serversTakeTheirPortsOldestFirst()
{
    const ResourceSet set = load(gateway("first", 31400, "TCP") + gateway("second", 31400, "TCP") +
                                 gateway("sni-a", 443, "TLS", "    tls: {mode: PASSTHROUGH}\n") +
                                 gateway("sni-b", 443, "TLS", "    tls: {mode: PASSTHROUGH}\n") +
                                 gateway("other", 31401, "TCP", {}, "'*'", "app: other"));
    const GatewayBinding binding = bindGateways(set);
    QCOMPARE(binding.servers.size(), std::size_t(5));
    QCOMPARE(binding.servers[0].state, ServerState::Served);
    QCOMPARE(binding.servers[1].state, ServerState::PortTaken);
    QCOMPARE(binding.servers[1].owner, std::optional<std::size_t>(0));
    QCOMPARE(binding.servers[2].state, ServerState::Served);
    QCOMPARE(binding.servers[3].state, ServerState::Served); // SNI-routed servers share a port
    QCOMPARE(binding.servers[3].owner, std::optional<std::size_t>(2));
    QCOMPARE(binding.servers[4].state, ServerState::NotSelected);
    QCOMPARE(binding.find(binding.servers[3].gateway, 0), &binding.servers[3]);
}

void tst_Routing::meshBindsNoGateway()
{
    VirtualServiceSpec vs;
    QVERIFY(boundGateways(vs, "default").empty()); // no gateways: Istio's default, mesh
    vs.gatewaysSet = true;
    vs.gateways = {"mesh", "gw", "other/gw", "gw"};
    const std::vector<QualifiedName> bound = boundGateways(vs, "default");
    QCOMPARE(bound.size(), std::size_t(2));
    QVERIFY(bindsTo(vs, "default", {"other", "gw"}));
    QVERIFY(!bindsTo(vs, "default", {"", "mesh"}));
}

QTEST_APPLESS_MAIN(tst_Routing)
#include "tst_routing.moc"
