// Gateway API version targets (core/gatewayapi/targets.h): what a chosen cluster (Istio version,
// CRD bundle and channel, PILOT_ENABLE_ALPHA_GATEWAY_API) does with each Gateway API resource.
// The table of served versions is checked against the CRD files in ../shared/gateway-api/crds, and
// its "the API server rejects it" verdict against ../shared/istio/check-manifests; every verdict
// (rejected, needs the alpha flag, IST0176, ignored because Istio watches an unserved version)
// has a row, with its position and what it does to the routing (an ignored route attaches nowhere).

#include "analysis/analyzer.h"
#include "gatewayapi/targets.h"
#include "gatewayapi/translate.h"
#include "yaml/loader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>

using namespace meshroute;
using gatewayapi::Target;

namespace {

const QString kShared = QStringLiteral(MESHROUTE_SHARED_DIR);
const QString kData = QStringLiteral(MESHROUTE_SOURCE_DIR) + QStringLiteral("/tests/core/gatewayapi/data");

const std::set<std::string> kTargetCodes{codes::GatewayApiNotServed, codes::GatewayApiNeedsAlpha,
                                         codes::GatewayApiIgnoredKind,
                                         codes::GatewayAPICRDVersionBelowMinimum};

Target target(const QString &spec)
{
    const gatewayapi::TargetParse parsed = gatewayapi::parseTarget(spec.toStdString());
    if (!parsed.target)
        qFatal("bad target in a test row: %s", parsed.error.c_str());
    return *parsed.target;
}

// The route under test first (its apiVersion on line 1), then a Gateway with a TCP and a TLS
// passthrough listener and the Services its routes name.
std::string documentWith(const std::string &kind, const std::string &version)
{
    std::string route = "apiVersion: gateway.networking.k8s.io/" + version + "\nkind: " + kind +
                        "\nmetadata:\n  name: r\n  namespace: apps\nspec:\n  parentRefs:\n  - name: gw\n";
    if (kind == "TLSRoute")
        route += "  hostnames:\n  - echo.example.com\n";
    route += "  rules:\n  - backendRefs:\n    - name: echo\n      port: 9000\n";
    return route + R"(---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: apps
spec:
  gatewayClassName: istio
  listeners:
  - name: tcp
    protocol: TCP
    port: 31400
  - name: tls
    protocol: TLS
    port: 8443
    tls:
      mode: Passthrough
---
apiVersion: v1
kind: Service
metadata:
  name: echo
  namespace: apps
spec:
  ports:
  - port: 9000
)";
}

int attachedRoutes(const gatewayapi::Translation &t, const std::string &listener)
{
    for (const gatewayapi::GatewayStatus &g : t.gateways)
        for (const gatewayapi::ListenerStatus &l : g.listeners)
            if (l.name == listener)
                return l.attachedRoutes;
    return -1;
}

QStringList targetCodes(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        if (kTargetCodes.count(d.code))
            out << QString::fromStdString(d.code);
    return out;
}

} // namespace

class TestGatewayTargets : public QObject
{
    Q_OBJECT

private slots:
    // ---------------------------------------------------------------- the spec
    void specsParse_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected"); // Target::spec() of the result
        const QString def = "istio=1.30,gateway-api=v1.5.1,channel=experimental,alpha=true";
        QTest::newRow("empty is the default") << "" << def;
        QTest::newRow("the default spelled out") << def << def;
        QTest::newRow("any order, the rest as the default")
            << "channel=standard,istio=1.31"
            << "istio=1.31,gateway-api=v1.5.1,channel=standard,alpha=true";
        QTest::newRow("a patch release of Istio reads as its minor") << "istio=1.30.3" << def;
        QTest::newRow("the v of a bundle is optional")
            << "gateway-api=1.6.0,alpha=false"
            << "istio=1.30,gateway-api=v1.6.0,channel=experimental,alpha=false";
        QTest::newRow("a bundle Meshroute has no CRDs of")
            << "gateway-api=v1.4.1"
            << "istio=1.30,gateway-api=v1.4.1,channel=experimental,alpha=true";
        QTest::newRow("oldest Istio") << "istio=1.28"
                                      << "istio=1.28,gateway-api=v1.5.1,channel=experimental,alpha=true";
    }
    void specsParse()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        const gatewayapi::TargetParse parsed = gatewayapi::parseTarget(spec.toStdString());
        QVERIFY2(parsed.target, parsed.error.c_str());
        QCOMPARE(QString::fromStdString(parsed.target->spec()), expected);
        QCOMPARE(gatewayapi::parseTarget(parsed.target->spec()).target, parsed.target); // round trip
    }

    void badSpecsSayWhy_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::newRow("Istio too old")
            << "istio=1.27"
            << "istio 1.27 is not one Meshroute knows the Gateway API behaviour of: use "
               "1.28 to 1.31";
        QTest::newRow("Istio too new") << "istio=1.32"
                                       << "use 1.28 to 1.31";
        QTest::newRow("not a version") << "istio=latest"
                                       << "istio \"latest\" is not an Istio version such as 1.30";
        QTest::newRow("bundle major 0") << "gateway-api=v0.8.0"
                                        << "gateway-api \"v0.8.0\" is not a Gateway API release";
        QTest::newRow("bundle without patch") << "gateway-api=v1.5"
                                              << "is not a Gateway API release such as v1.5.1";
        QTest::newRow("channel") << "channel=beta"
                                 << "channel \"beta\" is not standard or experimental";
        QTest::newRow("alpha") << "alpha=yes"
                               << "alpha \"yes\" is not true or false";
        QTest::newRow("unknown key")
            << "mesh=1"
            << "\"mesh\" is not a target key: use istio, gateway-api, channel or alpha";
        QTest::newRow("no value") << "istio"
                                  << "\"istio\" is not KEY=VALUE";
        QTest::newRow("twice") << "istio=1.30,istio=1.31"
                               << "\"istio\" is given twice";
        QTest::newRow("empty entry") << "istio=1.30,,alpha=true"
                                     << "\"\" is not KEY=VALUE";
    }
    void badSpecsSayWhy()
    {
        QFETCH(QString, spec);
        QFETCH(QString, error);
        const gatewayapi::TargetParse parsed = gatewayapi::parseTarget(spec.toStdString());
        QVERIFY(!parsed.target);
        QVERIFY2(QString::fromStdString(parsed.error).contains(error), parsed.error.c_str());
    }

    // ---------------------------------------------------------------- the table against the CRDs
    void servedVersionsAreTheCrdsOwn_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir crds(kShared + "/gateway-api/crds");
        int rows = 0;
        for (const QString &bundle : crds.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            for (const QString &channel :
                 QDir(crds.filePath(bundle)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                QTest::newRow(qPrintable(bundle + "/" + channel)) << crds.filePath(bundle + "/" + channel);
                ++rows;
            }
        QVERIFY(rows >= 4);
    }
    void servedVersionsAreTheCrdsOwn()
    {
        QFETCH(QString, folder);
        const QString channelText = QFileInfo(folder).fileName();
        const QString bundleText = QFileInfo(QFileInfo(folder).path()).fileName();
        const std::optional<gatewayapi::BundleVersion> bundle =
            gatewayapi::parseBundleVersion(bundleText.toStdString());
        QVERIFY(bundle);
        const gatewayapi::Channel channel =
            channelText == "standard" ? gatewayapi::Channel::Standard : gatewayapi::Channel::Experimental;
        std::set<std::string> kindsSeen;
        for (const QString &file : QDir(folder).entryList({"*.yaml"}, QDir::Files, QDir::Name)) {
            for (const YAML::Node &crd : YAML::LoadAllFromFile(QDir(folder).filePath(file).toStdString())) {
                if (!crd.IsMap() || crd["kind"].as<std::string>() != "CustomResourceDefinition")
                    continue;
                QCOMPARE(crd["metadata"]["annotations"]["gateway.networking.k8s.io/bundle-version"]
                             .as<std::string>(),
                         bundleText.toStdString());
                const std::string kindName = crd["spec"]["names"]["kind"].as<std::string>();
                kindsSeen.insert(kindName);
                std::vector<std::string> fromCrd;
                for (const YAML::Node &version : crd["spec"]["versions"])
                    if (!version["served"].IsDefined() || version["served"].as<bool>())
                        fromCrd.push_back(version["name"].as<std::string>());
                std::vector<std::string> fromTable = gatewayapi::servedVersions(
                    kindOf(std::string(kGatewayApiGroup) + "/v1", kindName), *bundle, channel);
                std::sort(fromCrd.begin(), fromCrd.end());
                std::sort(fromTable.begin(), fromTable.end());
                QVERIFY2(fromCrd == fromTable, qPrintable(QString::fromStdString(kindName)));
            }
        }
        // A kind without a CRD in the folder is served in no version (TCPRoute, v1.5.1 standard).
        for (const char *kindName : {"Gateway", "GatewayClass", "ReferenceGrant", "TCPRoute", "TLSRoute"})
            if (!kindsSeen.count(kindName))
                QVERIFY2(gatewayapi::servedVersions(kindOf(std::string(kGatewayApiGroup) + "/v1", kindName),
                                                    *bundle, channel)
                             .empty(),
                         kindName);
        QVERIFY(kindsSeen.size() >= 4);
    }

    // The bundles a person picks from (the studio's Preferences) are the ones there are CRDs of.
    void knownBundlesAreTheCrdFolders()
    {
        QStringList known;
        for (const gatewayapi::BundleVersion &b : gatewayapi::knownBundles())
            known << QString::fromStdString(b.text());
        QCOMPARE(
            known,
            QDir(kShared + "/gateway-api/crds").entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name));
    }

    // For every bundle and channel there are CRDs of, check-manifests rejects exactly the documents
    // the target says the API server rejects.
    void rejectedAgreesWithCheckManifests_data()
    {
        QTest::addColumn<QString>("bundle");
        QTest::addColumn<QString>("channel");
        for (const char *bundle : {"v1.5.1", "v1.6.0"})
            for (const char *channel : {"standard", "experimental"})
                QTest::newRow(qPrintable(QString("%1 %2").arg(bundle, channel))) << bundle << channel;
    }
    void rejectedAgreesWithCheckManifests()
    {
        QFETCH(QString, bundle);
        QFETCH(QString, channel);
        struct Doc
        {
            const char *kind;
            const char *version;
        };
        const Doc docs[] = {{"TCPRoute", "v1alpha2"},
                            {"TCPRoute", "v1"},
                            {"TLSRoute", "v1alpha2"},
                            {"TLSRoute", "v1alpha3"},
                            {"TLSRoute", "v1"},
                            {"Gateway", "v1"},
                            {"Gateway", "v1beta1"},
                            {"GatewayClass", "v1"},
                            {"GatewayClass", "v1beta1"},
                            {"ReferenceGrant", "v1"},
                            {"ReferenceGrant", "v1beta1"},
                            {"TCPRoute", "v1beta1"}}; // a version that never was
        std::string text;
        for (const Doc &d : docs) {
            const std::string kind = d.kind;
            text += "---\napiVersion: gateway.networking.k8s.io/" + std::string(d.version) +
                    "\nkind: " + kind + "\nmetadata:\n  name: x\n";
            if (kind == "GatewayClass")
                text += "spec:\n  controllerName: istio.io/gateway-controller\n";
            else if (kind == "Gateway")
                text += "  namespace: apps\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: tcp\n"
                        "    protocol: TCP\n    port: 31400\n";
            else if (kind == "ReferenceGrant")
                text +=
                    "  namespace: apps\nspec:\n  from:\n  - group: gateway.networking.k8s.io\n"
                    "    kind: TCPRoute\n    namespace: other\n  to:\n  - group: \"\"\n    kind: Service\n";
            else
                text += "  namespace: apps\nspec:\n  parentRefs:\n  - name: gw\n" +
                        std::string(kind == "TLSRoute" ? "  hostnames:\n  - echo.example.com\n" : "") +
                        "  rules:\n  - backendRefs:\n    - name: echo\n      port: 9000\n";
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("docs.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.c_str());
        file.close();

        QProcess check;
        check.start(kShared + "/istio/check-manifests",
                    {"--gateway-api", bundle, "--channel", channel, path});
        QVERIFY(check.waitForFinished(60000));
        const QString out = QString::fromUtf8(check.readAllStandardOutput());
        QVERIFY2(check.exitCode() == 0 || check.exitCode() == 1,
                 qPrintable(out + check.readAllStandardError()));
        std::set<int> failed;
        static const QRegularExpression line(QStringLiteral(": document (\\d+) \\("));
        for (auto it = line.globalMatch(out); it.hasNext();)
            failed.insert(it.next().captured(1).toInt());

        const Target t = target("gateway-api=" + bundle + ",channel=" + channel);
        int rejected = 0;
        for (std::size_t i = 0; i < std::size(docs); ++i) {
            const Kind kind = kindOf(std::string(kGatewayApiGroup) + "/v1", docs[i].kind);
            const bool ours =
                gatewayapi::readingOf(t, kind, std::string(kGatewayApiGroup) + "/" + docs[i].version)
                    .verdict == gatewayapi::Verdict::Rejected;
            const bool theirs = failed.count(int(i) + 1) > 0;
            rejected += ours;
            QVERIFY2(ours == theirs, qPrintable(QString("%1 %2: ours %3, check-manifests %4\n%5")
                                                    .arg(docs[i].kind, docs[i].version)
                                                    .arg(ours)
                                                    .arg(theirs)
                                                    .arg(out)));
        }
        QVERIFY(rejected > 0); // at least the version that never was
    }

    // ---------------------------------------------------------------- the verdicts
    void verdicts_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QStringList>("codes"); // the target's codes, in order
        QTest::addColumn<bool>("attached");     // the route attaches to its listener

        // (clean) what each cluster reads
        QTest::newRow("the default reads TCPRoute v1alpha2") << ""
                                                             << "TCPRoute"
                                                             << "v1alpha2" << QStringList{} << true;
        QTest::newRow("1.30 reads TLSRoute v1 without the flag") << "channel=standard,alpha=false"
                                                                 << "TLSRoute"
                                                                 << "v1" << QStringList{} << true;
        QTest::newRow("1.30 reads TLSRoute v1alpha2 through v1 (one object, any served version)")
            << "alpha=false"
            << "TLSRoute"
            << "v1alpha2" << QStringList{} << true;
        QTest::newRow("1.29 with the flag reads TLSRoute v1 through v1alpha2 (experimental)")
            << "istio=1.29"
            << "TLSRoute"
            << "v1" << QStringList{} << true;
        QTest::newRow("1.30 on v1.6 experimental reads TCPRoute v1 through v1alpha2")
            << "gateway-api=v1.6.0"
            << "TCPRoute"
            << "v1" << QStringList{} << true;
        QTest::newRow("1.31 on v1.6 standard reads TCPRoute v1 without the flag")
            << "istio=1.31,gateway-api=v1.6.0,channel=standard,alpha=false"
            << "TCPRoute"
            << "v1" << QStringList{} << true;
        QTest::newRow("a later bundle is reasoned as v1.6")
            << "istio=1.31,gateway-api=v1.7.2,channel=standard,alpha=false"
            << "TCPRoute"
            << "v1" << QStringList{} << true;
        // (a) the API server rejects it
        QTest::newRow("v1.5.1 has no TCPRoute v1") << ""
                                                   << "TCPRoute"
                                                   << "v1" << QStringList{"MR0025"} << false;
        QTest::newRow("v1.5.1 standard has no TCPRoute at all")
            << "channel=standard"
            << "TCPRoute"
            << "v1alpha2" << QStringList{"MR0025"} << false;
        QTest::newRow("v1.6 standard does not serve TLSRoute v1alpha3")
            << "istio=1.31,gateway-api=v1.6.0,channel=standard"
            << "TLSRoute"
            << "v1alpha3" << QStringList{"MR0025"} << false;
        QTest::newRow("v1.4 has no TLSRoute v1") << "gateway-api=v1.4.1"
                                                 << "TLSRoute"
                                                 << "v1" << QStringList{"MR0025"} << false;
        // (b) only behind PILOT_ENABLE_ALPHA_GATEWAY_API
        QTest::newRow("1.30 reads TCPRoute only with the flag")
            << "alpha=false"
            << "TCPRoute"
            << "v1alpha2" << QStringList{"MR0026"} << false;
        QTest::newRow("1.28 reads TLSRoute only with the flag")
            << "istio=1.28,alpha=false"
            << "TLSRoute"
            << "v1alpha2" << QStringList{"MR0026"} << false;
        // (c) a CRD below Istio's minimum
        QTest::newRow("1.30 skips the TLSRoute CRD of v1.4") << "gateway-api=v1.4.1"
                                                             << "TLSRoute"
                                                             << "v1alpha2" << QStringList{"IST0176"} << false;
        QTest::newRow("1.31 skips the TCPRoute CRD of v1.5") << "istio=1.31"
                                                             << "TCPRoute"
                                                             << "v1alpha2" << QStringList{"IST0176"} << false;
        // (d) stored, but Istio watches a version the CRDs do not serve
        QTest::newRow("the trap: v1.6 standard with Istio 1.30 ignores TCPRoute v1")
            << "istio=1.30,gateway-api=v1.6.0,channel=standard,alpha=true"
            << "TCPRoute"
            << "v1" << QStringList{"MR0027"} << false;
        QTest::newRow("the trap without the flag: setting it would not help")
            << "istio=1.30,gateway-api=v1.6.0,channel=standard,alpha=false"
            << "TCPRoute"
            << "v1" << QStringList{"MR0027"} << false;
        QTest::newRow("1.29 on a standard channel ignores TLSRoute v1")
            << "istio=1.29,channel=standard"
            << "TLSRoute"
            << "v1" << QStringList{"MR0027"} << false;
    }
    void verdicts()
    {
        QFETCH(QString, spec);
        QFETCH(QString, kind);
        QFETCH(QString, version);
        QFETCH(QStringList, codes);
        QFETCH(bool, attached);
        ResourceSet set;
        Diagnostics loadProblems;
        loadText(set, loadProblems, documentWith(kind.toStdString(), version.toStdString()), "route.yaml");
        QVERIFY(!hasErrors(loadProblems));

        AnalysisOptions options;
        options.gatewayApiTarget = target(spec);
        const Diagnostics found = analyze(set, options);
        QCOMPARE(targetCodes(found), codes);
        for (const Diagnostic &d : found) {
            if (!kTargetCodes.count(d.code))
                continue;
            // At the route's apiVersion value; Istio names the CRD for IST0176.
            QCOMPARE(d.file, std::string("route.yaml"));
            QCOMPARE(d.position, (Position{1, 13}));
            QCOMPARE(d.severity, d.code == codes::GatewayApiNotServed ? Severity::Error : Severity::Warning);
            QCOMPARE(QString::fromStdString(d.resource.display()),
                     d.code == codes::GatewayAPICRDVersionBelowMinimum
                         ? "CustomResourceDefinition " + kind.toLower() + "s.gateway.networking.k8s.io"
                         : QString("%1 apps/r").arg(kind));
            QVERIFY(!d.message.empty());
        }

        // The routing prediction agrees: an ignored or rejected route gets no status and attaches nowhere.
        gatewayapi::Options translateOptions;
        translateOptions.target = target(spec);
        const gatewayapi::Translation t = gatewayapi::translate(set, translateOptions);
        const std::string listener = kind == "TCPRoute" ? "tcp" : "tls";
        QCOMPARE(attachedRoutes(t, listener), attached ? 1 : 0);
        QCOMPARE(t.routes.size(), std::size_t(attached ? 1 : 0));
        const auto generated = std::count_if(t.classic.begin(), t.classic.end(), [](const YAML::Node &n) {
            return n["kind"].as<std::string>() == "VirtualService";
        });
        QCOMPARE(generated, attached ? 1 : 0);
        // Without a target, everything is read (the translation as before targets).
        QCOMPARE(attachedRoutes(gatewayapi::translate(set), listener), 1);
    }

    void messagesSayWhatToDo()
    {
        ResourceSet set;
        Diagnostics d;
        loadText(set, d, documentWith("TCPRoute", "v1"), "route.yaml");
        gatewayapi::Options options;
        options.target = target("istio=1.30,gateway-api=v1.6.0,channel=standard");
        const std::string trap = gatewayapi::translate(set, options).diagnostics.at(0).message;
        QCOMPARE(trap,
                 std::string("Istio 1.30 reads TCPRoute only as v1alpha2, which the Gateway API v1.6.0 "
                             "standard-channel CRDs do not serve: the API server stores TCPRoute apps/r, "
                             "but Istio ignores it without a word (no status, no route)"));
        options.target = target("alpha=false,gateway-api=v1.6.0");
        const std::string alpha = gatewayapi::translate(set, options).diagnostics.at(0).message;
        QVERIFY2(
            alpha.find(
                "set it (istioctl install --set values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=true)") !=
                std::string::npos,
            alpha.c_str());
        options.target = target("istio=1.31");
        const Diagnostic old = gatewayapi::translate(set, options).diagnostics.at(0);
        QCOMPARE(old.code, std::string("MR0025")); // v1 is not served by v1.5.1 at all: rejected first
        Diagnostics d2;
        ResourceSet alpha2;
        loadText(alpha2, d2, documentWith("TCPRoute", "v1alpha2"), "route.yaml");
        const Diagnostic ist = gatewayapi::translate(alpha2, options).diagnostics.at(0);
        QCOMPARE(ist.message,
                 std::string("Gateway API CRD \"tcproutes.gateway.networking.k8s.io\" is at version "
                             "\"1.5.1\" but Istio requires at least \"1.6.0\"; resources of this "
                             "kind will not be processed. Upgrade the Gateway API CRDs to satisfy "
                             "the minimum version."));
        QCOMPARE(ist.args.size(), std::size_t(3));
    }

    // IST0176 is Istio's finding about the CRD: once per kind, however many resources it has.
    void oldCrdIsReportedOncePerKind()
    {
        ResourceSet set;
        Diagnostics d;
        std::string text = documentWith("TLSRoute", "v1alpha2");
        text += "---\napiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TLSRoute\nmetadata:\n  name: r2\n"
                "  namespace: apps\nspec:\n  parentRefs:\n  - name: gw\n  hostnames:\n  - b.example.com\n"
                "  rules:\n  - backendRefs:\n    - name: echo\n      port: 9000\n";
        loadText(set, d, text, "routes.yaml");
        AnalysisOptions options;
        options.gatewayApiTarget = target("gateway-api=v1.4.1");
        QCOMPARE(targetCodes(analyze(set, options)), QStringList{"IST0176"});
    }

    // A ReferenceGrant the API server rejects does not exist: the backend it would permit is not.
    void aRejectedReferenceGrantPermitsNothing()
    {
        const std::string text = R"(apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata:
  name: allow
  namespace: backends
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: TCPRoute
    namespace: apps
  to:
  - group: ""
    kind: Service
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: r
  namespace: apps
spec:
  parentRefs:
  - name: gw
  rules:
  - backendRefs:
    - name: echo
      namespace: backends
      port: 9000
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: apps
spec:
  gatewayClassName: istio
  listeners:
  - name: tcp
    protocol: TCP
    port: 31400
---
apiVersion: v1
kind: Service
metadata:
  name: echo
  namespace: backends
spec:
  ports:
  - port: 9000
)";
        ResourceSet set;
        Diagnostics d;
        loadText(set, d, text, "grant.yaml");
        auto resolvedReason = [&](const QString &spec) {
            gatewayapi::Options options;
            options.target = target(spec);
            const gatewayapi::Translation t = gatewayapi::translate(set, options);
            const gatewayapi::Condition *c = t.condition(t.routes.at(0), 0, "ResolvedRefs");
            return c ? QString::fromStdString(c->reason) : QString();
        };
        QCOMPARE(resolvedReason(""), QString("ResolvedRefs")); // v1.5.1 serves v1
        QCOMPARE(resolvedReason("gateway-api=v1.4.1,istio=1.29"),
                 QString("RefNotPermitted")); // v1 is new in v1.5
    }

    // ---------------------------------------------------------------- the tutorial
    void theTutorialIsCleanForItsTarget()
    {
        const LoadResult loaded = loadPaths({(kData + "/tutorial-gateway-api.yaml").toStdString()});
        QVERIFY(loaded.diagnostics.empty());
        AnalysisOptions options;
        options.gatewayApiTarget = gatewayapi::defaultTarget();
        QCOMPARE(options.gatewayApiTarget->spec(),
                 std::string("istio=1.30,gateway-api=v1.5.1,channel=experimental,alpha=true"));
        QString problems;
        for (const Diagnostic &d : analyze(loaded.set, options))
            if (d.severity != Severity::Info)
                problems += QString::fromStdString(d.format()) + '\n';
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        gatewayapi::Options translateOptions;
        translateOptions.target = gatewayapi::defaultTarget();
        const gatewayapi::Translation t = gatewayapi::translate(loaded.set, translateOptions);
        QCOMPARE(attachedRoutes(t, "tcp-31400"), 1);
        QCOMPARE(attachedRoutes(t, "tcp-31401"), 1);

        // The same file on a cluster without the alpha flag routes nothing, and says why, twice.
        options.gatewayApiTarget = target("alpha=false");
        QCOMPARE(targetCodes(analyze(loaded.set, options)), (QStringList{"MR0026", "MR0026"}));
    }
};

QTEST_GUILESS_MAIN(TestGatewayTargets)
#include "tst_gatewaytargets.moc"
