// One-click fixes (editing/fixes): one row per fixable diagnostic, found by its id on a small
// document, the fix's label, the edit it makes (the finding is gone, one undo step brings it
// back), and that it reads the id and the arguments only, never the English text.

#include "document/document.h"
#include "editing/fixes.h"
#include "graph/layoutstore.h"
#include "studiotest.h"
#include "window/ingresspatchdialog.h"
#include "window/settings.h"

#include <QApplication>
#include <QComboBox>
#include <QTemporaryDir>

#include <QUndoStack>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

const char *kBase = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: default
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
kind: Gateway
metadata:
  name: gw2
  namespace: default
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 31401
      name: tcp-two
      protocol: TCP
    hosts:
    - "*"
---
apiVersion: v1
kind: Service
metadata:
  name: echo
  namespace: default
spec:
  selector:
    app: echo
  ports:
  - name: tcp
    port: 9000
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: echo-v1
  namespace: default
spec:
  selector:
    matchLabels:
      app: echo
  template:
    metadata:
      labels:
        app: echo
        version: v1
    spec:
      containers:
      - name: echo
        image: echo
---
)";

const char *kRule = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: echo
  namespace: default
spec:
  host: echo
  subsets:
  - name: v1
    labels:
      version: v1
---
)";

const char *kRuleWithoutSubsets = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: echo
  namespace: default
spec:
  host: echo
---
)";

std::string virtualService(const std::string &gateways, const std::string &rules)
{
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: echo\n"
           "  namespace: default\nspec:\n  hosts:\n  - \"*\"\n" +
           gateways + "  tcp:\n" + rules;
}

const Diagnostic *findById(const Document &document, const std::string &id)
{
    for (const Diagnostic &d : document.diagnostics())
        if (d.messageId == id)
            return &d;
    return nullptr;
}

} // namespace

class TestFixes : public QObject
{
    Q_OBJECT

private slots:
    void fixes_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("label"); // empty: no fix
        QTest::addColumn<QString>("after"); // a line the edited document has

        const std::string gw = "  gateways:\n  - gw\n";
        const std::string routeV3 = "  - match:\n    - port: 31400\n    route:\n    - destination:\n"
                                    "        host: echo\n        subset: v3\n";
        QTest::newRow("subset-not-defined")
            << QString::fromStdString(kBase + std::string(kRule) + virtualService(gw, routeV3))
            << "subset-not-defined"
            << "Create subset v3"
            << "  - name: v3";
        QTest::newRow("subset-not-defined-none")
            << QString::fromStdString(kBase + std::string(kRuleWithoutSubsets) + virtualService(gw, routeV3))
            << "subset-not-defined-none"
            << "Create subset v3"
            << "  - name: v3";

        const std::string split =
            "  - match:\n    - port: 31400\n    route:\n    - destination:\n"
            "        host: echo\n        subset: v1\n      weight: 30\n"
            "    - destination:\n        host: echo\n        subset: v1\n      weight: 10\n";
        QTest::newRow("weights-not-100")
            << QString::fromStdString(kBase + std::string(kRule) + virtualService(gw, split))
            << "weights-not-100"
            << "Normalise weights to 100"
            << "weight: 75";
        const std::string zero =
            "  - match:\n    - port: 31400\n    route:\n    - destination:\n"
            "        host: echo\n        subset: v1\n      weight: 0\n"
            "    - destination:\n        host: echo\n        subset: v1\n      weight: 0\n";
        QTest::newRow("weights-all-zero")
            << QString::fromStdString(kBase + std::string(kRule) + virtualService(gw, zero))
            << "weights-all-zero"
            << "Normalise weights to 100"
            << "weight: 50";
        const std::string single = "  - match:\n    - port: 31400\n    route:\n    - destination:\n"
                                   "        host: echo\n        subset: v1\n      weight: 40\n";
        QTest::newRow("weight-single-not-100")
            << QString::fromStdString(kBase + std::string(kRule) + virtualService(gw, single))
            << "weight-single-not-100"
            << "Normalise weights to 100"
            << "weight: 100";

        const std::string narrowed =
            "  - match:\n    - port: 31400\n    route:\n    - destination:\n"
            "        host: echo\n        subset: v1\n"
            "  - match:\n    - port: 31401\n      gateways:\n      - gw2\n    route:\n"
            "    - destination:\n        host: echo\n        subset: v1\n";
        QTest::newRow("match-gateway-not-bound")
            << QString::fromStdString(kBase + std::string(kRule) + virtualService(gw, narrowed))
            << "match-gateway-not-bound"
            << "Bind to gateway gw2"
            << "  - gw2";
        QTest::newRow("match-gateway-not-bound-default")
            << QString::fromStdString(kBase + std::string(kRule) + virtualService("", narrowed))
            << "match-gateway-not-bound-default"
            << "Bind to gateway gw2"
            << "  - gw2";
        QTest::newRow("gateway-port-without-route")
            << QString::fromStdString(kBase + std::string(kRule) + virtualService(gw, narrowed))
            << "gateway-port-without-route"
            << "Bind to gateway gw2"
            << "  - gw2";

        // Findings without an unambiguous fix.
        const std::string plain = "  - match:\n    - port: 31400\n    route:\n    - destination:\n"
                                  "        host: echo\n        subset: v1\n";
        QTest::newRow("gateway-port-without-route, no VirtualService names it")
            << QString::fromStdString(kBase + std::string(kRule) + virtualService(gw, plain))
            << "gateway-port-without-route" << QString() << QString();
        QTest::newRow("subset-host-without-rule")
            << QString::fromStdString(kBase + virtualService(gw, routeV3)) << "subset-host-without-rule"
            << QString() << QString();
    }

    void fixes()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, id);
        QFETCH(QString, label);
        QFETCH(QString, after);
        Document document;
        document.restore({{QStringLiteral("input.yaml"), yaml}});
        const Diagnostic *found = findById(document, id.toStdString());
        QVERIFY2(found, qPrintable(id));
        const Diagnostic problem = *found;

        Fix fix = fixFor(document, problem);
        QCOMPARE(fix.label, label);
        if (label.isEmpty()) {
            QVERIFY(!fix.apply);
            return;
        }
        QVERIFY(fix.apply);

        // The English text plays no part: the same finding reworded gets the same fix.
        Diagnostic reworded = problem;
        reworded.message = "reworded";
        QCOMPARE(fixFor(document, reworded).label, label);

        const int steps = document.undoStack()->count();
        fix.apply();
        QCOMPARE(document.undoStack()->count(), steps + 1);
        QVERIFY2(!findById(document, id.toStdString()), qPrintable(id));
        QString all;
        for (std::size_t i = 0; i < document.set().resources.size(); ++i)
            all += document.yamlOf(i);
        QVERIFY2(all.contains(after), qPrintable(all));
        document.undoStack()->undo();
        QVERIFY(findById(document, id.toStdString()));
    }

    // The label in the UI language.
    void labelsInTheUserLanguage()
    {
        Document document;
        const std::string text =
            kBase + std::string(kRule) +
            virtualService("  gateways:\n  - gw\n",
                           "  - match:\n    - port: 31400\n    route:\n    - destination:\n"
                           "        host: echo\n        subset: v3\n");
        document.restore({{QStringLiteral("input.yaml"), QString::fromStdString(text)}});
        const Diagnostic *found = findById(document, "subset-not-defined");
        QVERIFY(found);
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslation(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        const QString label = fixFor(document, *found).label;
        installTranslation(*app, QStringLiteral("en"));
        QCOMPARE(label, QString::fromUtf8("创建子集 v3"));
    }

    // A diagnostic without a resource, or on another kind, has no fix.
    void noResourceNoFix()
    {
        Document document;
        document.restore({{QStringLiteral("input.yaml"), QString::fromUtf8(kBase)}});
        Diagnostic d =
            makeDiagnostic(Severity::Warning, "MR0009", Message{"weights-not-100", {"2", "x", "40"}}, {}, {});
        QVERIFY(fixFor(document, d).label.isEmpty());
        d.resource = {"Service", "default", "echo"};
        QVERIFY(fixFor(document, d).label.isEmpty());
    }

    // IST0162's fix opens the ingress gateway patch for the cluster (IstioOperator overlay, Helm
    // values or Service patch, as core writes them); the routing is left as it is.
    void exposePortOnTheIngressGateway_data()
    {
        QTest::addColumn<int>("form");
        QTest::addColumn<QString>("portsKey");
        QTest::newRow("operator") << static_cast<int>(install::PatchForm::Operator) << "kind: IstioOperator";
        QTest::newRow("helm") << static_cast<int>(install::PatchForm::Helm) << "service:\n  ports:";
        QTest::newRow("service") << static_cast<int>(install::PatchForm::Service) << "spec:\n  ports:";
    }
    void exposePortOnTheIngressGateway()
    {
        QFETCH(int, form);
        QFETCH(QString, portsKey);
        QTemporaryDir dir;
        Document document;
        QVERIFY(document.open({studiotest::copyDemo(dir.path())}));
        const auto found =
            std::find_if(document.diagnostics().begin(), document.diagnostics().end(),
                         [](const Diagnostic &d) { return d.messageId == "gateway-port-not-exposed"; });
        QVERIFY(found != document.diagnostics().end());
        const Fix fix = fixFor(document, *found);
        QCOMPARE(fix.label, QString::fromUtf8("Expose port 31401 on the ingress gateway…"));
        QVERIFY(fix.apply);

        const int steps = document.undoStack()->count();
        IngressPatchDialog dialog(document);
        dialog.setForm(static_cast<install::PatchForm>(form));
        const install::IngressGateway ingress =
            install::resolveIngress(document.set(), install::IngressChoice::Analyze);
        const std::string expected =
            install::ingressPatch(static_cast<install::PatchForm>(form), ingress,
                                  install::ingressServicePorts(document.set(), ingress));
        QCOMPARE(dialog.text(), QString::fromStdString(expected));
        QVERIFY2(dialog.text().contains(portsKey), qPrintable(dialog.text()));
        QVERIFY(dialog.text().contains("name: tcp-31401"));
        const QString saved = dir.filePath("out/ingress.yaml");
        QVERIFY(QDir().mkpath(dir.filePath("out")));
        QVERIFY(dialog.saveTo(saved));
        QCOMPARE(studiotest::readAll(saved), dialog.text());
        QCOMPARE(document.undoStack()->count(), steps); // not an edit of the routing
        QVERIFY(!document.isModified());
    }

    // Under Xvfb (or offscreen) with MESHROUTE_SCREENSHOTS=<folder>: the ingress patch dialog as PNG.
    void ingressPatchDialogScreenshot()
    {
        const QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOTS");
        if (folder.isEmpty())
            QSKIP("set MESHROUTE_SCREENSHOTS to a folder to take screenshots");
        QDir().mkpath(folder);
        QTemporaryDir dir;
        Document document;
        QVERIFY(document.open({studiotest::copyDemo(dir.path())}));
        IngressPatchDialog dialog(document);
        dialog.resize(760, 560);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(QDir(folder).filePath("ingress-patch-dialog.png")));
    }

    // The ingress choice is the document's: IST0162 follows it, and it is kept in the sidecar.
    void ingressChoiceIsStoredWithTheDocument()
    {
        QTemporaryDir dir;
        const QString folder = studiotest::copyDemo(dir.path());
        Document document;
        QVERIFY(document.open({folder}));
        auto flagged = [&document] {
            QStringList ports;
            for (const Diagnostic &d : document.diagnostics())
                if (d.messageId == "gateway-port-not-exposed")
                    ports << QString::fromStdString(d.args.at(0).text);
            return ports;
        };
        QCOMPARE(flagged(), QStringList{"31401"});
        QSignalSpy updated(&document, &Document::diagnosticsUpdated);
        document.setIngressChoice(install::IngressChoice::Default);
        QCOMPARE(updated.count(), 1);
        QCOMPARE(flagged(), QStringList({"31400", "31401"}));
        QCOMPARE(LayoutStore::loadSettings(folder).value("ingress").toString(), QString("default"));
        QVERIFY(!document.isModified());

        Document reopened;
        QVERIFY(reopened.open({folder}));
        QCOMPARE(reopened.ingressChoice(), install::IngressChoice::Default);
        QCOMPARE(reopened.diagnostics().size(), document.diagnostics().size());
        IngressPatchDialog dialog(reopened);
        dialog.setForm(install::PatchForm::Helm);
        QVERIFY2(dialog.text().contains("name: tcp-31400") && dialog.text().contains("targetPort: 8080"),
                 qPrintable(dialog.text())); // the default profile's ports, repeated
        reopened.setIngressChoice(install::IngressChoice::Analyze);
        QVERIFY(LayoutStore::loadSettings(folder).isEmpty());
    }
};

STUDIO_TEST_MAIN(TestFixes)
#include "tst_fixes.moc"
