// parseResource: every TCP/TLS routing field is read into the typed model, and
// every bad value is reported with its code, line and column.

#include "model/model.h"

#include <QTest>

using namespace meshroute;

namespace {

Resource parse(const char *text, Diagnostics &diagnostics, int lineOffset = 0)
{
    return parseResource(YAML::Load(text), lineOffset, "test.yaml", diagnostics);
}

} // namespace

class tst_Parse : public QObject
{
    Q_OBJECT

private slots:
    // Istio's validation rejects a tls match whose sniHosts entry no VirtualService host covers.
    void sniHostsLieWithinHosts_data()
    {
        QTest::addColumn<QString>("hosts");
        QTest::addColumn<QString>("sniHosts");
        QTest::addColumn<QString>("rejected"); // the entries reported, in order
        QTest::newRow("same name") << "[a.example.com]"
                                   << "[a.example.com]"
                                   << "";
        QTest::newRow("within a wildcard") << "['*.example.com']"
                                           << "[a.example.com, '*.b.example.com']"
                                           << "";
        QTest::newRow("anything within *") << "['*']"
                                           << "['*', x.org]"
                                           << "";
        QTest::newRow("another name") << "[a.example.com]"
                                      << "[b.example.com]"
                                      << "b.example.com";
        QTest::newRow("wider than the host") << "[a.example.com]"
                                             << "['*.example.com']"
                                             << "*.example.com";
        QTest::newRow("the wildcard's own domain") << "['*.example.com']"
                                                   << "[example.com]"
                                                   << "example.com";
        QTest::newRow("only the second") << "[a.example.com, b.example.com]"
                                         << "[b.example.com, c.example.com]"
                                         << "c.example.com";
    }
    void sniHostsLieWithinHosts()
    {
        QFETCH(QString, hosts);
        QFETCH(QString, sniHosts);
        QFETCH(QString, rejected);
        const std::string text =
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\n"
            "spec:\n  hosts: " +
            hosts.toStdString() + "\n  tls:\n  - match: [{port: 443, sniHosts: " + sniHosts.toStdString() +
            "}]\n    route: [{destination: {host: x}}]\n";
        Diagnostics d;
        parse(text.c_str(), d);
        QStringList reported;
        for (const Diagnostic &diagnostic : d) {
            QCOMPARE(diagnostic.code, std::string(codes::SniHostOutsideHosts));
            QCOMPARE(diagnostic.severity, Severity::Error);
            QCOMPARE(diagnostic.position.line, 7); // at the entry itself
            const auto quoteAt = diagnostic.message.find('"');
            reported << QString::fromStdString(diagnostic.message.substr(
                quoteAt + 1, diagnostic.message.find('"', quoteAt + 1) - quoteAt - 1));
        }
        QCOMPARE(reported.join(QLatin1Char(',')), rejected);
        if (!d.empty())
            QVERIFY2(d.front().message.find("is not within any of spec.hosts (") != std::string::npos,
                     d.front().message.c_str());
    }
    void gatewayFields()
    {
        Diagnostics d;
        const Resource r = parse(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 31400, name: tcp, protocol: tcp, targetPort: 9000}
    hosts: ["*"]
    bind: 127.0.0.1
  - port: {number: 443, name: tls, protocol: TLS}
    hosts: [prod/foo.example.com]
    tls: {mode: PASSTHROUGH, minProtocolVersion: TLSV1_2}
)",
                                 d);
        QVERIFY2(d.empty(), d.empty() ? "" : d.front().format().c_str());
        QCOMPARE(r.kind, Kind::Gateway);
        QCOMPARE(r.name, std::string("gw"));
        QCOMPARE(r.effectiveNamespace("default"), std::string("istio-system"));
        const auto *g = r.as<GatewaySpec>();
        QVERIFY(g);
        QCOMPARE(g->selector.at("istio"), std::string("ingressgateway"));
        QCOMPARE(g->servers.size(), std::size_t(2));
        QCOMPARE(g->servers[0].port.number, 31400u);
        QCOMPARE(g->servers[0].port.protocol, std::string("TCP")); // protocols are case-insensitive
        QCOMPARE(*g->servers[0].port.targetPort, 9000u);
        QCOMPARE(g->servers[0].bind, std::string("127.0.0.1"));
        QVERIFY(g->servers[1].tls);
        QCOMPARE(g->servers[1].tls->mode, std::string("PASSTHROUGH"));
        QCOMPARE(g->servers[0].position.line, 10);
    }

    void virtualServiceFields()
    {
        Diagnostics d;
        const Resource r = parse(R"(apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: {name: vs}
spec:
  hosts: ["*"]
  gateways: [gw, istio-system/gw2]
  exportTo: ["."]
  tcp:
  - match:
    - port: 31400
      gateways: [gw]
      sourceLabels: {app: a}
      destinationSubnets: [10.0.0.0/8]
      sourceNamespace: ns
      sourceSubnet: 1.2.3.4/32
    route:
    - destination: {host: tcp-echo, subset: v1, port: {number: 3333}}
      weight: 80
    - destination: {host: tcp-echo, subset: v2}
      weight: 20
  tls:
  - match:
    - sniHosts: [a.example.com]
      port: 443
    route:
    - destination: {host: a.example.com}
  http:
  - name: web
    match:
    - name: m
      uri: {prefix: /a}
    route:
    - destination: {host: web}
    mirror: {host: shadow, subset: s}
)",
                                 d);
        QVERIFY2(d.empty(), d.empty() ? "" : d.front().format().c_str());
        const auto *vs = r.as<VirtualServiceSpec>();
        QVERIFY(vs);
        QCOMPARE(vs->gateways.size(), std::size_t(2));
        QVERIFY(vs->gatewaysSet);
        QCOMPARE(vs->tcp.size(), std::size_t(1));
        const TcpMatch &m = vs->tcp[0].match[0];
        QCOMPARE(*m.port, 31400u);
        QCOMPARE(m.sourceLabels.at("app"), std::string("a"));
        QCOMPARE(m.destinationSubnets.front(), std::string("10.0.0.0/8"));
        QCOMPARE(m.sourceNamespace, std::string("ns"));
        QCOMPARE(m.sourceSubnet, std::string("1.2.3.4/32"));
        QCOMPARE(vs->tcp[0].route.size(), std::size_t(2));
        QCOMPARE(*vs->tcp[0].route[0].weight, std::int64_t(80));
        QCOMPARE(*vs->tcp[0].route[0].destination.port, 3333u);
        QCOMPARE(vs->tcp[0].route[1].destination.subset, std::string("v2"));
        QCOMPARE(vs->tcp[0].route[1].destination.subsetPosition.line, 19);
        QCOMPARE(vs->tls[0].match[0].sniHosts.front(), std::string("a.example.com"));
        QCOMPARE(vs->http[0].mirrors.size(), std::size_t(1));
        QCOMPARE(vs->http[0].mirrors[0].subset, std::string("s"));
        QVERIFY(vs->http[0].match[0].key.find("name") == std::string::npos);
    }

    void defaultGatewayIsMesh()
    {
        Diagnostics d;
        const Resource r = parse("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: "
                                 "vs}\nspec:\n  hosts: [a]\n",
                                 d);
        QCOMPARE(r.as<VirtualServiceSpec>()->effectiveGateways(), std::vector<std::string>{"mesh"});
    }

    void destinationRuleFields()
    {
        Diagnostics d;
        const Resource r = parse(R"(apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata: {name: dr}
spec:
  host: tcp-echo
  trafficPolicy:
    loadBalancer:
      consistentHash: {useSourceIp: true}
    connectionPool:
      tcp:
        maxConnections: 5
        connectTimeout: 250ms
        idleTimeout: 0s
        maxConnectionDuration: 1h
        tcpKeepalive: {probes: 3, time: 7200s, interval: 75s}
    outlierDetection:
      consecutiveLocalOriginFailures: 2
      consecutive5xxErrors: 3
      interval: 5s
      baseEjectionTime: 30s
      maxEjectionPercent: 100
    portLevelSettings:
    - port: {number: 3333}
      loadBalancer: {simple: RANDOM}
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      loadBalancer: {simple: ROUND_ROBIN}
  - name: v2
    labels: {version: v2}
)",
                                 d);
        QVERIFY2(d.empty(), d.empty() ? "" : d.front().format().c_str());
        const auto *dr = r.as<DestinationRuleSpec>();
        QVERIFY(dr && dr->trafficPolicy);
        QVERIFY(dr->trafficPolicy->loadBalancer->consistentHash->useSourceIp);
        const TcpConnectionPool &tcp = *dr->trafficPolicy->tcp;
        QCOMPARE(*tcp.maxConnections, 5);
        QCOMPARE(tcp.connectTimeout->count(), 250);
        QCOMPARE(tcp.idleTimeout->count(), 0);
        QCOMPARE(*tcp.tcpKeepalive->probes, 3u);
        QCOMPARE(*dr->trafficPolicy->outlierDetection->consecutiveLocalOriginFailures, 2u);
        QCOMPARE(dr->trafficPolicy->outlierDetection->baseEjectionTime->count(), 30000);
        QCOMPARE(dr->trafficPolicy->portLevelSettings[0].loadBalancer->simple, std::string("RANDOM"));
        QCOMPARE(dr->subsets.size(), std::size_t(2));
        QCOMPARE(dr->subsets[0].trafficPolicy->loadBalancer->simple, std::string("ROUND_ROBIN"));
    }

    void workloads()
    {
        Diagnostics d;
        const Resource se = parse(R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: local}
spec:
  hosts: [backend.local]
  ports: [{number: 9000, name: tcp, protocol: TCP, targetPort: 9001}]
  resolution: STATIC
  location: MESH_INTERNAL
  endpoints:
  - address: 127.0.0.1
    ports: {tcp: 9002}
    labels: {version: v1}
  workloadSelector:
    labels: {app: backend}
)",
                                  d);
        QVERIFY2(d.empty(), d.empty() ? "" : d.front().format().c_str());
        const auto *s = se.as<ServiceEntrySpec>();
        QCOMPARE(s->endpoints[0].ports.at("tcp"), 9002u);
        QCOMPARE(*s->ports[0].targetPort, 9001u);
        QCOMPARE(s->workloadSelector->at("app"), std::string("backend"));

        const Resource dep = parse(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: tcp-echo-v1}
spec:
  replicas: 3
  selector: {matchLabels: {app: tcp-echo}}
  template:
    metadata: {labels: {app: tcp-echo, version: v1}}
    spec:
      serviceAccountName: echo
      containers:
      - name: c
        ports: [{name: tcp-echo-port, containerPort: 3333}]
)",
                                   d);
        QVERIFY(d.empty());
        const auto *dp = dep.as<DeploymentSpec>();
        QCOMPARE(dp->replicas, 3);
        QCOMPARE(dp->podLabels.at("version"), std::string("v1"));
        QCOMPARE(dp->serviceAccountName, std::string("echo"));
        QCOMPARE(dp->containerPorts[0].containerPort, 3333u);
        QVERIFY(!dp->removedApiVersion);

        const Resource svc = parse(R"(apiVersion: v1
kind: Service
metadata: {name: tcp-echo}
spec:
  selector: {app: tcp-echo}
  ports:
  - {name: tcp, port: 3333, targetPort: tcp-echo-port}
)",
                                   d);
        QVERIFY(d.empty());
        QCOMPARE(svc.as<ServiceSpec>()->ports[0].targetPortName, std::string("tcp-echo-port"));
    }

    void unknownKindIsOpaque()
    {
        Diagnostics d;
        const Resource r = parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n", d);
        QVERIFY(d.empty());
        QCOMPARE(r.kind, Kind::Other);
        QCOMPARE(r.kindName, std::string("ConfigMap"));
        QVERIFY(r.as<OpaqueSpec>());
    }

    // One bad value per row: the code, and the 1-based line and column of the value.
    void badValues_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const QString gw = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec:\n"
                           "  servers:\n  - port:\n      number: %1\n      name: tcp\n      protocol: %2\n"
                           "    hosts: ['*']\n";
        QTest::newRow("port is not a number") << gw.arg("abc", "TCP") << "MR0003" << 7 << 15;
        QTest::newRow("port above 65535") << gw.arg("70000", "TCP") << "MR0004" << 7 << 15;
        QTest::newRow("port zero") << gw.arg("0", "TCP") << "MR0004" << 7 << 15;
        QTest::newRow("unknown protocol") << gw.arg("31400", "UDPX") << "MR0005" << 9 << 17;
        QTest::newRow("port is a list") << gw.arg("[1]", "TCP") << "MR0003" << 7 << 15;
        QTest::newRow("negative weight")
            << "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\nspec:\n"
               "  hosts: ['*']\n  tcp:\n  - route:\n    - destination: {host: a}\n      weight: -5\n"
            << "MR0004" << 9 << 15;
        QTest::newRow("unknown load balancer")
            << "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr}\nspec:\n"
               "  host: a\n  trafficPolicy:\n    loadBalancer:\n      simple: FASTEST\n"
            << "MR0005" << 8 << 15;
        QTest::newRow("bad duration")
            << "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr}\nspec:\n"
               "  host: a\n  trafficPolicy:\n    connectionPool:\n      tcp:\n        connectTimeout: soon\n"
            << "MR0003" << 9 << 25;
        QTest::newRow("destination without host")
            << "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\nspec:\n"
               "  hosts: ['*']\n  tcp:\n  - route:\n    - destination:\n        subset: v1\n"
            << "MR0006" << 9 << 9;
        QTest::newRow("DestinationRule without host")
            << "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr}\nspec:\n"
               "  subsets: []\n"
            << "MR0006" << 5 << 3;
        QTest::newRow("removed Deployment apiVersion")
            << "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1\n"
            << "MR0007" << 1 << 13;
        QTest::newRow("name with capitals")
            << "apiVersion: v1\nkind: Service\nmetadata:\n  name: TcpEcho\nspec: {}\n"
            << "MR0016" << 4 << 9;
        QTest::newRow("no kind") << "apiVersion: v1\nmetadata: {name: a}\n"
                                 << "MR0015" << 1 << 1;
        QTest::newRow("unknown Istio apiVersion")
            << "apiVersion: networking.istio.io/v2\nkind: Gateway\nmetadata: {name: g}\nspec: {}\n"
            << "MR0014" << 1 << 13;
    }
    void badValues()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, code);
        QFETCH(int, line);
        QFETCH(int, column);
        Diagnostics d;
        const QByteArray text = yaml.toUtf8();
        parse(text.constData(), d);
        QVERIFY(!d.empty());
        QString all;
        for (const Diagnostic &x : d)
            all += QString::fromStdString(x.format()) + '\n';
        const auto it = std::find_if(d.begin(), d.end(),
                                     [&](const Diagnostic &x) { return x.code == code.toStdString(); });
        QVERIFY2(it != d.end(), qPrintable(all));
        QCOMPARE(it->position.line, line);
        QCOMPARE(it->position.column, column);
        QCOMPARE(it->file, std::string("test.yaml"));
    }

    void positionsAreOffsetByTheDocumentsLine()
    {
        Diagnostics d;
        parse("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: x}]\n", d, 20);
        QCOMPARE(d.size(), std::size_t(1));
        QCOMPARE(d[0].position.line, 25);
        QVERIFY(d[0].format().starts_with("test.yaml:25:"));
        QVERIFY(d[0].format().ends_with("[MR0003]"));
    }

    void parsingNeverChangesTheNode()
    {
        Diagnostics d;
        const YAML::Node node =
            YAML::Load("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\n"
                       "spec:\n");
        const std::string before = YAML::Dump(node);
        parseResource(node, 0, "x.yaml", d);
        QCOMPARE(YAML::Dump(node), before);
    }
};

QTEST_APPLESS_MAIN(tst_Parse)
#include "tst_parse.moc"
