// compile(): Istio 1.30's ingress gateway rules, turned into the local route table.

#include "compile/compile.h"
#include "compile/compilesession.h"
#include "yaml/loader.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace meshroute;

namespace {

std::string kService();

const std::string kWorkloads = R"(
apiVersion: v1
kind: Service
metadata: {name: tcp-echo}
spec:
  selector: {app: tcp-echo}
  ports:
  - {name: tcp, port: 3333, targetPort: 3333}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tcp-echo-v1}
spec:
  replicas: 2
  selector: {matchLabels: {app: tcp-echo, version: v1}}
  template:
    metadata: {labels: {app: tcp-echo, version: v1}}
    spec:
      containers:
      - name: c
        ports: [{containerPort: 3333}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tcp-echo-v2}
spec:
  selector: {matchLabels: {app: tcp-echo, version: v2}}
  template:
    metadata: {labels: {app: tcp-echo, version: v2}}
    spec:
      serviceAccountName: echo
      containers:
      - name: c
        ports: [{containerPort: 3333}]
)";
const std::string kSubsets = R"(---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: tcp-echo}
spec:
  host: tcp-echo
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
)";

std::string kService()
{
    return kWorkloads + kSubsets;
}

std::string gateway(const std::string &name, int port, const std::string &protocol = "TCP",
                    const std::string &selector = "istio: ingressgateway")
{
    return "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: " + name +
           "}\nspec:\n  selector: {" + selector +
           "}\n  servers:\n  - port: {number: " + std::to_string(port) + ", name: p" + std::to_string(port) +
           ", protocol: " + protocol + "}\n    hosts: ['*']\n";
}

// A Gateway "tls" with one TLS PASSTHROUGH server on 443, for every host.
std::string tlsGateway()
{
    return gateway("tls", 443, "TLS") + "    tls: {mode: PASSTHROUGH}\n";
}

struct Compiled
{
    CompileResult result;
    Diagnostics loadDiagnostics;
    const RouteTable &table() const { return *result.table; }

    const Listener *listener(std::uint32_t port) const
    {
        for (const auto &l : table().listeners) {
            if (l.port == port)
                return &l;
        }
        return nullptr;
    }
    const Cluster &clusterOf(std::uint32_t port, std::size_t destination = 0) const
    {
        const Listener *l = listener(port);
        return table().clusters[table().routes[*l->route].destinations[destination].cluster];
    }
    std::vector<const Diagnostic *> withCode(const char *code) const
    {
        std::vector<const Diagnostic *> out;
        for (const auto &d : result.diagnostics) {
            if (d.code == code)
                out.push_back(&d);
        }
        return out;
    }
};

Compiled compileText(const std::string &yaml)
{
    Compiled c;
    ResourceSet set;
    loadText(set, c.loadDiagnostics, yaml, "test.yaml");
    c.result = compile(set);
    return c;
}

} // namespace

class tst_Compile : public QObject
{
    Q_OBJECT

private slots:
    void tutorialDemo();
    void portOwnershipFirstGatewayWins();
    void httpPortIsNotServedLocally();
    void firstMatchingTcpRuleServesThePort_data();
    void firstMatchingTcpRuleServesThePort();
    void gatewayOnlyAttributesAreKeptAndReported();
    void weights();
    void destinationPort_data();
    void destinationPort();
    void unservableDestinationsStayInTheTable_data();
    void unservableDestinationsStayInTheTable();
    void workloadEntriesAndServiceEntries();
    void resolutionNoneHasNoLocalAddress();
    void policyMergesLikeIstio();
    void demoPods();
    void podTemplateHashFollowsEdits();
    void tlsPassthroughCarriesSniRoutes();
    void sniRouteChoice_data();
    void sniRouteChoice();
    void sessionAnswersAsCompileAndResolveApart();
    void gatewayApiTargetDecidesWhatIsPlayed();
};

void tst_Compile::tutorialDemo()
{
    ResourceSet set;
    LoadResult loaded = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo"});
    QVERIFY(!hasErrors(loaded.diagnostics));
    const CompileResult result = compile(loaded.set);
    QVERIFY(result.diagnostics.empty());
    const RouteTable &t = *result.table;
    QCOMPARE(t.listeners.size(), std::size_t(2));
    QCOMPARE(t.listeners[0].port, 31400u);
    QCOMPARE(t.listeners[0].gateway, std::string("default/tcp-echo-gateway"));
    QCOMPARE(t.listeners[1].gateway, std::string("default/tcp-echo-gateway-v2"));
    QCOMPARE(t.routes[*t.listeners[0].route].name, std::string("default/tcp-echo tcp[0]"));
    QCOMPARE(t.routes[*t.listeners[1].route].name, std::string("default/tcp-echo tcp[1]"));
    const Cluster &v1 = t.clusters[t.routes[*t.listeners[0].route].destinations[0].cluster];
    QCOMPARE(v1.name, std::string("outbound|3333|v1|tcp-echo.default.svc.cluster.local"));
    QCOMPARE(v1.noRoute, std::string());
    QCOMPARE(v1.endpoints.size(), std::size_t(1));
    QCOMPARE(t.pods[std::size_t(v1.endpoints[0].pod)].deployment, std::string("tcp-echo-v1"));
    QCOMPARE(v1.endpoints[0].port, 3333u);
    QCOMPARE(v1.policy.loadBalancer, LoadBalancerKind::LeastRequest);
    QCOMPARE(v1.policy.connectTimeout, Duration(10000));
    QCOMPARE(v1.policy.idleTimeout, Duration(3600000));
    QVERIFY(!v1.policy.maxConnections);
    QVERIFY(!v1.policy.outlier.enabled);
    const Cluster &v2 = t.clusters[t.routes[*t.listeners[1].route].destinations[0].cluster];
    QCOMPARE(t.pods[std::size_t(v2.endpoints[0].pod)].deployment, std::string("tcp-echo-v2"));
    QCOMPARE(t.gatewayNamespace, std::string("istio-system"));
}

void tst_Compile::portOwnershipFirstGatewayWins()
{
    const std::string vs = R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs}
spec:
  hosts: ['*']
  gateways: [first, second]
  tcp:
  - route: [{destination: {host: tcp-echo, subset: v1}}]
)";
    const Compiled c = compileText(kService() + gateway("first", 31400) + gateway("second", 31400) + vs);
    QCOMPARE(c.table().listeners.size(), std::size_t(1));
    QCOMPARE(c.listener(31400)->gateway, std::string("default/first"));
    const auto skipped = c.withCode(codes::SkippedServer);
    QCOMPARE(skipped.size(), std::size_t(1));
    QCOMPARE(skipped[0]->severity, Severity::Warning);
    QCOMPARE(skipped[0]->file, std::string("test.yaml"));
    QVERIFY(skipped[0]->position.line > 0);
    QVERIFY(skipped[0]->message.find("default/second") != std::string::npos);
    QVERIFY(skipped[0]->message.find("default/first") != std::string::npos);
}

void tst_Compile::httpPortIsNotServedLocally()
{
    const Compiled c = compileText(kService() + gateway("web", 80, "HTTP"));
    QVERIFY(c.table().listeners.empty());
    const auto info = c.withCode(codes::HttpPortNotServed);
    QCOMPARE(info.size(), std::size_t(1));
    QCOMPARE(info[0]->severity, Severity::Info);
    QVERIFY(info[0]->message.find("port 80") != std::string::npos);
}

void tst_Compile::firstMatchingTcpRuleServesThePort_data()
{
    QTest::addColumn<QString>("virtualServices");
    QTest::addColumn<QString>("subset"); // empty: no listener (MR0011)

    const QString head = "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n";
    QTest::newRow("a rule whose port does not match is passed over")
        << head + "metadata: {name: a}\nspec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n"
                  "  - match: [{port: 9999}]\n    route: [{destination: {host: tcp-echo, subset: v2}}]\n"
                  "  - match: [{port: 31400}]\n    route: [{destination: {host: tcp-echo, subset: v1}}]\n"
        << "v1";
    QTest::newRow("a rule without match serves every port")
        << head + "metadata: {name: a}\nspec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n"
                  "  - route: [{destination: {host: tcp-echo, subset: v2}}]\n"
        << "v2";
    QTest::newRow("the first VirtualService in file order wins")
        << head +
               "metadata: {name: a}\nspec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n"
               "  - route: [{destination: {host: tcp-echo, subset: v2}}]\n" +
               head +
               "metadata: {name: b}\nspec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n"
               "  - route: [{destination: {host: tcp-echo, subset: v1}}]\n"
        << "v2";
    QTest::newRow("mesh binds nothing at a gateway")
        << head + "metadata: {name: a}\nspec:\n  hosts: ['*']\n  tcp:\n"
                  "  - route: [{destination: {host: tcp-echo, subset: v1}}]\n"
        << "";
    QTest::newRow("match-level gateways narrow, never bind")
        << head +
               "metadata: {name: a}\nspec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n"
               "  - match: [{gateways: [other]}]\n    route: [{destination: {host: tcp-echo, subset: v2}}]\n"
               "  - match: [{gateways: [default/gw]}]\n    route: [{destination: {host: tcp-echo, subset: "
               "v1}}]\n"
        << "v1";
    QTest::newRow("a short gateway name means the VirtualService's own namespace")
        << head + "metadata: {name: a, namespace: apps}\nspec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n"
                  "  - route: [{destination: {host: tcp-echo.default.svc.cluster.local, subset: v1}}]\n"
        << "";
    QTest::newRow("exportTo . hides it from the gateway's namespace")
        << head + "metadata: {name: a}\nspec:\n  hosts: ['*']\n  gateways: [gw]\n  exportTo: ['.']\n  tcp:\n"
                  "  - route: [{destination: {host: tcp-echo, subset: v1}}]\n"
        << "";
    QTest::newRow("bound from another namespace with ns/name")
        << head +
               "metadata: {name: a, namespace: apps}\nspec:\n  hosts: ['*']\n  gateways: [default/gw]\n"
               "  tcp:\n  - route: [{destination: {host: tcp-echo.default.svc.cluster.local, subset: v1}}]\n"
        << "v1";
}

void tst_Compile::firstMatchingTcpRuleServesThePort()
{
    QFETCH(QString, virtualServices);
    QFETCH(QString, subset);
    const Compiled c = compileText(kService() + gateway("gw", 31400) + virtualServices.toStdString());
    QVERIFY(!hasErrors(c.loadDiagnostics));
    if (subset.isEmpty()) {
        QVERIFY(!c.listener(31400));
        const auto why = c.withCode(codes::PortWithoutRoute);
        QCOMPARE(why.size(), std::size_t(1));
        QVERIFY(why[0]->message.find("port 31400 of Gateway default/gw gets no listener: ") !=
                std::string::npos);
        return;
    }
    QVERIFY(c.listener(31400));
    QCOMPARE(c.clusterOf(31400).subset, subset.toStdString());
    QVERIFY(c.withCode(codes::PortWithoutRoute).empty());
}

void tst_Compile::gatewayOnlyAttributesAreKeptAndReported()
{
    const std::string text = kService() + gateway("gw", 31400) + R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs}
spec:
  hosts: ['*']
  gateways: [gw]
  tcp:
  - match:
    - port: 31400
      sourceLabels: {app: client}
      sourceNamespace: other
    route: [{destination: {host: tcp-echo, subset: v1}}]
)";
    const Compiled c = compileText(text);
    const auto matchLine =
        1 + std::count(text.begin(), text.begin() + long(text.find("    - port: 31400")), '\n');
    QVERIFY(c.listener(31400)); // the rule still serves every client
    const auto ignored = c.withCode(codes::NoEffectAtGateway);
    QCOMPARE(ignored.size(), std::size_t(2));
    QVERIFY(ignored[0]->message.find("sourceLabels") != std::string::npos);
    QVERIFY(ignored[1]->message.find("sourceNamespace") != std::string::npos);
    QCOMPARE(ignored[0]->position.line, int(matchLine));
}

void tst_Compile::weights()
{
    const Compiled c = compileText(kService() + gateway("gw", 31400) + gateway("gw2", 31401) +
                                   gateway("gw3", 31402) + gateway("gw4", 31403) +
                                   R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs}
spec:
  hosts: ['*']
  gateways: [gw, gw2, gw3, gw4]
  tcp:
  - match: [{port: 31400}]
    route:
    - {destination: {host: tcp-echo, subset: v1}, weight: 80}
    - {destination: {host: tcp-echo, subset: v2}, weight: 20}
  - match: [{port: 31401}]
    route:
    - {destination: {host: tcp-echo, subset: v1}}
  - match: [{port: 31402}]
    route:
    - {destination: {host: tcp-echo, subset: v1}, weight: 0}
    - {destination: {host: tcp-echo, subset: v2}, weight: 3}
  - match: [{port: 31403}]
    route:
    - {destination: {host: tcp-echo, subset: v2}, weight: 0}
)");
    const auto &split = c.table().routes[*c.listener(31400)->route].destinations;
    QCOMPARE(split.size(), std::size_t(2));
    QCOMPARE(split[0].weight, 80u);
    QCOMPARE(split[1].weight, 20u);
    QCOMPARE(c.table().routes[*c.listener(31401)->route].destinations[0].weight, 100u);
    const auto &zero = c.table().routes[*c.listener(31402)->route].destinations;
    QCOMPARE(zero[0].weight, 0u);
    QCOMPARE(zero[1].weight, 3u);
    // A single destination takes everything whatever its weight, 0 included: Istio reads no weight
    // there (buildOutboundNetworkFilters), as the analysis says (MR0009 weight-single-not-100).
    QCOMPARE(c.table().routes[*c.listener(31403)->route].destinations[0].weight, 100u);
    // One cluster per destination, shared by routes.
    QCOMPARE(split[0].cluster, zero[0].cluster);
}

void tst_Compile::destinationPort_data()
{
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("servicePorts");
    QTest::addColumn<uint>("port");
    QTest::addColumn<uint>("endpointPort");
    QTest::newRow("explicit") << "{host: svc, port: {number: 4000}}"
                              << "[{name: a, port: 3333}, {name: b, port: 4000, targetPort: 4001}]" << 4000u
                              << 4001u;
    QTest::newRow("the service's only port") << "{host: svc}"
                                             << "[{name: a, port: 3333, targetPort: 9000}]" << 3333u << 9000u;
    QTest::newRow("else the listener's port")
        << "{host: svc}"
        << "[{name: a, port: 3333}, {name: b, port: 31400}]" << 31400u << 31400u;
}

void tst_Compile::destinationPort()
{
    QFETCH(QString, destination);
    QFETCH(QString, servicePorts);
    QFETCH(uint, port);
    QFETCH(uint, endpointPort);
    const Compiled c =
        compileText(gateway("gw", 31400) +
                    "---\napiVersion: v1\nkind: Service\nmetadata: {name: svc}\n"
                    "spec:\n  selector: {app: a}\n  ports: " +
                    servicePorts.toStdString() +
                    "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n"
                    "  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n"
                    "    spec: {containers: [{name: c}]}\n"
                    "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v}\n"
                    "spec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n  - route: [{destination: " +
                    destination.toStdString() + "}]\n");
    QVERIFY(!hasErrors(c.loadDiagnostics));
    const Cluster &cluster = c.clusterOf(31400);
    QCOMPARE(cluster.port, port);
    QCOMPARE(cluster.endpoints.size(), std::size_t(1));
    QCOMPARE(cluster.endpoints[0].port, endpointPort);
}

void tst_Compile::unservableDestinationsStayInTheTable_data()
{
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("why");
    QTest::newRow("undefined subset") << "{host: tcp-echo, subset: v3}"
                                      << "subset \"v3\" is not defined in DestinationRule default/tcp-echo";
    QTest::newRow("unknown host")
        << "{host: nowhere}"
        << "unknown host nowhere.default.svc.cluster.local: no Service or ServiceEntry "
           "defines it";
    QTest::newRow("service without that port") << "{host: tcp-echo, port: {number: 1}}"
                                               << "Service default/tcp-echo has no port 1";
}

void tst_Compile::unservableDestinationsStayInTheTable()
{
    QFETCH(QString, destination);
    QFETCH(QString, why);
    const Compiled c =
        compileText(kService() + gateway("gw", 31400) +
                    "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v}\n"
                    "spec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n  - route: [{destination: " +
                    destination.toStdString() + "}]\n");
    QVERIFY(c.listener(31400)); // the connection is accepted, then closed
    QCOMPARE(c.clusterOf(31400).noRoute, why.toStdString());
    QVERIFY(c.clusterOf(31400).endpoints.empty());
}

// Envoy sends a resolution NONE ServiceEntry's traffic to the address the client dialled; the
// local gateway has none, so its connections close, and the user is told once, not per route.
void tst_Compile::resolutionNoneHasNoLocalAddress()
{
    const Compiled c = compileText(gateway("gw", 31400) + gateway("gw2", 31401) + R"(---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: db}
spec:
  hosts: [db.example.com]
  resolution: NONE
  ports: [{number: 5432, name: tcp, protocol: TCP}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v}
spec:
  hosts: ['*']
  gateways: [gw, gw2]
  tcp:
  - match: [{port: 31400}]
    route: [{destination: {host: db.example.com, port: {number: 5432}}}]
  - match: [{port: 31401}]
    route: [{destination: {host: db.example.com, port: {number: 5432}}}]
)");
    QVERIFY(c.listener(31400) && c.listener(31401));
    QCOMPARE(c.clusterOf(31400).noRoute,
             std::string("ServiceEntry default/db has resolution NONE: no address to connect to locally"));
    QVERIFY(c.clusterOf(31400).endpoints.empty());
    const auto found = c.withCode(codes::NoLocalAddress);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found[0]->severity, Severity::Warning);
    QCOMPARE(found[0]->resource.display(), std::string("ServiceEntry default/db"));
    QVERIFY(found[0]->message.find("db.example.com:5432") != std::string::npos);
}

void tst_Compile::workloadEntriesAndServiceEntries()
{
    const Compiled c = compileText(gateway("gw", 31400) + gateway("gw2", 31401) + R"(---
apiVersion: v1
kind: Service
metadata: {name: local}
spec:
  selector: {app: local}
  ports: [{name: tcp, port: 3333, targetPort: 3333}]
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: my-process}
spec:
  address: 127.0.0.1
  labels: {app: local, version: v1}
  ports: {tcp: 9000}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: backends}
spec:
  hosts: [backend.example.com]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{number: 7000, name: tcp, protocol: TCP, targetPort: 7001}]
  endpoints:
  - {address: 127.0.0.2, labels: {version: a}}
  - {address: 127.0.0.3, labels: {version: b}, ports: {tcp: 7777}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: backends}
spec:
  host: backend.example.com
  subsets: [{name: b, labels: {version: b}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v}
spec:
  hosts: ['*']
  gateways: [gw, gw2]
  tcp:
  - match: [{port: 31400}]
    route: [{destination: {host: local}}]
  - match: [{port: 31401}]
    route:
    - {destination: {host: backend.example.com}, weight: 50}
    - {destination: {host: backend.example.com, subset: b}, weight: 50}
)");
    QVERIFY(!hasErrors(c.loadDiagnostics));
    QVERIFY(c.table().pods.empty()); // real addresses get no demo pod
    const Cluster &local = c.clusterOf(31400);
    QCOMPARE(local.endpoints.size(), std::size_t(1));
    QCOMPARE(local.endpoints[0].address, std::string("127.0.0.1"));
    QCOMPARE(local.endpoints[0].port, 9000u); // the WorkloadEntry's port map wins over targetPort
    QCOMPARE(local.endpoints[0].workload, std::string("my-process"));
    QCOMPARE(local.endpoints[0].pod, -1);

    const Cluster &all = c.clusterOf(31401, 0);
    QCOMPARE(all.port, 7000u);
    QCOMPARE(all.endpoints.size(), std::size_t(2));
    QCOMPARE(all.endpoints[0].name, std::string("127.0.0.2:7001"));
    QCOMPARE(all.endpoints[1].name, std::string("127.0.0.3:7777"));
    const Cluster &b = c.clusterOf(31401, 1);
    QCOMPARE(b.endpoints.size(), std::size_t(1));
    QCOMPARE(b.endpoints[0].address, std::string("127.0.0.3"));
}

void tst_Compile::policyMergesLikeIstio()
{
    const Compiled c = compileText(kWorkloads + gateway("gw", 31400) + gateway("gw2", 31401) + R"(---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: tcp-echo, namespace: default}
spec:
  host: tcp-echo.default.svc.cluster.local
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    connectionPool: {tcp: {maxConnections: 5, connectTimeout: 2s, idleTimeout: 30s}}
    outlierDetection: {consecutive5xxErrors: 3, baseEjectionTime: 1m, maxEjectionPercent: 50}
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      loadBalancer: {consistentHash: {useSourceIp: true}}
  - name: v2
    labels: {version: v2}
    trafficPolicy:
      portLevelSettings:
      - port: {number: 3333}
        loadBalancer: {simple: RANDOM}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v}
spec:
  hosts: ['*']
  gateways: [gw, gw2]
  tcp:
  - match: [{port: 31400}]
    route: [{destination: {host: tcp-echo, subset: v1}}]
  - match: [{port: 31401}]
    route: [{destination: {host: tcp-echo, subset: v2}}]
)");
    // The subset overrides the load balancer and inherits the rest.
    const ClusterPolicy &v1 = c.clusterOf(31400).policy;
    QCOMPARE(v1.loadBalancer, LoadBalancerKind::SourceIpHash);
    QCOMPARE(v1.maxConnections.value_or(0), 5u);
    QCOMPARE(v1.connectTimeout, Duration(2000));
    QCOMPARE(v1.idleTimeout, Duration(30000));
    QVERIFY(v1.outlier.enabled);
    QCOMPARE(v1.outlier.consecutiveFailures, 3u);
    QCOMPARE(v1.outlier.baseEjectionTime, Duration(60000));
    QCOMPARE(v1.outlier.maxEjectionPercent, 50);
    // Port-level settings replace without inheriting: defaults for what they leave out.
    const ClusterPolicy &v2 = c.clusterOf(31401).policy;
    QCOMPARE(v2.loadBalancer, LoadBalancerKind::Random);
    QVERIFY(!v2.maxConnections);
    QCOMPARE(v2.connectTimeout, Duration(10000));
    QVERIFY(!v2.outlier.enabled);
}

void tst_Compile::demoPods()
{
    const Compiled c = compileText(kService());
    const auto &pods = c.table().pods;
    QCOMPARE(pods.size(), std::size_t(3)); // v1 has two replicas
    const QRegularExpression name(
        "^tcp-echo-v1-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$");
    QVERIFY(name.match(QString::fromStdString(pods[0].name)).hasMatch());
    QVERIFY(pods[0].name != pods[1].name);
    // Replicas share the template hash, not the suffix.
    QCOMPARE(pods[0].name.substr(0, pods[0].name.size() - 5),
             pods[1].name.substr(0, pods[1].name.size() - 5));
    QVERIFY(pods[2].name.starts_with("tcp-echo-v2-"));
    QCOMPARE(pods[0].serviceAccount, std::string("default"));
    QCOMPARE(pods[2].serviceAccount, std::string("echo"));
    QVERIFY(pods[0].ip != pods[1].ip);
    QVERIFY(pods[0].ip.starts_with("10."));
    QCOMPARE(pods[0].labels.at("version"), std::string("v1"));
    QCOMPARE(pods[0].ports.at(0).containerPort, 3333u);
    // Deterministic: the same input, the same names.
    QCOMPARE(compileText(kService()).table().pods[0].name, pods[0].name);
}

// The template hash is worked out once per parsed spec (compile runs per keystroke in the studio):
// an edit of the template, which re-parses, gives the hash of the new template, as a fresh load does.
void tst_Compile::podTemplateHashFollowsEdits()
{
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, kService(), "test.yaml");
    const Resource *v1 = set.find(Kind::Deployment, "default", "tcp-echo-v1");
    QVERIFY(v1);
    const auto index = static_cast<std::size_t>(v1 - set.resources.data());
    const std::string before = podTemplateHash(set.resources[index], set.defaultNamespace);
    QCOMPARE(podTemplateHash(set.resources[index], set.defaultNamespace), before); // asked again
    const ResourceSet copy = set;
    QCOMPARE(podTemplateHash(copy.resources[index], copy.defaultNamespace), before);

    YAML::Node edited = YAML::Clone(set.resources[index].node);
    edited["spec"]["template"]["metadata"]["labels"]["edited"] = "yes";
    QVERIFY(set.replaceNode(index, edited).empty());
    const std::string after = podTemplateHash(set.resources[index], set.defaultNamespace);
    QVERIFY(after != before);
    QVERIFY(compile(set).table->pods[0].name.find(after) != std::string::npos);
    // The same as a set loaded from the edited text.
    ResourceSet fresh;
    loadText(fresh, diagnostics, YAML::Dump(edited), "edited.yaml");
    QCOMPARE(podTemplateHash(fresh.resources[0], fresh.defaultNamespace), after);
    // The copy taken before the edit keeps its own node's answer.
    QCOMPARE(podTemplateHash(copy.resources[index], copy.defaultNamespace), before);
}

void tst_Compile::tlsPassthroughCarriesSniRoutes()
{
    const Compiled c = compileText(kService() + tlsGateway() + R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v}
spec:
  hosts: [echo.example.com]
  gateways: [tls]
  tls:
  - match: [{port: 443, sniHosts: [echo.example.com]}]
    route: [{destination: {host: tcp-echo, subset: v1}}]
)");
    const Listener *l = c.listener(443);
    QVERIFY(l);
    QVERIFY(!l->route);
    QCOMPARE(l->tlsMode, std::string("PASSTHROUGH"));
    QCOMPARE(l->sniRoutes.size(), std::size_t(1));
    QCOMPARE(l->sniRoutes[0].sniHosts, std::vector<std::string>{"echo.example.com"});
    const Route &route = c.table().routes.at(l->sniRoutes[0].route);
    QCOMPARE(route.name, std::string("default/v tls[0]"));
    QCOMPARE(route.section, std::string("tls"));
    QCOMPARE(route.rule, 0);
    QCOMPARE(c.table().clusters[route.destinations[0].cluster].subset, std::string("v1"));
    QCOMPARE(findSniRoute(*l, "echo.example.com"), std::optional<std::size_t>(l->sniRoutes[0].route));
    QCOMPARE(findSniRoute(*l, "other.example.com"), std::nullopt);
    QCOMPARE(findSniRoute(*l, ""), std::nullopt);
}

// Envoy's filter chain choice among the chains Istio builds from tls rules: the most specific
// name, the first rule among equals; "*" takes anything, also a connection without SNI.
void tst_Compile::sniRouteChoice_data()
{
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QString>("expected"); // route name, or empty for none

    QTest::newRow("exact beats every wildcard") << "api.example.com"
                                                << "default/v tls[1]";
    QTest::newRow("case does not matter") << "API.Example.COM"
                                          << "default/v tls[1]";
    QTest::newRow("trailing dot") << "api.example.com."
                                  << "default/v tls[1]";
    QTest::newRow("longest wildcard suffix") << "x.shop.example.com"
                                             << "default/v tls[2]";
    QTest::newRow("wildcard spans labels") << "a.b.example.com"
                                           << "default/v tls[0]";
    QTest::newRow("wildcard needs a label") << "example.com"
                                            << "default/v tls[3]";
    QTest::newRow("first rule among equals") << "db.example.com"
                                             << "default/v tls[0]";
    QTest::newRow("catch-all") << "elsewhere.org"
                               << "default/v tls[3]";
    QTest::newRow("no SNI takes the catch-all") << ""
                                                << "default/v tls[3]";
}

void tst_Compile::sniRouteChoice()
{
    QFETCH(QString, serverName);
    QFETCH(QString, expected);
    const Compiled c = compileText(kService() + tlsGateway() + R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v}
spec:
  hosts: ['*']
  gateways: [tls]
  tls:
  - match: [{port: 443, sniHosts: ['*.example.com', db.example.com]}]
    route: [{destination: {host: tcp-echo, subset: v1}}]
  - match: [{sniHosts: [api.example.com]}]
    route: [{destination: {host: tcp-echo, subset: v2}}]
  - match: [{sniHosts: ['*.shop.example.com', db.example.com]}]
    route: [{destination: {host: tcp-echo, subset: v2}}]
  - match: [{sniHosts: ['*']}]
    route: [{destination: {host: tcp-echo, subset: v1}}]
  - match: [{port: 8443, sniHosts: [other.example.com]}]
    route: [{destination: {host: tcp-echo, subset: v1}}]
)");
    const Listener *l = c.listener(443);
    QVERIFY(l);
    QCOMPARE(l->sniRoutes.size(), std::size_t(4)); // the 8443 rule does not match this port
    const auto found = findSniRoute(*l, serverName.toStdString());
    QCOMPARE(found ? QString::fromStdString(c.table().routes.at(*found).name) : QString(), expected);
}

namespace {

// What a cluster resolves to, as one comparable line per endpoint.
std::string summary(const Cluster &c)
{
    std::string out = c.name + " [" + std::to_string(static_cast<int>(c.noRouteReason)) + "] " + c.noRoute;
    for (const Endpoint &e : c.endpoints)
        out += "\n  " + e.name + " " + e.workloadNamespace + "/" + e.workload + ":" + std::to_string(e.port) +
               " pod " + std::to_string(e.pod);
    return out;
}

} // namespace

// The studio's graph compiles once and resolves what no listener routes to with the same pods and
// caches (CompileSession): its answers are compile()'s and resolveDestinations()'s apart, also with
// workloads in several namespaces (found through a per-namespace index) and asked twice.
void tst_Compile::sessionAnswersAsCompileAndResolveApart()
{
    std::string yaml = gateway("gw", 31400) + R"(---
apiVersion: v1
kind: Service
metadata: {name: local}
spec:
  selector: {app: local}
  ports: [{name: tcp, port: 3333}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: local-v1}
spec:
  replicas: 2
  template: {metadata: {labels: {app: local, version: v1}}}
---
apiVersion: v1
kind: Service
metadata: {name: local, namespace: b}
spec:
  selector: {app: local}
  ports: [{name: tcp, port: 3333}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: local-b, namespace: b}
spec:
  replicas: 1
  template: {metadata: {labels: {app: local, version: v2}}}
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: process-b, namespace: b}
spec:
  address: 127.0.0.9
  labels: {app: local, version: v1}
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: process}
spec:
  address: 127.0.0.8
  labels: {app: local, version: v2}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: local}
spec:
  host: local
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: selected, namespace: b}
spec:
  hosts: [selected.example.com]
  resolution: STATIC
  ports: [{number: 7000, name: tcp, protocol: TCP}]
  workloadSelector: {labels: {app: local}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v}
spec:
  hosts: ['*']
  gateways: [gw]
  tcp:
  - match: [{port: 31400}]
    route: [{destination: {host: local, subset: v1}}]
)";
    ResourceSet set;
    Diagnostics load;
    loadText(set, load, yaml, "test.yaml");
    QVERIFY(!hasErrors(load));

    const CompileResult apart = compile(set);
    CompileSession session(set);
    const RouteTable &table = *session.result().table;
    QCOMPARE(table.clusters.size(), apart.table->clusters.size());
    for (std::size_t i = 0; i < table.clusters.size(); ++i)
        QCOMPARE(summary(table.clusters[i]), summary(apart.table->clusters[i]));
    QCOMPARE(table.pods.size(), apart.table->pods.size());
    QCOMPARE(session.result().diagnostics.size(), apart.diagnostics.size());

    const std::vector<DestinationRef> refs{
        {"local", "v1", std::nullopt, "default"}, // the table has it
        {"local", "v2", std::nullopt, "default"}, // a Deployment in b has those labels too
        {"local", "", std::nullopt, "b"},         // the Deployment and the WorkloadEntry of b only
        {"local.b.svc.cluster.local", "v1", std::nullopt, {}},
        {"selected.example.com", "", std::nullopt, "b"},
        {"local", "v3", std::nullopt, "default"}, // undefined subset
        {"nowhere", "", std::nullopt, "default"}, // unknown host
        {"local", "", 4444u, "default"},          // no such port
    };
    const std::vector<Cluster> expected = resolveDestinations(set, refs);
    for (int round = 0; round < 2; ++round) {
        const std::vector<Cluster> got = session.resolveDestinations(refs);
        QCOMPARE(got.size(), expected.size());
        for (std::size_t i = 0; i < got.size(); ++i)
            QCOMPARE(summary(got[i]), summary(expected[i]));
    }
    // The namespace index keeps each Service to its own namespace's workloads.
    QCOMPARE(expected[1].endpoints.size(), std::size_t(1));
    QCOMPARE(expected[1].endpoints[0].workload, std::string("process"));
    QCOMPARE(expected[2].endpoints.size(), std::size_t(2));
    QCOMPARE(expected[2].endpoints[0].workload, std::string("local-b"));
    QCOMPARE(expected[2].endpoints[1].workload, std::string("process-b"));
    QCOMPARE(expected[4].endpoints.size(), std::size_t(2));
}

// The local gateway serves what the target cluster's Istio reads: a TCPRoute v1 meets Istio 1.30
// (which watches v1alpha2 only, not served by the v1.6.0 standard CRDs) as nothing, and compile
// says so with analysis's MR0027; without a target every route is played, as before targets.
void tst_Compile::gatewayApiTargetDecidesWhatIsPlayed()
{
    QFile file(QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/core/gatewayapi/data/tutorial-gateway-api.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const std::string v1Routes =
        file.readAll()
            .replace("gateway.networking.k8s.io/v1alpha2", "gateway.networking.k8s.io/v1")
            .toStdString();
    ResourceSet set;
    Diagnostics load;
    loadText(set, load, v1Routes, "tutorial-v1.yaml");
    QVERIFY(!hasErrors(load));
    const auto routed = [](const RouteTable &t) {
        int n = 0;
        for (const Listener &l : t.listeners)
            n += l.route ? 1 : 0;
        return n;
    };

    const CompileResult untargeted = compile(set);
    QCOMPARE(routed(*untargeted.table), 2);
    QVERIFY(std::none_of(untargeted.diagnostics.begin(), untargeted.diagnostics.end(),
                         [](const Diagnostic &d) { return d.code == "MR0027"; }));

    CompileOptions options;
    options.gatewayApiTarget =
        gatewayapi::parseTarget("istio=1.30,gateway-api=v1.6.0,channel=standard").target;
    QVERIFY(options.gatewayApiTarget);
    const CompileResult targeted = compile(set, options);
    QCOMPARE(routed(*targeted.table), 0);
    // Analysis's findings, as analysis gives them: one per ignored route, at its apiVersion.
    const Diagnostics expected = gatewayapi::targetDiagnostics(set, *options.gatewayApiTarget);
    QCOMPARE(expected.size(), std::size_t(2));
    std::vector<std::string> found;
    for (const Diagnostic &d : targeted.diagnostics)
        if (d.code == "MR0027")
            found.push_back(d.file + ":" + std::to_string(d.position.line) + " " + d.message);
    QCOMPARE(found.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(found[i], expected[i].file + ":" + std::to_string(expected[i].position.line) + " " +
                               expected[i].message);

    // The graph's session plays the same.
    CompileSession session(set, options);
    QCOMPARE(routed(*session.result().table), 0);
    QCOMPARE(session.result().diagnostics.size(), targeted.diagnostics.size());

    // The cluster the routes are written for (Istio 1.31 reads TCPRoute v1) plays them.
    options.gatewayApiTarget =
        gatewayapi::parseTarget("istio=1.31,gateway-api=v1.6.0,channel=standard").target;
    QCOMPARE(routed(*compile(set, options).table), 2);
}

QTEST_GUILESS_MAIN(tst_Compile)
#include "tst_compile.moc"
