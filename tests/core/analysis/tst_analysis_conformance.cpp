// Conformance with Istio's own analyzer tests: for every input in
// ../shared/istio/analyze/testdata/ (loaded, as Istio's tests do, together with
// default-ingress-resources.yaml), the (code, resource) pairs expected-messages.yaml
// lists are reported, nothing else of the codes of the analyzer under test is, and
// the error-level findings are exactly those pairs plus the ones istioctl's other
// analyzers report on the same input (listed below, each with its reason).
// Also: the bundled demo and Istio's TCP samples analyse without errors.

#include "analysis/analyzer.h"
#include "yaml/loader.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace meshroute;

namespace {

const QString kShared = QStringLiteral(MESHROUTE_SHARED_DIR);
const QString kAnalyze = kShared + QStringLiteral("/istio/analyze");

using Pair = QString; // "IST0101 VirtualService default/reviews-bogussubset"

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.format());
    return lines.join(QLatin1Char('\n'));
}

// In Istio's unit tests a resource without metadata.namespace keeps an empty namespace
// ("VirtualService httpbin"); istioctl analyze, like Meshroute, puts it in "default".
QString normalisedResource(const QString &resource)
{
    if (resource.contains(QLatin1Char('/')))
        return resource;
    const qsizetype space = resource.indexOf(QLatin1Char(' '));
    return resource.left(space) + QStringLiteral(" default/") + resource.mid(space + 1);
}

// The codes each analyzer named in expected-messages.yaml can produce (restricted to
// those Meshroute implements).
QSet<QString> codesOfAnalyzer(const QString &analyzer)
{
    if (analyzer.startsWith(QLatin1String("virtualservice.DestinationRuleAnalyzer")))
        return {"IST0101"};
    if (analyzer.startsWith(QLatin1String("virtualservice.GatewayAnalyzer")))
        return {"IST0101", "IST0132"};
    if (analyzer.startsWith(QLatin1String("schema.ValidationAnalyzer")))
        return {"IST0130", "IST0131"};
    if (analyzer.startsWith(QLatin1String("gateway.ConflictingGatewayAnalyzer")))
        return {"IST0145"};
    if (analyzer.startsWith(QLatin1String("destinationrule.PodNotSelectedAnalyzer")))
        return {"IST0173"};
    if (analyzer.startsWith(QLatin1String("gateway.IngressGatewayPortAnalyzer")))
        return {"IST0162"};
    return {};
}

// Errors istioctl analyze (all analyzers) also reports for these inputs, outside the
// single analyzer the Istio test runs.
QSet<Pair> otherAnalyzerErrors(const QString &file)
{
    if (file == QLatin1String("testdata/virtualservice_dupmatches.yaml")) {
        return {
            // DestinationRuleAnalyzer: subset v1 of sample.bar has no DestinationRule.
            "IST0101 VirtualService foo/sample-foo-cluster01",
            "IST0101 VirtualService default/duplicate-match",
            "IST0101 VirtualService default/almost-duplicate-match",
            // GatewayAnalyzer: tcp-echo-gateway is not in the file; DestinationRuleAnalyzer:
            // subsets v1 and v2 of tcp-echo have no DestinationRule.
            "IST0101 VirtualService default/duplicate-tcp-match",
            "IST0101 VirtualService default/duplicate-empty-tcp",
            "IST0101 VirtualService default/almost-duplicate-tcp-match",
        };
    }
    return {};
}

struct Case
{
    QString file;
    QString analyzer;
    QSet<Pair> expected;
};

QList<Case> readExpectations()
{
    QList<Case> out;
    const YAML::Node root = YAML::LoadFile((kAnalyze + "/expected-messages.yaml").toStdString());
    for (const YAML::Node &entry : root) {
        Case c;
        c.file = QString::fromStdString(entry["file"].as<std::string>());
        c.analyzer = QString::fromStdString(entry["analyzer"].as<std::string>());
        for (const YAML::Node &m : entry["expected"]) {
            c.expected.insert(QString::fromStdString(m["code"].as<std::string>()) + QLatin1Char(' ') +
                              normalisedResource(QString::fromStdString(m["resource"].as<std::string>())));
        }
        out << c;
    }
    return out;
}

QSet<Pair> pairs(const Diagnostics &diagnostics, const QSet<QString> &codes, bool errorsOnly)
{
    QSet<Pair> out;
    for (const Diagnostic &d : diagnostics) {
        const QString code = QString::fromStdString(d.code);
        if ((codes.isEmpty() || codes.contains(code)) && (!errorsOnly || d.severity == Severity::Error))
            out.insert(code + QLatin1Char(' ') + QString::fromStdString(d.resource.display()));
    }
    return out;
}

QString sorted(const QSet<Pair> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(QStringLiteral("; "));
}

} // namespace

class tst_AnalysisConformance : public QObject
{
    Q_OBJECT

private slots:
    void istioTestdata_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("analyzer");
        QTest::addColumn<QSet<Pair>>("expected");
        const QList<Case> cases = readExpectations();
        QVERIFY(cases.size() >= 6);
        for (const Case &c : cases)
            QTest::newRow(qPrintable(c.file)) << c.file << c.analyzer << c.expected;
        // Every input saved next to the expectations is covered.
        const QStringList inputs = QDir(kAnalyze + "/testdata").entryList({"*.yaml"});
        for (const QString &input : inputs) {
            QVERIFY2(std::any_of(cases.begin(), cases.end(),
                                 [&](const Case &c) { return c.file == "testdata/" + input; }),
                     qPrintable(input));
        }
    }
    void istioTestdata()
    {
        QFETCH(QString, file);
        QFETCH(QString, analyzer);
        QFETCH(QSet<Pair>, expected);
        LoadResult loaded = loadPaths({(kAnalyze + "/" + file).toStdString(),
                                       (kAnalyze + "/default-ingress-resources.yaml").toStdString()});
        QVERIFY2(!loaded.readFailed, qPrintable(file));
        QVERIFY2(!hasErrors(loaded.diagnostics), qPrintable(describe(loaded.diagnostics)));
        const Diagnostics found = analyze(loaded.set);

        // The analyzer under test: exactly Istio's findings.
        const QSet<QString> codes = codesOfAnalyzer(analyzer);
        QVERIFY2(!codes.isEmpty(), qPrintable(analyzer));
        QSet<Pair> mine = pairs(found, codes, false);
        if (analyzer.startsWith(QLatin1String("virtualservice.DestinationRuleAnalyzer")) ||
            analyzer.startsWith(QLatin1String("virtualservice.GatewayAnalyzer"))) {
            // IST0101 is shared by several analyzers; the other ones' findings are checked below.
            mine.subtract(otherAnalyzerErrors(file));
        }
        QVERIFY2(mine == expected, qPrintable("reported: " + sorted(mine) +
                                              "\nexpected: " + sorted(expected) + "\n" + describe(found)));

        // Errors: Istio's findings for this input and nothing else.
        const QSet<Pair> errors = pairs(found, {}, true);
        QSet<Pair> allowed = otherAnalyzerErrors(file);
        for (const Pair &p : expected) {
            if (!p.startsWith(QLatin1String("IST0130")) && !p.startsWith(QLatin1String("IST0131")) &&
                !p.startsWith(QLatin1String("IST0132")) && !p.startsWith(QLatin1String("IST0162")))
                allowed.insert(p); // the error-level ones
        }
        QVERIFY2(errors == allowed, qPrintable("errors: " + sorted(errors) + "\nallowed: " + sorted(allowed) +
                                               "\n" + describe(found)));
    }

    // The bundled tutorial demo: no error; the one warning is that Istio's default ingress
    // Service does not expose 31401.
    void bundledDemo()
    {
        LoadResult loaded = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo"});
        QVERIFY2(!hasErrors(loaded.diagnostics), qPrintable(describe(loaded.diagnostics)));
        const Diagnostics found = analyze(loaded.set);
        QVERIFY2(!hasErrors(found), qPrintable(describe(found)));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(found.front().code), QString("IST0162"));
        QCOMPARE(QString::fromStdString(found.front().resource.display()),
                 QString("Gateway default/tcp-echo-gateway-v2"));
        QVERIFY(found.front().message.find("port 31401") == 0);
        QVERIFY(QString::fromStdString(found.front().file).endsWith("gateway.yaml"));
    }

    // Istio's TCP samples, with the tcp-echo Service and Deployments they route to.
    void istioSamples_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("all traffic to v1")
            << QStringList{"tcp-echo-services.yaml", "tcp-echo-all-v1.yaml"} << QStringList{};
        // The traffic-shifting task applies 20-v2 over all-v1: read together, the
        // VirtualService is there twice, and that is the only error.
        QTest::newRow("80/20 between v1 and v2 over all-v1")
            << QStringList{"tcp-echo-services.yaml", "tcp-echo-all-v1.yaml", "tcp-echo-20-v2.yaml"}
            << QStringList{"MR0008 VirtualService default/tcp-echo"};
        QTest::newRow("SNI passthrough") << QStringList{"ingress-sni-passthrough.yaml"} << QStringList{};
    }
    void istioSamples()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, errors);
        std::vector<std::string> paths;
        for (const QString &f : files)
            paths.push_back((kShared + "/istio/samples/" + f).toStdString());
        LoadResult loaded = loadPaths(paths);
        QVERIFY2(!hasErrors(loaded.diagnostics), qPrintable(describe(loaded.diagnostics)));
        const Diagnostics found = analyze(loaded.set);
        const QSet<Pair> reported = pairs(found, {}, true);
        QVERIFY2(reported == QSet<Pair>(errors.begin(), errors.end()), qPrintable(describe(found)));
    }
};

QTEST_GUILESS_MAIN(tst_AnalysisConformance)
#include "tst_analysis_conformance.moc"
