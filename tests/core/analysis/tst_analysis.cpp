// Cross-resource checks: one fixture per diagnostic case (code, severity, line,
// column), and the name resolution the checks rely on.

#include "analysis/analyzer.h"
#include "compile/compile.h"
#include "yaml/loader.h"

#include <QDir>
#include <QTest>

#include <algorithm>

using namespace meshroute;

namespace {

const QString kData = QStringLiteral(MESHROUTE_TEST_DATA "/data");

// "IST0101 error 12:7"
QString brief(const Diagnostic &d)
{
    return QStringLiteral("%1 %2 %3:%4")
        .arg(QString::fromStdString(d.code), QString::fromLatin1(severityName(d.severity)))
        .arg(d.position.line)
        .arg(d.position.column);
}

QStringList briefs(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out << brief(d);
    return out;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.format());
    return lines.join(QLatin1Char('\n'));
}

struct Analysed
{
    ResourceSet set;
    Diagnostics load;
    Diagnostics found;
};

Analysed analyseText(const std::string &text, const AnalysisOptions &options = {},
                     const std::string &defaultNamespace = "default")
{
    Analysed a;
    a.set.defaultNamespace = defaultNamespace;
    loadText(a.set, a.load, text, "input.yaml");
    a.found = analyze(a.set, options);
    return a;
}

QStringList codesOf(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out << QString::fromStdString(d.code);
    return out;
}

const Diagnostic *first(const Diagnostics &diagnostics, const char *code)
{
    const auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                                 [&](const Diagnostic &d) { return d.code == code; });
    return it == diagnostics.end() ? nullptr : &*it;
}

// Every path of mapping keys under `node` (sequence items are entered, not named).
void collectKeyPaths(const YAML::Node &node, std::vector<std::string> prefix,
                     std::vector<std::vector<std::string>> &out)
{
    if (node.IsMap()) {
        for (const auto &entry : node) {
            if (!entry.first.IsScalar())
                continue;
            std::vector<std::string> path = prefix;
            path.push_back(entry.first.Scalar());
            out.push_back(path);
            collectKeyPaths(entry.second, path, out);
        }
    } else if (node.IsSequence()) {
        for (const auto &item : node) {
            std::vector<std::string> path = prefix;
            path.push_back("#");
            collectKeyPaths(item, path, out);
        }
    }
}

// Variant 0 removes the key, 1 makes it null, 2 an empty list, 3 a map (in every list item on the way).
void damage(YAML::Node node, const std::vector<std::string> &path, int variant, std::size_t depth = 0)
{
    const std::string &step = path[depth];
    if (step == "#") {
        if (!node.IsSequence())
            return;
        for (std::size_t k = 0; k < node.size(); ++k)
            damage(node[k], path, variant, depth + 1);
        return;
    }
    if (!node.IsMap() || !node[step])
        return;
    if (depth + 1 < path.size()) {
        damage(node[step], path, variant, depth + 1);
        return;
    }
    switch (variant) {
    case 0:
        node.remove(step);
        break;
    case 1:
        node[step] = YAML::Node(YAML::NodeType::Null);
        break;
    case 2:
        node[step] = YAML::Node(YAML::NodeType::Sequence);
        break;
    default:
        node[step] = YAML::Load("{a: 1}");
        break;
    }
}

} // namespace

class tst_Analysis : public QObject
{
    Q_OBJECT

private slots:
    // Every fixture in data/ produces exactly the findings listed, in reading order.
    void fixtures_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("fragment"); // part of the first finding's message

        QTest::newRow("gateway not found")
            << "IST0101-gateway-not-found.yaml" << QStringList{"IST0101 error 11:7", "IST0132 warning 11:7"}
            << "gateway \"echo-gateway\" not found: there is no Gateway "
               "default/echo-gateway";
        QTest::newRow("subset not defined in the DestinationRule")
            << "IST0101-subset-not-defined.yaml" << QStringList{"IST0101 error 53:21"}
            << "subset \"v3\" is not defined in DestinationRule default/tcp-echo (it defines v1)";
        QTest::newRow("mirror subset without any DestinationRule")
            << "IST0101-mirror-subset.yaml" << QStringList{"IST0101 error 16:17"}
            << "mirror subset \"shadow\" of host \"reviews\" is not defined: no DestinationRule has host "
               "reviews.shop.svc.cluster.local";
        QTest::newRow("destination port not on the Service")
            << "IST0101-destination-port.yaml" << QStringList{"IST0101 error 23:23"}
            << "port 9001 of host \"tcp-echo.default.svc.cluster.local\" not found: Service default/tcp-echo "
               "has "
               "9000";
        QTest::newRow("subset defined in a DestinationRule not exported here")
            << "IST0101-subset-not-exported.yaml" << QStringList{"IST0101 error 37:21"}
            << "subset \"v1\" is defined in DestinationRule backend/echo, which is not exported to namespace "
               "front";
        QTest::newRow("multi-port Service needs a destination port")
            << "IST0112-port-required.yaml" << QStringList{"IST0112 error 23:13"}
            << "destination \"db\" needs a port: Service default/db has several (5000, 5001)";
        QTest::newRow("port name without protocol prefix")
            << "IST0118-port-name.yaml" << QStringList{"IST0118 info 10:13"}
            << "port 9001 of Service default/echo is named \"echo\", which does not follow Istio's";
        QTest::newRow("unnamed port") << "IST0118-unnamed-port.yaml" << QStringList{"IST0118 info 8:7"}
                                      << "port 9000 of Service default/echo has no name and no appProtocol";
        QTest::newRow("second rule without match")
            << "IST0130-second-rule-without-match.yaml" << QStringList{"IST0130 warning 13:7"}
            << "tcp rule #1 is never used: only the last rule may have no match, and tcp rule #0 has none";
        QTest::newRow("rule after a catch-all rule")
            << "IST0130-after-catch-all.yaml" << QStringList{"IST0130 warning 14:7", "IST0130 warning 19:7"}
            << "tcp rule #1 is never used: tcp rule #0 before it has no match and takes all traffic";
        QTest::newRow("http rule whose every match came earlier")
            << "IST0130-all-matches-duplicated.yaml"
            << QStringList{"IST0130 warning 17:7", "IST0131 info 19:11"}
            << "http rule \"products again\" is never used: all its matches are used by earlier rules";
        QTest::newRow("tls match repeated from an earlier rule")
            << "IST0131-duplicate-match.yaml" << QStringList{"IST0131 info 18:11"}
            << "match #0 of tls rule #1 is never used: tls rule #0 has the same match";
        QTest::newRow("VirtualService host not among the server hosts")
            << "IST0132-host-not-in-gateway.yaml" << QStringList{"IST0132 warning 25:7"}
            << "no host of VirtualService default/shop [shop.example.org] is served by Gateway "
               "default/web-gateway: "
               "its server hosts are *.example.com";
        QTest::newRow("server host admits another namespace only")
            << "IST0132-namespace-restricted.yaml" << QStringList{"IST0132 warning 26:7"}
            << "its server hosts are edge/*";
        QTest::newRow("two gateways on one port with overlapping hosts")
            << "IST0145-conflicting-gateways.yaml" << QStringList{"IST0145 error 11:9", "IST0145 error 26:9"}
            << "port 31400 of Gateway default/first conflicts with Gateway default/second: both select "
               "istio=ingressgateway and serve host \"*\" on that port";
        QTest::newRow("port missing from the default ingress Service")
            << "IST0162-port-not-on-default-service.yaml" << QStringList{"IST0162 warning 17:9"}
            << "port 31401 of Gateway default/echo-gateway is not exposed by the default ingress gateway "
               "Service "
               "(ports 80, 443, 15443, 31400)";
        QTest::newRow("port missing from the ingress Service in the input")
            << "IST0162-port-not-on-input-service.yaml" << QStringList{"IST0162 warning 38:9"}
            << "port 9000 of Gateway default/echo-gateway is not exposed by Service gateways/my-ingress "
               "(ports "
               "80\u2192"
               "8080)";
        QTest::newRow("subset selecting no workload")
            << "IST0173-subset-selects-nothing.yaml" << QStringList{"IST0173 error 41:13"}
            << "subset \"v2\" of DestinationRule default/tcp-echo selects no workload: no workload of "
               "Service "
               "default/tcp-echo has the labels version=v2";
        QTest::newRow("DestinationRule host unknown")
            << "IST0174-unknown-host.yaml" << QStringList{"IST0174 warning 7:9"}
            << "host \"ratings\" of DestinationRule default/ratings (ratings.default.svc.cluster.local) "
               "matches no "
               "Service or ServiceEntry";
        QTest::newRow("same kind, namespace and name twice")
            << "MR0008-duplicate-name.yaml" << QStringList{"MR0008 error 21:9"}
            << "DestinationRule default/echo is defined twice (first at";
        QTest::newRow("weights totalling 110")
            << "MR0009-weights-not-100.yaml" << QStringList{"MR0009 warning 13:19"}
            << "the weights of the 2 destinations of tcp rule #0 total 110, not 100; Istio 1.14 and older "
               "reject "
               "this";
        QTest::newRow("several destinations without weights")
            << "MR0009-weights-all-zero.yaml" << QStringList{"MR0009 error 11:11"}
            << "the weights of the 2 destinations of tcp rule #0 are all 0 or missing, so no destination "
               "takes "
               "traffic; Istio rejects a total of 0";
        QTest::newRow("single destination with weight 50")
            << "MR0009-single-destination-weight.yaml" << QStringList{"MR0009 warning 13:19"}
            << "the only destination of tcp rule #0 has weight 50, but a single destination takes all "
               "traffic";
        QTest::newRow("sourceLabels at a gateway")
            << "MR0010-source-labels-at-gateway.yaml" << QStringList{"MR0010 warning 29:11"}
            << "sourceLabels of tcp rule #0 match #0 has no effect at Gateway default/echo-gateway: a "
               "gateway "
               "matches tcp rules on port and gateways only";
        QTest::newRow("match-level gateway the VirtualService is not bound to")
            << "MR0010-unbound-match-gateway.yaml" << QStringList{"MR0010 warning 31:15"}
            << "gateway \"tcp-echo-gateway-v2\" in tcp rule #0 match #0 has no effect: VirtualService "
               "default/tcp-echo is not bound to it (its gateways: tcp-echo-gateway), and match-level "
               "gateways only "
               "narrow a rule";
        QTest::newRow("gateway port with no VirtualService")
            << "MR0011-no-virtualservice.yaml" << QStringList{"MR0011 warning 11:9"}
            << "port 31400 of Gateway default/echo-gateway has no route, so its connections are refused: no "
               "VirtualService is bound to the Gateway";
        QTest::newRow("gateway port no rule matches")
            << "MR0011-no-matching-rule.yaml" << QStringList{"MR0011 warning 26:9"}
            << "port 15443 of Gateway default/echo-gateway-tls has no route, so its connections are refused: "
               "no "
               "tls rule of VirtualService default/echo matches port 15443 on this Gateway";
    }
    void fixtures()
    {
        QFETCH(QString, fixture);
        QFETCH(QStringList, expected);
        QFETCH(QString, fragment);
        const std::string path = (kData + QLatin1Char('/') + fixture).toStdString();
        LoadResult loaded = loadPaths({path});
        QVERIFY2(!hasErrors(loaded.diagnostics), qPrintable(describe(loaded.diagnostics)));
        const Diagnostics found = analyze(loaded.set);
        QCOMPARE(briefs(found), expected);
        QVERIFY2(QString::fromStdString(found.front().message).contains(fragment),
                 qPrintable(QString::fromStdString(found.front().message)));
        for (const Diagnostic &d : found) {
            QCOMPARE(QString::fromStdString(d.file), QString::fromStdString(path));
            QVERIFY(!d.message.empty() && d.message.back() != '.');
        }
    }

    // Each code of the analysis has at least one fixture named after it.
    void everyCodeHasAFixture()
    {
        const QStringList files = QDir(kData).entryList({QStringLiteral("*.yaml")});
        for (const char *code :
             {codes::ReferencedResourceNotFound, codes::DestinationPortRequired,
              codes::PortNameNotFollowConvention, codes::VirtualServiceUnreachableRule,
              codes::VirtualServiceIneffectiveMatch, codes::VirtualServiceHostNotFoundInGateway,
              codes::ConflictingGateways, codes::GatewayPortNotDefinedOnService,
              codes::DestinationRuleSubsetNotSelectPods, codes::UnknownDestinationRuleHost,
              codes::DuplicateName, codes::WeightsNotHundred, codes::NoEffectAtGateway,
              codes::PortWithoutRoute}) {
            const QString prefix = QString::fromLatin1(code) + QLatin1Char('-');
            QVERIFY2(std::any_of(files.begin(), files.end(),
                                 [&](const QString &f) { return f.startsWith(prefix); }),
                     code);
        }
    }

    // ------------------------------------------------------------ name resolution

    void shortHostsResolveInTheVirtualServiceNamespace_data()
    {
        QTest::addColumn<QString>("vsNamespace");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("found");
        QTest::newRow("short host, same namespace") << "shop"
                                                    << "reviews" << true;
        QTest::newRow("short host, other namespace: reviews.web") << "web"
                                                                  << "reviews" << false;
        QTest::newRow("FQDN from another namespace") << "web"
                                                     << "reviews.shop.svc.cluster.local" << true;
        QTest::newRow("name.namespace is not a Service name in Istio") << "web"
                                                                       << "reviews.shop" << false;
        QTest::newRow("upper case folds") << "shop"
                                          << "Reviews" << true;
    }
    void shortHostsResolveInTheVirtualServiceNamespace()
    {
        QFETCH(QString, vsNamespace);
        QFETCH(QString, host);
        QFETCH(bool, found);
        const std::string text = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
  subsets: [{name: v1}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: )" +
                                 vsNamespace.toStdString() +
                                 R"(}
spec:
  hosts: [reviews]
  tcp:
  - route:
    - destination: {host: )" + host.toStdString() +
                                 R"(, subset: v1}
)";
        const Analysed a = analyseText(text);
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        const bool reported = first(a.found, codes::ReferencedResourceNotFound) != nullptr;
        QVERIFY2(reported != found, qPrintable(describe(a.found)));
    }

    // "name.namespace" is not expanded by Istio; when it names a Service, say how to write it.
    void nameDotNamespaceHint()
    {
        const Analysed a = analyseText(R"(apiVersion: v1
kind: Service
metadata: {name: echo, namespace: backend}
spec:
  ports: [{name: tcp, port: 9000}]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: echo, namespace: backend}
spec:
  host: echo.backend
  subsets: [{name: v1}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo, namespace: front}
spec:
  hosts: [echo]
  tcp:
  - route: [{destination: {host: echo.backend, subset: v1}}]
  - route: [{destination: {host: other.backend, subset: v1}}]
---
apiVersion: v1
kind: Service
metadata: {name: other, namespace: backend}
spec:
  ports: [{name: tcp, port: 9000}]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        // The DestinationRule and the first route match literally, as in Istio, but neither names the
        // Service; the second rule also follows a catch-all (IST0130).
        QCOMPARE(codesOf(a.found), QStringList({"IST0174", "IST0130", "IST0101"}));
        const auto endsWith = [](const std::string &text, const std::string &tail) {
            return text.size() > tail.size() &&
                   text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
        };
        QVERIFY2(endsWith(a.found[0].message,
                          "; write echo.backend.svc.cluster.local, Istio does not expand \"echo.backend\""),
                 a.found[0].message.c_str());
        QVERIFY2(endsWith(a.found[2].message,
                          "; write other.backend.svc.cluster.local, Istio does not expand \"other.backend\""),
                 a.found[2].message.c_str());
    }

    void wildcardDestinationRuleDefinesSubsets()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: external}
spec:
  hosts: [api.example.com]
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: example}
spec:
  host: "*.example.com"
  subsets: [{name: eu}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: api}
spec:
  hosts: [api.example.com]
  tls:
  - match: [{port: 443, sniHosts: [api.example.com]}]
    route:
    - destination: {host: api.example.com, subset: eu}
    - destination: {host: api.example.com, subset: us}
      weight: 0
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        // "eu" comes from the wildcard rule; "us" is defined nowhere.
        QCOMPARE(codesOf(a.found), QStringList({"IST0101", "MR0009"}));
        QCOMPARE(a.found.front().position.line, 25);
        QVERIFY(a.found.front().message.find("\"us\" is not defined in DestinationRule default/example") !=
                std::string::npos);
    }

    void gatewayReferences_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("found");
        QTest::newRow("short name looks in the VirtualService's namespace") << "edge" << false;
        QTest::newRow("namespace/name") << "istio-system/edge" << true;
        QTest::newRow("legacy FQDN") << "edge.istio-system.svc.cluster.local" << true;
        QTest::newRow("mesh is never looked up") << "mesh" << true;
    }
    void gatewayReferences()
    {
        QFETCH(QString, reference);
        QFETCH(bool, found);
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: istio-system}
spec:
  selector: {app: edge}
  servers:
  - port: {number: 9000, name: tcp, protocol: TCP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo, namespace: apps}
spec:
  hosts: ["*"]
  gateways: [")" + reference.toStdString() +
                                       R"("]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(first(a.found, codes::ReferencedResourceNotFound) == nullptr, found);
        QCOMPARE(first(a.found, codes::VirtualServiceHostNotFoundInGateway) == nullptr, found);
    }

    void serverHostNamespaces_data()
    {
        QTest::addColumn<QString>("serverHost");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain host admits every namespace") << "*" << true;
        QTest::newRow("*/host admits every namespace") << "*/*" << true;
        QTest::newRow("apps/host admits apps") << "apps/*" << true;
        QTest::newRow("other/host does not admit apps") << "other/*" << false;
        QTest::newRow("./host is the gateway's namespace, not apps") << "./*" << false;
        QTest::newRow("wildcard subdomain matches") << "*.example.com" << true;
        QTest::newRow("different domain does not") << "*.example.org" << false;
    }
    void serverHostNamespaces()
    {
        QFETCH(QString, serverHost);
        QFETCH(bool, accepted);
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: istio-system}
spec:
  selector: {app: edge}
  servers:
  - port: {number: 9000, name: tcp, protocol: TCP}
    hosts: [")" + serverHost.toStdString() +
                                       R"("]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo, namespace: apps}
spec:
  hosts: [echo.example.com]
  gateways: [istio-system/edge]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(first(a.found, codes::VirtualServiceHostNotFoundInGateway) == nullptr, accepted);
    }

    // The default binding is "mesh": no gateway checks, and sidecar-only match attributes are fine.
    void meshIsTheDefaultGateway()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo}
spec:
  hosts: [echo]
  tcp:
  - match: [{port: 9000, sourceLabels: {app: client}, sourceNamespace: front}]
    route: [{destination: {host: echo}}]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QVERIFY2(a.found.empty(), qPrintable(describe(a.found)));
    }

    // Match-level gateways narrow a rule: a match for mesh only is not judged at the gateway,
    // and a match naming the gateway is, even when the VirtualService is also bound to mesh.
    void matchGatewaysNarrowRules()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 31400, name: tcp, protocol: TCP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo}
spec:
  hosts: ["*"]
  gateways: [mesh, edge]
  tcp:
  - match: [{sourceLabels: {app: client}, gateways: [mesh]}]
    route: [{destination: {host: echo}}]
  - match: [{port: 31400, sourceNamespace: front, gateways: [default/edge]}]
    route: [{destination: {host: echo}}]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(briefs(a.found), QStringList{"MR0010 warning 19:27"});
        QVERIFY(a.found.front().message.find("sourceNamespace") == 0);
    }

    // A match whose gateways leave this Gateway out does not serve its port.
    void portCoverageHonoursMatchGateways()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: a}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 31400, name: tcp, protocol: TCP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo}
spec:
  hosts: ["*"]
  gateways: [a]
  tcp:
  - match: [{port: 31400, gateways: [b]}]
    route: [{destination: {host: echo}}]
)");
        // Gateway b is not bound, so the match never applies anywhere (MR0010), and port 31400 of a has no
        // route.
        QCOMPARE(codesOf(a.found), QStringList({"MR0011", "MR0010"}));
        QVERIFY(a.found[0].message.find("no tcp rule of VirtualService default/echo matches port 31400") !=
                std::string::npos);
        QVERIFY(a.found[1].message.find("gateway \"b\" in tcp rule #0 match #0 has no effect") == 0);
    }

    void exportTo_data()
    {
        QTest::addColumn<QString>("exportTo");
        QTest::addColumn<bool>("visible");
        QTest::newRow("no exportTo: everywhere") << "[]" << true;
        QTest::newRow("*: everywhere") << "[\"*\"]" << true;
        QTest::newRow(".: own namespace only") << "[\".\"]" << false;
        QTest::newRow("the consumer's namespace") << "[front]" << true;
        QTest::newRow("another namespace") << "[elsewhere]" << false;
    }
    void exportTo()
    {
        QFETCH(QString, exportTo);
        QFETCH(bool, visible);
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: echo, namespace: backend}
spec:
  host: echo.backend.svc.cluster.local
  exportTo: )" + exportTo.toStdString() +
                                       R"(
  subsets: [{name: v1}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo, namespace: front}
spec:
  hosts: [echo]
  tcp:
  - route: [{destination: {host: echo.backend.svc.cluster.local, subset: v1}}]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(first(a.found, codes::ReferencedResourceNotFound) == nullptr, visible);
    }

    // Resources without metadata.namespace belong to the set's default namespace.
    void defaultNamespaceApplies()
    {
        const std::string text = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo}
spec:
  hosts: ["*"]
  gateways: [edge]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: prod}
spec:
  selector: {app: edge}
  servers:
  - port: {number: 9000, name: tcp, protocol: TCP}
    hosts: ["*"]
)";
        const Analysed inDefault = analyseText(text);
        QCOMPARE(codesOf(inDefault.found), QStringList({"IST0101", "IST0132"}));
        QCOMPARE(QString::fromStdString(inDefault.found.front().resource.display()),
                 QString("VirtualService default/echo"));
        const Analysed inProd = analyseText(text, {}, "prod");
        QVERIFY2(inProd.found.empty(), qPrintable(describe(inProd.found)));
    }

    // ------------------------------------------------------------ options and workloads

    // The local gateway's labels decide which Gateways MR0011 and the default Service ports apply to.
    void gatewayLabelsOption()
    {
        const std::string text = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  selector: {app: edge}
  servers:
  - port: {number: 9000, name: tcp, protocol: TCP}
    hosts: ["*"]
)";
        QVERIFY(analyseText(text).found.empty()); // not the ingress gateway: nothing known about it
        AnalysisOptions options;
        options.gatewayLabels = {{"app", "edge"}};
        QCOMPARE(codesOf(analyseText(text, options).found), QStringList({"IST0162", "MR0011"}));
        const std::string on443 = std::string(text).replace(text.find("9000"), 4, "443");
        QCOMPARE(codesOf(analyseText(on443, options).found), QStringList{"MR0011"});
    }

    // A Gateway without a selector applies to every gateway workload, the local one included (as
    // in Istio and in the route compiler): its routeless port is reported whatever the labels.
    void emptySelectorSelectsTheLocalGateway()
    {
        const std::string text = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: anywhere}
spec:
  servers:
  - port: {number: 9000, name: tcp, protocol: TCP}
    hosts: ["*"]
)";
        QCOMPARE(codesOf(analyseText(text).found), QStringList{"MR0011"});
        AnalysisOptions options;
        options.gatewayLabels = {{"app", "edge"}};
        QCOMPARE(codesOf(analyseText(text, options).found), QStringList{"MR0011"});
        // And the compiler agrees: bound to a VirtualService, the port is served locally.
        const Analysed bound = analyseText(text + R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo}
spec: {hosts: ['*'], gateways: [anywhere], tcp: [{route: [{destination: {host: echo}}]}]}
)");
        QVERIFY2(bound.found.empty(), qPrintable(describe(bound.found)));
        const CompileResult compiled = compile(bound.set);
        QCOMPARE(compiled.table->listeners.size(), std::size_t(1));
        QCOMPARE(compiled.table->listeners[0].port, std::uint32_t(9000));
        QVERIFY(compiled.table->listeners[0].route.has_value());
    }

    void subsetWorkloads_data()
    {
        QTest::addColumn<QString>("workload");
        QTest::addColumn<bool>("selected");
        QTest::newRow("Deployment pod template") << R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: echo-v1}
spec:
  selector: {matchLabels: {app: echo}}
  template:
    metadata: {labels: {app: echo, version: v1}}
    spec: {containers: [{name: echo, image: echo}]})"
                                                 << true;
        QTest::newRow("Pod") << R"(apiVersion: v1
kind: Pod
metadata: {name: echo-v1, labels: {app: echo, version: v1}}
spec: {containers: [{name: echo, image: echo}]})"
                             << true;
        QTest::newRow("WorkloadEntry") << R"(apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: echo-v1}
spec: {address: 127.0.0.1, labels: {app: echo, version: v1}})"
                                       << true;
        QTest::newRow("Deployment's own labels do not count") << R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: echo-v1, labels: {app: echo, version: v1}}
spec:
  selector: {matchLabels: {app: echo}}
  template:
    metadata: {labels: {app: echo}}
    spec: {containers: [{name: echo, image: echo}]})" << false;
        QTest::newRow("workload in another namespace") << R"(apiVersion: v1
kind: Pod
metadata: {name: echo-v1, namespace: other, labels: {app: echo, version: v1}}
spec: {containers: [{name: echo, image: echo}]})" << false;
        QTest::newRow("workload outside the Service's selector") << R"(apiVersion: v1
kind: Pod
metadata: {name: echo-v1, labels: {app: other, version: v1}}
spec: {containers: [{name: echo, image: echo}]})" << false;
    }
    void subsetWorkloads()
    {
        QFETCH(QString, workload);
        QFETCH(bool, selected);
        const Analysed a = analyseText(workload.toStdString() + R"(
---
apiVersion: v1
kind: Service
metadata: {name: echo}
spec:
  selector: {app: echo}
  ports: [{name: tcp, port: 9000}]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: echo}
spec:
  host: echo
  subsets: [{name: v1, labels: {version: v1}}]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(first(a.found, codes::DestinationRuleSubsetNotSelectPods) == nullptr, selected);
    }

    // Istio's unit tests leave namespaces empty; workloads there still belong to their Service.
    void emptyDefaultNamespace()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: echo-v1}
spec: {address: 127.0.0.1, labels: {app: echo, version: v1}}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: echo}
spec:
  hosts: [echo.local]
  ports: [{number: 9000, name: tcp, protocol: TCP}]
  resolution: STATIC
  workloadSelector: {labels: {app: echo}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: echo}
spec:
  host: echo.local
  subsets: [{name: v1, labels: {version: v1}}]
)",
                                       {}, "");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QVERIFY2(a.found.empty(), qPrintable(describe(a.found)));
    }

    void serviceEntryEndpointsAreWorkloads()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: local-echo}
spec:
  hosts: [echo.local]
  ports: [{number: 9000, name: tcp, protocol: TCP}]
  resolution: STATIC
  endpoints:
  - {address: 127.0.0.1, labels: {version: v1}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: local-echo}
spec:
  host: echo.local
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(briefs(a.found), QStringList{"IST0173 error 18:12"});
        QVERIFY(a.found.front().message.find("subset \"v2\"") == 0);
    }

    // Istio reads a port's protocol from appProtocol, else from the name's prefix.
    void portNames_data()
    {
        QTest::addColumn<QString>("port");
        QTest::addColumn<bool>("reported");
        QTest::newRow("tcp") << "{name: tcp, port: 9000}" << false;
        QTest::newRow("tcp-echo: prefix before the dash") << "{name: tcp-echo, port: 9000}" << false;
        QTest::newRow("upper case prefix") << "{name: TCP-echo, port: 9000}" << false;
        QTest::newRow("grpc-web-api") << "{name: grpc-web-api, port: 9000}" << false;
        QTest::newRow("mongo-db") << "{name: mongo-db, port: 9000}" << false;
        QTest::newRow("tls") << "{name: tls, port: 9000}" << false;
        QTest::newRow("http2-web") << "{name: http2-web, port: 9000}" << false;
        QTest::newRow("echo") << "{name: echo, port: 9000}" << true;
        QTest::newRow("tcpecho has no dash") << "{name: tcpecho, port: 9000}" << true;
        QTest::newRow("appProtocol wins over a bad name")
            << "{name: echo, port: 9000, appProtocol: tcp}" << false;
        QTest::newRow("kubernetes.io/h2c appProtocol")
            << "{name: x, port: 9000, appProtocol: kubernetes.io/h2c}" << false;
        QTest::newRow("unknown appProtocol")
            << "{name: tcp, port: 9000, appProtocol: carrier-pigeon}" << true;
        QTest::newRow("unnamed MySQL port is TCP to Istio") << "{port: 3306}" << false;
        QTest::newRow("badly named MongoDB port is TCP to Istio") << "{name: db, port: 27017}" << false;
        QTest::newRow("unnamed port 3307") << "{port: 3307}" << true;
        QTest::newRow("DNS port with an unknown appProtocol") << "{port: 53, appProtocol: dns}" << false;
        QTest::newRow("UDP is not Istio's concern") << "{name: dns, port: 53, protocol: UDP}" << false;
    }
    void portNames()
    {
        QFETCH(QString, port);
        QFETCH(bool, reported);
        const Analysed a =
            analyseText("apiVersion: v1\nkind: Service\nmetadata: {name: echo}\nspec:\n  ports: [" +
                        port.toStdString() + "]\n");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(first(a.found, codes::PortNameNotFollowConvention) != nullptr, reported);
    }

    // Gateways conflict when they serve the same pods, which differing selectors may do.
    void conflictNeedsTheSamePods_data()
    {
        QTest::addColumn<QString>("secondSelector");
        QTest::addColumn<QString>("pods");
        QTest::addColumn<bool>("conflict");
        QTest::newRow("same selector") << "{istio: ingressgateway}"
                                       << "" << true;
        QTest::newRow("narrower selector, no pod has both labels") << "{istio: ingressgateway, tier: edge}"
                                                                   << "" << false;
        QTest::newRow("narrower selector, a pod has both labels")
            << "{istio: ingressgateway, tier: edge}"
            << "---\napiVersion: v1\nkind: Pod\nmetadata: {name: gw, labels: {istio: ingressgateway, tier: "
               "edge}}\n"
               "spec: {containers: [{name: proxy, image: proxy}]}\n"
            << true;
        QTest::newRow("another gateway workload") << "{istio: egressgateway}"
                                                  << "" << false;
    }
    void conflictNeedsTheSamePods()
    {
        QFETCH(QString, secondSelector);
        QFETCH(QString, pods);
        QFETCH(bool, conflict);
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: first}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: tls, protocol: TLS}
    hosts: [a.example.com]
    tls: {mode: PASSTHROUGH}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: second}
spec:
  selector: )" + secondSelector.toStdString() +
                                       R"(
  servers:
  - port: {number: 443, name: tls, protocol: TLS}
    hosts: ["*.example.com"]
    tls: {mode: PASSTHROUGH}
)" + pods.toStdString());
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(first(a.found, codes::ConflictingGateways) != nullptr, conflict);
    }

    void conflictNeedsOverlappingHostsAndBind_data()
    {
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("conflict");
        QTest::newRow("same port, same host")
            << "{port: {number: 80, name: tcp, protocol: TCP}, hosts: [a.com]}" << true;
        QTest::newRow("protocol is not compared")
            << "{port: {number: 80, name: http, protocol: HTTP}, hosts: [a.com]}" << true;
        QTest::newRow("other port") << "{port: {number: 81, name: tcp, protocol: TCP}, hosts: [a.com]}"
                                    << false;
        QTest::newRow("disjoint hosts")
            << "{port: {number: 80, name: tcp, protocol: TCP}, hosts: [b.com]}" << false;
        QTest::newRow("other bind address")
            << "{port: {number: 80, name: tcp, protocol: TCP}, hosts: [a.com], bind: 10.0.0.1}" << false;
        QTest::newRow("hosts for different namespaces")
            << "{port: {number: 80, name: tcp, protocol: TCP}, hosts: [other/a.com]}" << false;
    }
    void conflictNeedsOverlappingHostsAndBind()
    {
        QFETCH(QString, second);
        QFETCH(bool, conflict);
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: first}
spec:
  selector: {app: gw}
  servers: [{port: {number: 80, name: tcp, protocol: TCP}, hosts: [default/a.com]}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: second}
spec:
  selector: {app: gw}
  servers: [)" + second.toStdString() + "]\n");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(codesOf(a.found).count("IST0145"), conflict ? 2 : 0);
    }

    // A server port is exposed by a TCP Service port whose targetPort (as istioctl analyze
    // compares) or port (Istio maps that server port to the targetPort) it is.
    void ingressServicePorts_data()
    {
        QTest::addColumn<QString>("servicePort");
        QTest::addColumn<bool>("exposed");
        QTest::newRow("port = 9000") << "{name: tcp, port: 9000}" << true;
        QTest::newRow("targetPort 9000") << "{name: tcp, port: 80, targetPort: 9000}" << true;
        QTest::newRow("port 9000 to targetPort 8080: the Service port counts")
            << "{name: tcp, port: 9000, targetPort: 8080}" << true;
        QTest::newRow("port 9001 to targetPort 8080: neither")
            << "{name: tcp, port: 9001, targetPort: 8080}" << false;
        QTest::newRow("named targetPort: the port counts")
            << "{name: tcp, port: 9000, targetPort: gateway}" << true;
        QTest::newRow("UDP does not count") << "{name: udp, port: 9000, protocol: UDP}" << false;
    }
    void ingressServicePorts()
    {
        QFETCH(QString, servicePort);
        QFETCH(bool, exposed);
        const Analysed a = analyseText(R"(apiVersion: v1
kind: Service
metadata: {name: istio-ingressgateway, namespace: istio-system}
spec:
  selector: {istio: ingressgateway}
  ports: [)" + servicePort.toStdString() +
                                       R"(]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 9000, name: tcp, protocol: TCP}, hosts: ["*"]}]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(first(a.found, codes::GatewayPortNotDefinedOnService) == nullptr, exposed);
    }

    // IST0162 is computed against the chosen ingress gateway and names it; a Service in the
    // files is the truth whatever the choice (files).
    void ingressChoices_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<bool>("withService"); // the files hold istio-system/istio-ingressgateway (80, 9000)
        QTest::addColumn<QString>(
            "flagged"); // the server ports flagged, of 80, 443, 8080, 15443, 31400, 31401
        QTest::addColumn<QString>("owner");
        const QString analyze = "the default ingress gateway Service (ports 80, 443, 15443, 31400)";
        QTest::newRow("analyze: istioctl analyze's offline Service")
            << "analyze" << false << "8080 31401" << analyze;
        QTest::newRow("default profile: 80 and 443 reach 8080 and 8443")
            << "default" << false << "15443 31400 31401"
            << QString::fromUtf8("the ingress gateway Service of Istio's default profile (ports 80\u2192"
                                 "8080, 443\u2192"
                                 "8443, 15021)");
        QTest::newRow("demo profile adds 31400 and 15443")
            << "demo" << false << "31401"
            << QString::fromUtf8("the ingress gateway Service of Istio's demo profile (ports 80\u2192"
                                 "8080, 443\u2192"
                                 "8443, 15021, 15443, 31400)");
        QTest::newRow("helm chart defaults: 80, 443 and 15021")
            << "helm" << false << "8080 15443 31400 31401"
            << "the ingress gateway Service of the gateway Helm chart's defaults (ports 80, 443, 15021)";
        QTest::newRow("files without the Service: what analyze assumes")
            << "files" << false << "8080 31401" << analyze;
        QTest::newRow("files with the Service")
            << "files" << true << "443 8080 15443 31400 31401"
            << "Service istio-system/istio-ingressgateway (ports 80, 9000)";
        QTest::newRow("the Service in the files wins over a profile")
            << "demo" << true << "443 8080 15443 31400 31401"
            << "Service istio-system/istio-ingressgateway (ports 80, 9000)";
    }
    void ingressChoices()
    {
        QFETCH(QString, choice);
        QFETCH(bool, withService);
        QFETCH(QString, flagged);
        QFETCH(QString, owner);
        std::string text = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  selector: {istio: ingressgateway}
  servers:
  - {port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}
  - {port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: PASSTHROUGH}}
  - {port: {number: 8080, name: tcp-a, protocol: TCP}, hosts: ["*"]}
  - {port: {number: 15443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: PASSTHROUGH}}
  - {port: {number: 31400, name: tcp-b, protocol: TCP}, hosts: ["*"]}
  - {port: {number: 31401, name: tcp-c, protocol: TCP}, hosts: ["*"]}
)";
        if (withService)
            text += R"(---
apiVersion: v1
kind: Service
metadata: {name: istio-ingressgateway, namespace: istio-system}
spec:
  selector: {istio: ingressgateway}
  ports:
  - {name: http2, port: 80, targetPort: 80, protocol: TCP}
  - {name: tcp, port: 9000, targetPort: 9000, protocol: TCP}
  - {name: dns, port: 8080, protocol: UDP}
)";
        AnalysisOptions options;
        options.ingress = *install::ingressChoiceNamed(choice.toStdString());
        const Analysed a = analyseText(text, options);
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QStringList ports;
        for (const Diagnostic &d : a.found) {
            if (d.code != codes::GatewayPortNotDefinedOnService)
                continue;
            ports << QString::fromStdString(d.args.at(0).text);
            QCOMPARE(d.messageId, std::string("gateway-port-not-exposed"));
            QVERIFY2(QString::fromStdString(d.message).endsWith(QStringLiteral("exposed by ") + owner +
                                                                QStringLiteral(", so it cannot be reached "
                                                                               "from outside the cluster")),
                     d.message.c_str());
        }
        QCOMPARE(ports.join(' '), flagged);
    }

    // MR0011 says why a port has no route.
    void portWithoutRouteReasons_data()
    {
        QTest::addColumn<QString>("virtualService");
        QTest::addColumn<QString>("reason"); // empty: the port is served
        QTest::newRow("catch-all tcp rule serves")
            << "{hosts: ['*'], gateways: [gw], tcp: [{route: [{destination: "
               "{host: echo}}]}]}"
            << "";
        QTest::newRow("bound to mesh only") << "{hosts: ['*'], tcp: [{route: [{destination: {host: echo}}]}]}"
                                            << "no VirtualService is bound to the Gateway";
        QTest::newRow("host outside the server's hosts")
            << "{hosts: [b.example.com], gateways: [gw], tcp: [{route: [{destination: {host: echo}}]}]}"
            << "no VirtualService bound to it has a host matching the server's hosts [a.example.com]";
        QTest::newRow("rule for another port")
            << "{hosts: ['*'], gateways: [gw], tcp: [{match: [{port: 9001}], route: [{destination: {host: "
               "echo}}]}]}"
            << "no tcp rule of VirtualService default/echo matches port 9000 on this Gateway";
        QTest::newRow("http rules do not serve a TCP port")
            << "{hosts: ['*'], gateways: [gw], http: [{route: [{destination: {host: echo}}]}]}"
            << "no tcp rule of VirtualService default/echo matches port 9000 on this Gateway";
    }
    void portWithoutRouteReasons()
    {
        QFETCH(QString, virtualService);
        QFETCH(QString, reason);
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 9000, name: tcp, protocol: TCP}, hosts: [a.example.com]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo}
spec: )" + virtualService.toStdString() +
                                       "\n");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        const Diagnostic *d = first(a.found, codes::PortWithoutRoute);
        if (reason.isEmpty()) {
            QVERIFY2(!d, qPrintable(describe(a.found)));
        } else {
            QVERIFY2(d, qPrintable(describe(a.found)));
            QVERIFY2(QString::fromStdString(d->message).endsWith(reason), d->message.c_str());
        }
    }

    void serviceEntryPorts()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: db}
spec:
  hosts: [db.example.com]
  ports: [{number: 5432, name: tcp, protocol: TCP}, {number: 5433, name: tcp-replica, protocol: TCP}]
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: db}
spec:
  hosts: [db.example.com]
  tcp:
  - route: [{destination: {host: db.example.com}}]
  - route: [{destination: {host: db.example.com, port: {number: 5434}}}]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(briefs(a.found),
                 QStringList({"IST0112 error 15:27", "IST0130 warning 16:5", "IST0101 error 16:65"}));
        QVERIFY(a.found[0].message.find("ServiceEntry default/db has several (5432, 5433)") !=
                std::string::npos);
    }

    // `mirror` and every `mirrors[].destination` are destinations too, positioned where they are written.
    void mirrorsAreDestinations()
    {
        const Analysed a = analyseText(R"(apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports: [{name: http, port: 8080}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web}
spec:
  hosts: [web]
  http:
  - route: [{destination: {host: web}}]
    mirror: {host: web, port: {number: 8081}}
    mirrors:
    - destination: {host: web, port: {number: 8080}}
    - destination: {host: web, port: {number: 8082}}
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(briefs(a.found), QStringList({"IST0101 error 14:40", "IST0101 error 17:47"}));
        QVERIFY(a.found[0].message.find(
                    "port 8081 of host \"web\" not found: Service default/web has 8080") == 0);
    }

    // At a gateway sidecar-only attributes do nothing; bound to mesh as well, they still work for sidecars.
    void tlsAttributesAtAGatewayAndMesh()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  selector: {app: edge}
  servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: PASSTHROUGH}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: sni}
spec:
  hosts: [a.example.com]
  gateways: [edge, mesh]
  tls:
  - match: [{port: 443, sniHosts: [a.example.com], destinationSubnets: [10.0.0.0/8]}]
    route: [{destination: {host: a.example.com}}]
)");
        QVERIFY2(!hasErrors(a.load), qPrintable(describe(a.load)));
        QCOMPARE(briefs(a.found), QStringList{"MR0010 warning 15:52"});
        QCOMPARE(
            QString::fromStdString(a.found.front().message),
            QString(
                "destinationSubnets of tls rule #0 match #0 has no effect at Gateway default/edge: a gateway "
                "matches tls rules on port, sniHosts and gateways only (it still applies to sidecars "
                "through mesh)"));
    }

    // Findings come in reading order whatever check found them.
    void findingsAreInReadingOrder()
    {
        const Analysed a = analyseText(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo}
spec:
  hosts: ["*"]
  gateways: [missing]
  tcp:
  - route:
    - destination: {host: echo, subset: v1}
      weight: 30
    - destination: {host: echo}
      weight: 30
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: nothing}
spec:
  host: nothing
)");
        QVERIFY(a.found.size() >= 4);
        for (std::size_t i = 1; i < a.found.size(); ++i)
            QVERIFY(a.found[i - 1].position.line <= a.found[i].position.line);
    }

    // Damaged documents never crash the analysis: every key of every fixture resource is
    // removed, turned into null, a list or a map in turn, and the set is analysed again.
    void damagedInputIsAnalysedSafely()
    {
        int analysed = 0;
        const QStringList files = QDir(kData).entryList({QStringLiteral("*.yaml")});
        for (const QString &file : files) {
            LoadResult loaded = loadPaths({(kData + QLatin1Char('/') + file).toStdString()});
            ResourceSet &set = loaded.set;
            for (std::size_t i = 0; i < set.resources.size(); ++i) {
                const YAML::Node original = YAML::Clone(set.resources[i].node);
                std::vector<std::vector<std::string>> paths;
                collectKeyPaths(original, {}, paths);
                for (const auto &path : paths) {
                    for (int variant = 0; variant < 4; ++variant) {
                        YAML::Node damaged = YAML::Clone(original);
                        damage(damaged, path, variant);
                        set.replaceNode(i, damaged);
                        const Diagnostics found = analyze(set);
                        for (const Diagnostic &d : found)
                            QVERIFY(!d.code.empty() && !d.message.empty());
                        ++analysed;
                    }
                }
                set.replaceNode(i, original);
            }
        }
        QVERIFY(analysed > 1000);
    }

    // Typed resources whose document is missing or not a mapping (built by hand, or a yaml-cpp
    // zombie node) are analysed from the typed spec without touching the document.
    void resourcesWithoutDocuments()
    {
        const YAML::Node empty = YAML::Load("{}");
        const YAML::Node zombie = empty["missing"]; // yaml-cpp: invalid; most calls on it throw
        for (const YAML::Node &node : {YAML::Node(), YAML::Load("[1, 2]"), zombie}) {
            ResourceSet set;
            VirtualServiceSpec spec;
            spec.hosts = {"web"};
            spec.gateways = {"missing"};
            spec.gatewaysSet = true;
            HttpRoute route;
            route.route.push_back({});
            route.route.back().destination.host = "web";
            route.mirrors.push_back({});
            route.mirrors.back().host = "web";
            route.mirrors.back().subset = "v9";
            spec.http.push_back(route);
            spec.http.push_back(route);
            // Copy-construct the node: assigning an invalid yaml-cpp node throws.
            set.resources.push_back(Resource{.kind = Kind::VirtualService,
                                             .apiVersion = "networking.istio.io/v1",
                                             .kindName = "VirtualService",
                                             .name = "web",
                                             .namespace_ = {},
                                             .labels = {},
                                             .annotations = {},
                                             .spec = spec,
                                             .node = node,
                                             .position = {},
                                             .file = -1,
                                             .document = -1,
                                             .item = -1,
                                             .modified = false});
            const Diagnostics found = analyze(set);
            QCOMPARE(codesOf(found), QStringList({"IST0101", "IST0132", "IST0101", "IST0101", "IST0130"}));
        }
    }

    // Resources built in memory (no source position) are still analysed and attributed.
    void resourcesWithoutPositions()
    {
        ResourceSet set;
        Diagnostics load;
        loadText(set, load, R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: echo}
spec:
  hosts: ["*"]
  gateways: [missing]
)",
                 "input.yaml");
        const std::size_t index = set.add(
            YAML::Load("{apiVersion: networking.istio.io/v1, kind: DestinationRule, metadata: {name: x}, "
                       "spec: {host: nothing}}"));
        Q_UNUSED(index);
        const Diagnostics found = analyze(set);
        QVERIFY(first(found, codes::UnknownDestinationRuleHost) != nullptr);
        QCOMPARE(QString::fromStdString(first(found, codes::UnknownDestinationRuleHost)->resource.display()),
                 QString("DestinationRule default/x"));
    }
};

QTEST_GUILESS_MAIN(tst_Analysis)
#include "tst_analysis.moc"
