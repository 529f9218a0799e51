// Loading keeps each document's bytes and the model; the yaml-cpp tree of a resource is built
// when first asked for. These cases pin that the lazy tree is the eager one, that untouched
// documents save and export as before, and that edits after a lazy load behave as they did.

#include "yamltest.h"

#include "yaml/writer.h"

using namespace meshroute;
using namespace yamltest;

namespace {

const char *const kTwoDocuments =
    "# the gateway\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n"
    "  name: g   # trailing comment\nspec:\n  selector:\n    istio: ingressgateway\n"
    "  servers:\n  - port: {number: 31400, name: tcp, protocol: TCP}\n"
    "    hosts: [\"*\"]\n---\napiVersion: v1\nkind: Service\nmetadata:\n"
    "  name: s\n  uid: abc\nspec:\n  ports:\n  - port: 3333\nstatus: {}\n";

const char *const kList =
    "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n"
    "    name: a\n  spec:\n    ports:\n    - port: 1\n- apiVersion: v1\n  kind: Service\n"
    "  metadata:\n    name: b\n  spec:\n    ports:\n    - port: 2\n";

// The tree every resource would have had from an eager load: yaml-cpp on the document's text.
YAML::Node eagerNode(const ResourceSet &set, const Resource &resource)
{
    std::string text = set.files[static_cast<std::size_t>(resource.file)]
                           .documents[static_cast<std::size_t>(resource.document)]
                           .text;
    YAML::Node root = YAML::Load(text);
    if (resource.item >= 0)
        return root["items"][static_cast<std::size_t>(resource.item)];
    return root;
}

void buildAll(ResourceSet &set)
{
    for (Resource &resource : set.resources)
        (void)resource.node.get();
}

} // namespace

class tst_LazyLoad : public QObject
{
    Q_OBJECT

private slots:
    void loadingBuildsNoTree_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("fast reader") << QString(kList);
        QTest::newRow("yaml-cpp (flow)") << QString(kTwoDocuments);
    }

    void loadingBuildsNoTree()
    {
        QFETCH(QString, text);
        const Loaded loaded = loadString(text.toStdString());
        QVERIFY2(!hasErrors(loaded.diagnostics), describe(loaded.diagnostics).c_str());
        QCOMPARE(loaded.set.resources.size(), std::size_t(2));
        for (const Resource &resource : loaded.set.resources)
            QVERIFY(!resource.node.isBuilt());
        // Exporting untouched resources keeps it so.
        (void)exportForKubectl(loaded.set);
        for (const Resource &resource : loaded.set.resources)
            QVERIFY(!resource.node.isBuilt());
    }

    void treeBuiltOnDemandEqualsTheEagerOne_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("two documents") << QString(kTwoDocuments);
        QTest::newRow("a List") << QString(kList);
    }

    void treeBuiltOnDemandEqualsTheEagerOne()
    {
        QFETCH(QString, text);
        const Loaded loaded = loadString(text.toStdString());
        for (const Resource &resource : loaded.set.resources) {
            const YAML::Node eager = eagerNode(loaded.set, resource);
            const YAML::Node &lazy = resource.node;
            QVERIFY(resource.node.isBuilt());
            QCOMPARE(YAML::Dump(lazy), YAML::Dump(eager));
            QCOMPARE(lazy.Mark().line, eager.Mark().line);
            QCOMPARE(lazy.Mark().column, eager.Mark().column);
            QCOMPARE(lazy["metadata"]["name"].Mark().line, eager["metadata"]["name"].Mark().line);
            QCOMPARE(lazy["metadata"]["name"].Tag(), eager["metadata"]["name"].Tag());
        }
    }

    // What export writes for an untouched resource (recorded at load) is what it writes from the tree.
    void untouchedExportEqualsExportFromTheTree_data()
    {
        QTest::addColumn<std::string>("path");
        QTest::newRow("demo") << demoPath();
        QTest::newRow("every field") << dataPath("every-field.yaml");
        QTest::newRow("list") << dataPath("list.yaml");
        QTest::newRow("comments") << dataPath("comments.yaml");
        QTest::newRow("directives") << dataPath("directives.yaml");
    }

    void untouchedExportEqualsExportFromTheTree()
    {
        QFETCH(std::string, path);
        LoadResult loaded = loadPaths({path});
        QVERIFY(!loaded.set.resources.empty());
        const std::string lazy = exportForKubectl(loaded.set);
        buildAll(loaded.set);
        QCOMPARE(exportForKubectl(loaded.set), lazy);
    }

    void untouchedDocumentsSaveByteForByte()
    {
        const std::string text = std::string(kTwoDocuments) + "---\n" + kList + "# trailer\n";
        Loaded loaded = loadString(text);
        QCOMPARE(renderFile(loaded.set, 0), text);
        buildAll(loaded.set); // building a tree changes nothing
        QCOMPARE(renderFile(loaded.set, 0), text);
    }

    void editAfterLazyLoad()
    {
        const std::string text = std::string(kTwoDocuments) + "---\n" + kList;
        Loaded loaded = loadString(text);
        // Edit the Service through its node, as the studio's edits do: a clone, changed, replaced.
        const std::size_t service = 1;
        YAML::Node node = YAML::Clone(loaded.set.resources[service].node);
        node["spec"]["ports"][0]["port"] = 4444;
        const Diagnostics found = loaded.set.replaceNode(service, node);
        QVERIFY(!hasErrors(found));
        QCOMPARE(loaded.set.resources[service].as<ServiceSpec>()->ports.at(0).port, 4444u);
        const std::string saved = renderFile(loaded.set, 0);
        // The gateway's document, comments and flow style included, is as it was; the service changed.
        QVERIFY(
            saved.starts_with(std::string(kTwoDocuments).substr(0, std::string(kTwoDocuments).find("---"))));
        QVERIFY(saved.find("port: 4444") != std::string::npos);
        QVERIFY(saved.find(kList) != std::string::npos);
        // Its export is written from the new tree; the others' from what was recorded at load.
        const std::string exported = exportForKubectl(loaded.set);
        QVERIFY(exported.find("port: 4444") != std::string::npos);
        QVERIFY(exported.find("uid") == std::string::npos);
        QVERIFY(!loaded.set.resources[0].node.isBuilt());
        // An edit in place through the built tree is seen by export too.
        loaded.set.resources[2].node["metadata"]["name"] = "renamed";
        QVERIFY(exportForKubectl(loaded.set).find("name: renamed") != std::string::npos);
    }

    void copiesShareTheTreeAndResetRebinds()
    {
        Loaded loaded = loadString(kList);
        Resource copy = loaded.set.resources[0];
        QVERIFY(!copy.node.isBuilt());
        copy.node["metadata"]["name"] = "x"; // as with YAML::Node: the copy shares the node
        QCOMPARE(loaded.set.resources[0].node["metadata"]["name"].as<std::string>(), std::string("x"));
        copy.node.reset(YAML::Load("kind: Other"));
        QCOMPARE(loaded.set.resources[0].node["metadata"]["name"].as<std::string>(), std::string("x"));
        QCOMPARE(copy.node["kind"].as<std::string>(), std::string("Other"));
        // The items of one List are read once: the second item's tree is the same document's.
        const YAML::Node &second = loaded.set.resources[1].node;
        QCOMPARE(second["metadata"]["name"].as<std::string>(), std::string("b"));
    }

    void diagnosticsKeepTheirPositions()
    {
        // The model parser reads the fast tree: its problems keep their line and column.
        const Loaded loaded =
            loadString("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                       "  name: d\nspec:\n  host: h\n  trafficPolicy:\n    loadBalancer:\n"
                       "      simple: SOMETIMES\n");
        const Diagnostic *bad = nullptr;
        for (const Diagnostic &d : loaded.diagnostics)
            if (d.severity == Severity::Error)
                bad = &d;
        QVERIFY(bad);
        QCOMPARE(bad->position.line, 9);
        QCOMPARE(bad->position.column, 15);
    }
};

QTEST_APPLESS_MAIN(tst_LazyLoad)
#include "tst_lazyload.moc"
