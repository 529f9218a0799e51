// Lossless saving: untouched documents come back byte for byte (comments, spacing,
// CRLF, Lists, unknown kinds and fields); a changed resource keeps its unknown fields
// in order while every other document stays byte-identical.

#include "support/atomicfile.h"
#include "yaml/loader.h"
#include "yaml/writer.h"
#include "yamltest.h"

#include <QTemporaryDir>

using namespace meshroute;
using namespace yamltest;

namespace {

std::string toCrlf(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

std::string joinedDocuments(const SourceFile &file)
{
    std::string out;
    for (const SourceDocument &d : file.documents)
        out += d.text;
    return out + file.trailer;
}

std::size_t indexOf(const ResourceSet &set, const std::string &name)
{
    for (std::size_t i = 0; i < set.resources.size(); ++i)
        if (set.resources[i].name == name)
            return i;
    return set.resources.size();
}

std::vector<std::string> keysOf(const YAML::Node &map)
{
    std::vector<std::string> keys;
    for (const auto &entry : map)
        keys.push_back(entry.first.Scalar());
    return keys;
}

// Same structure, order, scalars and string-ness; `where` names the first difference.
bool sameNode(const YAML::Node &a, const YAML::Node &b, std::string &where)
{
    if (a.Type() != b.Type()) {
        where += " (type)";
        return false;
    }
    if (a.IsScalar()) {
        if (a.Scalar() != b.Scalar() || a.Tag() != b.Tag()) {
            where += " (" + a.Scalar() + " " + a.Tag() + " vs " + b.Scalar() + " " + b.Tag() + ")";
            return false;
        }
        return true;
    }
    if (a.size() != b.size()) {
        where += " (size)";
        return false;
    }
    if (a.IsSequence()) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            where += "[" + std::to_string(i) + "]";
            if (!sameNode(a[i], b[i], where))
                return false;
            where.erase(where.rfind('['));
        }
        return true;
    }
    if (a.IsMap()) {
        auto left = a.begin();
        auto right = b.begin();
        for (; left != a.end(); ++left, ++right) {
            where += "." + left->first.Scalar();
            if (!sameNode(left->first, right->first, where) || !sameNode(left->second, right->second, where))
                return false;
            where.erase(where.rfind('.'));
        }
    }
    return true;
}

} // namespace

class tst_RoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void untouchedFilesComeBackByteForByte_data()
    {
        QTest::addColumn<QByteArray>("text");
        const auto fixture = [](const char *name) {
            return QByteArray::fromStdString(readBytes(dataPath(name)));
        };
        QTest::newRow("comments, odd spacing, flow styles, unknown kind, end marker")
            << fixture("comments.yaml");
        QTest::newRow("comments with CRLF line ends")
            << QByteArray::fromStdString(toCrlf(readBytes(dataPath("comments.yaml"))));
        QTest::newRow("kubectl List") << fixture("list.yaml");
        QTest::newRow("kubectl List with CRLF")
            << QByteArray::fromStdString(toCrlf(readBytes(dataPath("list.yaml"))));
        QTest::newRow("no final newline") << fixture("no-newline.yaml");
        QTest::newRow("directives and end markers") << fixture("directives.yaml");
        QTest::newRow("every modelled field") << fixture("every-field.yaml");
        QTest::newRow("demo deployments")
            << QByteArray::fromStdString(readBytes(demoPath() + "/deployment.yaml"));
        QTest::newRow("byte order mark")
            << QByteArray("\xEF\xBB\xBF# bom\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n");
        QTest::newRow("leading marker and blank lines")
            << QByteArray("\n\n---\n\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n\n\n");
        QTest::newRow("comments only") << QByteArray("# nothing here\n# at all\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("markers only") << QByteArray("---\n---\n...\n");
        QTest::newRow("unknown fields everywhere") << QByteArray(
            "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: g\n  zeta: 1\n  alpha: 2\n"
            "spec:\n  servers:\n  - port: {number: 1, name: t, protocol: TCP, extra: x}\n    hosts: ['*']\n"
            "  newField: [b, a]\nunknownTop: true\n");
        QTest::newRow("syntax error kept as text")
            << QByteArray("a: [\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n");
    }

    void untouchedFilesComeBackByteForByte()
    {
        QFETCH(QByteArray, text);
        const std::string original = text.toStdString();
        const Loaded loaded = loadString(original);
        QCOMPARE(loaded.set.files.size(), std::size_t(1));
        QCOMPARE(joinedDocuments(loaded.set.files[0]), original);
        QCOMPARE(renderFile(loaded.set, 0), original);
    }

    void reEmittedResourcesEqualTheirSource_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *name : {"comments.yaml", "list.yaml", "every-field.yaml", "directives.yaml"})
            QTest::newRow(name) << QString::fromStdString(dataPath(name));
        QTest::newRow("demo") << QString::fromStdString(demoPath());
        QTest::newRow("istio samples") << QString::fromStdString(sharedDir() + "/istio/samples");
    }

    void reEmittedResourcesEqualTheirSource()
    {
        // What a changed resource is saved as reads back as exactly what was loaded, once
        // parsing (and anything else that looked at the node) is done with it.
        QFETCH(QString, path);
        const LoadResult loaded = loadPaths({path.toStdString()});
        QVERIFY(!loaded.set.resources.empty());
        for (const Resource &resource : loaded.set.resources) {
            const SourceDocument &document = loaded.set.files[resource.file].documents[resource.document];
            YAML::Node source = YAML::Load(document.text);
            if (resource.item >= 0)
                source = source["items"][resource.item];
            const std::string emitted = emitNode(resource.node);
            std::string where = resource.name;
            QVERIFY2(sameNode(source, YAML::Load(emitted), where), (where + "\n" + emitted).c_str());
        }
    }

    void changedResourceKeepsUnknownFieldsAndOthersStayIdentical()
    {
        const std::string original = readBytes(dataPath("comments.yaml"));
        Loaded loaded = loadString(original, "comments.yaml");
        QVERIFY2(!hasErrors(loaded.diagnostics), describe(loaded.diagnostics).c_str());
        ResourceSet &set = loaded.set;
        const std::size_t vs = indexOf(set, "tcp-vs");
        QVERIFY(vs < set.resources.size());

        YAML::Node node = YAML::Clone(set.resources[vs].node);
        node["spec"]["tcp"][0]["route"][0]["destination"]["subset"] = "v2";
        set.replaceNode(vs, node);
        const std::string saved = renderFile(set, 0);

        const std::vector<SourceDocument> &documents = set.files[0].documents;
        QVERIFY(saved.starts_with(documents[0].text));
        const std::string after =
            documents[2].text + documents[3].text + documents[4].text + set.files[0].trailer;
        QVERIFY(saved.ends_with(after));
        // Its leading comment and `---` line stay.
        const std::string changed =
            saved.substr(documents[0].text.size(), saved.size() - documents[0].text.size() - after.size());
        QVERIFY2(changed.starts_with(
                     "---\n\n# The VirtualService, with an unknown field and a literal block.\napiVersion:"),
                 changed.c_str());

        const Loaded reloaded = loadString(saved, "comments.yaml");
        QVERIFY2(!hasErrors(reloaded.diagnostics), describe(reloaded.diagnostics).c_str());
        QCOMPARE(reloaded.set.resources.size(), set.resources.size());
        const YAML::Node back = reloaded.set.resources[vs].node;
        QCOMPARE(keysOf(back), (std::vector<std::string>{"apiVersion", "kind", "metadata", "spec"}));
        QCOMPARE(keysOf(back["spec"]), (std::vector<std::string>{"hosts", "gateways", "futureField", "tcp"}));
        QCOMPARE(keysOf(back["spec"]["futureField"]), (std::vector<std::string>{"keep", "order"}));
        QCOMPARE(back["spec"]["futureField"]["order"][0].as<int>(), 3);
        QCOMPARE(back["spec"]["futureField"]["order"][2].as<int>(), 2);
        QCOMPARE(back["metadata"]["annotations"]["note"].as<std::string>(),
                 std::string("first line\nsecond line\n"));
        QCOMPARE(back["spec"]["tcp"][0]["route"][0]["destination"]["subset"].as<std::string>(),
                 std::string("v2"));
        QCOMPARE(back["spec"]["tcp"][0]["route"][0]["weight"].as<int>(), 100);
        QCOMPARE(back["spec"]["hosts"][0].as<std::string>(), std::string("*"));
        // Saving the reloaded file again changes nothing.
        QCOMPARE(renderFile(reloaded.set, 0), saved);
    }

    void changedResourceInCrlfFileKeepsCrlf()
    {
        const std::string original = toCrlf(readBytes(dataPath("comments.yaml")));
        Loaded loaded = loadString(original);
        const std::size_t service = indexOf(loaded.set, "tcp-echo");
        YAML::Node node = YAML::Clone(loaded.set.resources[service].node);
        node["spec"]["ports"][0]["port"] = 4444;
        loaded.set.replaceNode(service, node);
        const std::string saved = renderFile(loaded.set, 0);
        for (std::size_t i = 0; i < saved.size(); ++i)
            if (saved[i] == '\n')
                QVERIFY2(i > 0 && saved[i - 1] == '\r', saved.substr(0, i).c_str());
        const std::vector<SourceDocument> &documents = loaded.set.files[0].documents;
        QVERIFY(
            saved.starts_with(documents[0].text + documents[1].text + documents[2].text + documents[3].text));
        QVERIFY(saved.ends_with("# trailing comment at the end of the file\r\n"));
        const Loaded reloaded = loadString(saved);
        QCOMPARE(reloaded.set.resources[service].node["spec"]["ports"][0]["port"].as<int>(), 4444);
    }

    void changedDocumentKeepsTheByteOrderMark()
    {
        Loaded loaded = loadString("\xEF\xBB\xBF"
                                   "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n");
        YAML::Node node = YAML::Clone(loaded.set.resources[0].node);
        node["metadata"]["name"] = "b";
        loaded.set.replaceNode(0, node);
        QCOMPARE(renderFile(loaded.set, 0),
                 std::string("\xEF\xBB\xBF"
                             "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n"));
    }

    void changedListItemReEmitsTheList()
    {
        const std::string original = readBytes(dataPath("list.yaml"));
        Loaded loaded = loadString(original);
        YAML::Node node = YAML::Clone(loaded.set.resources[1].node);
        node["spec"]["tcp"][0]["route"][0]["destination"]["subset"] = "v2";
        loaded.set.replaceNode(1, node);
        const std::string saved = renderFile(loaded.set, 0);
        QVERIFY(saved.starts_with(
            "# what `kubectl get gateway,virtualservice -o yaml` prints\napiVersion: v1\nitems:\n"));
        const Loaded reloaded = loadString(saved);
        QVERIFY2(!hasErrors(reloaded.diagnostics), describe(reloaded.diagnostics).c_str());
        QVERIFY(reloaded.set.files[0].documents[0].isList);
        QCOMPARE(reloaded.set.resources.size(), std::size_t(2));
        QCOMPARE(reloaded.set.resources[0].name, std::string("tcp-echo-gateway"));
        QCOMPARE(reloaded.set.resources[1]
                     .node["spec"]["tcp"][0]["route"][0]["destination"]["subset"]
                     .as<std::string>(),
                 std::string("v2"));
        QCOMPARE(reloaded.set.resources[0].node["metadata"]["resourceVersion"].as<std::string>(),
                 std::string("12345"));
        QCOMPARE(keysOf(YAML::Load(saved)),
                 (std::vector<std::string>{"apiVersion", "items", "kind", "metadata"}));
    }

    void removedDocumentsDropAndAddedOnesAppend()
    {
        const std::string original = readBytes(demoPath() + "/gateway.yaml");
        Loaded loaded = loadString(original, "gateway.yaml");
        ResourceSet &set = loaded.set;
        const std::string second = set.files[0].documents[1].text;
        set.remove(0);
        QCOMPARE(renderFile(set, 0), second);

        set.add(YAML::Load("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: added\n"
                           "spec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: "
                           "31402, name: tcp, "
                           "protocol: TCP}\n    hosts: ['*']\n"),
                0);
        const std::string saved = renderFile(set, 0);
        QVERIFY(saved.starts_with(second + "---\napiVersion: networking.istio.io/v1\nkind: Gateway\n"));
        const Loaded reloaded = loadString(saved);
        QVERIFY2(!hasErrors(reloaded.diagnostics), describe(reloaded.diagnostics).c_str());
        QCOMPARE(reloaded.set.resources.size(), std::size_t(2));
        QCOMPARE(reloaded.set.resources[1].name, std::string("added"));
        QCOMPARE(reloaded.set.resources[1].node["spec"]["servers"][0]["hosts"][0].as<std::string>(),
                 std::string("*"));

        // Appending to a file without a final line break.
        Loaded unterminated = loadString(readBytes(dataPath("no-newline.yaml")));
        unterminated.set.add(YAML::Load("apiVersion: v1\nkind: Namespace\nmetadata: {name: appended}\n"), 0);
        const Loaded appended = loadString(renderFile(unterminated.set, 0));
        QVERIFY2(appended.diagnostics.empty(), describe(appended.diagnostics).c_str());
        QCOMPARE(appended.set.resources.size(), std::size_t(2));
        QCOMPARE(appended.set.resources[1].name, std::string("appended"));

        // Removing the first of three documents: the others keep their separators.
        Loaded three = loadString("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n...\n"
                                  "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n"
                                  "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n");
        three.set.remove(0);
        const Loaded after = loadString(renderFile(three.set, 0));
        QCOMPARE(after.set.resources.size(), std::size_t(2));
        QCOMPARE(after.set.resources[0].name, std::string("b"));
        QCOMPARE(after.set.resources[1].name, std::string("c"));
    }

    void savedThroughAnAtomicWrite()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/comments.yaml";
        QVERIFY(writeBytes(path, readBytes(dataPath("comments.yaml"))));
        LoadResult result = loadPaths({path});
        const std::size_t gw = indexOf(result.set, "tcp-gw");
        YAML::Node node = YAML::Clone(result.set.resources[gw].node);
        node["spec"]["servers"][0]["port"]["number"] = 31401;
        result.set.replaceNode(gw, node);
        std::string error;
        QVERIFY2(writeFileAtomically(path, renderFile(result.set, 0), error), error.c_str());
        const LoadResult again = loadPaths({path});
        QVERIFY2(!hasErrors(again.diagnostics), describe(again.diagnostics).c_str());
        QCOMPARE(again.set.resources[gw].node["spec"]["servers"][0]["port"]["number"].as<int>(), 31401);
        QCOMPARE(again.set.resources[gw].node["metadata"]["namespace"].as<std::string>(),
                 std::string("default"));
        // The header comment of the changed first document survives.
        QVERIFY(readBytes(path).starts_with("# A hand-written file: comments everywhere"));
    }

    void emittedScalarsReadBackTheSame_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("star host") << R"("*")";
        QTest::newRow("quoted number stays a string") << R"("3333")";
        QTest::newRow("single-quoted number") << "'8080'";
        QTest::newRow("quoted true") << R"("true")";
        QTest::newRow("quoted null") << R"("null")";
        QTest::newRow("quoted yes") << R"("yes")";
        QTest::newRow("colon space") << R"("a: b")";
        QTest::newRow("hash") << R"("#not a comment")";
        QTest::newRow("dash") << R"("- x")";
        QTest::newRow("empty string") << R"("")";
        QTest::newRow("leading space") << R"(" lead")";
        QTest::newRow("tab inside") << R"("a\tb")";
        QTest::newRow("literal block") << "|\n  line one\n  line two\n";
        QTest::newRow("literal block, strip") << "|-\n  line one\n  line two\n";
        QTest::newRow("literal block, keep") << "|+\n  one\n\n";
        QTest::newRow("folded block") << ">\n  folded\n  text\n";
        QTest::newRow("multi-line with trailing space") << R"("a \nb")";
        QTest::newRow("unicode") << R"("日本語 ✓")";
        QTest::newRow("plain number") << "3333";
        QTest::newRow("plain bool") << "true";
        QTest::newRow("plain null") << "~";
        QTest::newRow("empty value") << "";
        QTest::newRow("plain float") << "1.5";
        QTest::newRow("wildcard host") << R"("*.example.com")";
        QTest::newRow("binary tag") << "!!binary aGVsbG8=";
        QTest::newRow("str tag") << "!!str 42";
        QTest::newRow("local tag") << "!custom thing";
    }

    void emittedScalarsReadBackTheSame()
    {
        QFETCH(QString, value);
        const std::string source = "k: " + value.toStdString() + "\n";
        const YAML::Node original = YAML::Load(source);
        const std::string emitted = emitNode(original);
        YAML::Node back;
        try {
            back = YAML::Load(emitted);
        } catch (const YAML::Exception &e) {
            QFAIL((std::string("emitted YAML does not parse: ") + e.what() + "\n" + emitted).c_str());
        }
        const YAML::Node a = original["k"];
        const YAML::Node b = back["k"];
        QCOMPARE(b.IsNull(), a.IsNull());
        if (a.IsNull())
            return;
        QVERIFY2(b.Scalar() == a.Scalar(), emitted.c_str());
        // A string stays a string: what was quoted is still quoted (tag "!"), plain stays plain.
        QVERIFY2(b.Tag() == a.Tag(), emitted.c_str());
    }

    void emittedStructuresReadBackTheSame_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("nested sequences") << "a:\n- - 1\n  - 2\n- - 3\n";
        QTest::newRow("maps in sequences in maps") << "a:\n- b:\n  - 1\n  c: 2\n- {d: [e, {f: g}]}\n";
        QTest::newRow("tagged collections")
            << "a: !custom {b: 1}\nc: !!omap [x]\nd:\n- !t {e: 1}\n- !t [1]\n";
        QTest::newRow("literal block in a sequence") << "- |\n  x\n    indented\n  y\n- z\n";
        QTest::newRow("quoted and odd keys") << "\"a: b\": 1\n\"3\": x\n'': empty\n\"#k\": 2\n\"- k\": 3\n";
        QTest::newRow("null key") << "~: 1\n";
        QTest::newRow("collection as key (yaml-cpp fallback)") << "? [a, b]\n: 1\nc: d\n";
        // Found by the writer only when it gets there, after it wrote the entries before.
        QTest::newRow("collection as key deep inside (yaml-cpp fallback)")
            << "a: 1\nb:\n  c: [1, 2]\n  d:\n  - ? {x: y}\n    : z\n";
        QTest::newRow("key with a line break (yaml-cpp fallback)") << "a: 1\nb: {\"k\\nl\": 1}\n";
        QTest::newRow("key longer than an implicit key may be (yaml-cpp fallback)")
            << "a: 1\nb:\n  " + QString(200, QLatin1Char('k')) + ": 1\n";
        QTest::newRow("top-level scalar") << "just text\n";
        QTest::newRow("top-level literal") << "--- |\n  a\n  b\n";
        QTest::newRow("flow everything") << "{a: [{b: [c, {d: e}]}], f: [], g: {}, h: ~}\n";
        QTest::newRow("unicode") << "日本: 語\nkey: \"naïve – “quotes”\"\n";
        QTest::newRow("anchors expand") << "a: &x {b: 1}\nc: *x\n";
        QTest::newRow("escapes") << "a: \"tab\\there\\u0001 bell\\a back\\\\slash \\\"q\\\"\"\n";
        QTest::newRow("special plain values") << "a: -1\nb: http://x:80/y\nc: a#b\nd: 1:2\ne: ?x\nf: -x\n";
    }

    void emittedStructuresReadBackTheSame()
    {
        QFETCH(QString, source);
        const YAML::Node original = YAML::Load(source.toStdString());
        const std::string emitted = emitNode(original);
        YAML::Node back;
        try {
            back = YAML::Load(emitted);
        } catch (const YAML::Exception &e) {
            QFAIL((std::string("emitted YAML does not parse: ") + e.what() + "\n" + emitted).c_str());
        }
        std::string where = "document";
        QVERIFY2(sameNode(original, back, where), (where + "\n" + emitted).c_str());
    }

    void stringsMadeInCodeReadBackTheSame_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *value : {"*",         "*.example.com",
                                  "a: b",      "#x",
                                  "a #b",      "- x",
                                  "-",         "?",
                                  ":",         "null",
                                  "~",         "",
                                  " lead",     "trail ",
                                  "x\ny",      "--- x",
                                  "...",       "%x",
                                  "@x",        "`x",
                                  "!x",        "&x",
                                  "|",         ">",
                                  "[a]",       "{a}",
                                  "'q'",       "\"q\"",
                                  "tab\there", "end:",
                                  "ünïcödé"})
            QTest::newRow(value) << QString::fromUtf8(value);
    }

    void stringsMadeInCodeReadBackTheSame()
    {
        QFETCH(QString, value);
        YAML::Node node;
        node["key"] = value.toStdString();
        node["list"].push_back(value.toStdString());
        const std::string emitted = emitNode(node);
        const YAML::Node back = YAML::Load(emitted);
        QVERIFY2(back["key"].IsScalar(), emitted.c_str());
        QCOMPARE(QString::fromStdString(back["key"].Scalar()), value);
        QCOMPARE(QString::fromStdString(back["list"][0].Scalar()), value);
    }

    void emitLooksLikeKubectlInput()
    {
        const LoadResult demo = loadPaths({demoPath() + "/virtualservice.yaml"});
        const std::string text = emitNode(demo.set.resources.at(0).node);
        QVERIFY2(text.starts_with(
                     "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: tcp-echo\n"
                     "spec:\n  hosts:\n    - \"*\"\n  gateways:\n    - tcp-echo-gateway\n"),
                 text.c_str());
        QVERIFY2(text.find("      route:\n        - destination:\n            host: "
                           "tcp-echo.default.svc.cluster.local\n") != std::string::npos,
                 text.c_str());
        // Flow styles become block style.
        const std::string flow = emitNode(YAML::Load("a: {b: [1, 2], c: {}}\nd: []\n"));
        QCOMPARE(flow, std::string("a:\n  b:\n    - 1\n    - 2\n  c: {}\nd: []\n"));
    }

    // sameTree says "emitNode writes these alike" without writing: every pair here is compared both
    // ways, and its answer checked against the two texts.
    void sameTreeAnswersAsTheWriter_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("same");
        const QByteArray base = "kind: Service\nspec:\n  ports:\n    - port: 3333\n      name: tcp\n";
        QTest::newRow("equal") << base << base << true;
        QTest::newRow("a scalar") << base << QByteArray(base).replace("3333", "3334") << false;
        QTest::newRow("quoted string, plain number")
            << base << QByteArray(base).replace("3333", "\"3333\"") << false;
        QTest::newRow("key order")
            << base << QByteArray("kind: Service\nspec:\n  ports:\n    - name: tcp\n      port: 3333\n")
            << false;
        QTest::newRow("one entry more") << base << base + "status: {}\n" << false;
        QTest::newRow("an item more") << base << base + "    - port: 1\n" << false;
        QTest::newRow("map, sequence") << QByteArray("a: {}\n") << QByteArray("a: []\n") << false;
        QTest::newRow("null, empty string") << QByteArray("a: null\n") << QByteArray("a: \"\"\n") << false;
        QTest::newRow("flow and block styles")
            << QByteArray("a: {b: [1, 2]}\n") << QByteArray("a:\n  b:\n    - 1\n    - 2\n") << true;
    }

    void sameTreeAnswersAsTheWriter()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, same);
        const YAML::Node x = YAML::Load(a.toStdString());
        const YAML::Node y = YAML::Load(b.toStdString());
        QCOMPARE(sameTree(x, y), same);
        QCOMPARE(sameTree(y, x), same);
        QCOMPARE(emitNode(x) == emitNode(y), same);
    }

    void sameTreeTakesCodeBuiltScalarsAsRead()
    {
        // A value set in code (no tag) is written as the same value read plain ("?"), except a null
        // word, which the writer quotes when it was set in code.
        YAML::Node read = YAML::Load("spec:\n  replicas: 4\n  name: null\n");
        YAML::Node built = YAML::Clone(read);
        built["spec"]["replicas"] = 4;
        QVERIFY(sameTree(read, built));
        QCOMPARE(emitNode(read), emitNode(built));
        built["spec"]["name"] = "null";
        QVERIFY(!sameTree(read, built));
        QVERIFY(emitNode(read) != emitNode(built));
    }

    void anEditsTextIsReadBackWithoutYamlCpp()
    {
        // parseEmitted: the model from the light reader, the node built from the text only when asked,
        // with the marks yaml-cpp gives that text.
        const std::string text = emitNode(YAML::Load(readBytes(demoPath() + "/virtualservice.yaml")));
        Diagnostics diagnostics;
        std::optional<Resource> read = parseEmitted(text, "vs.yaml", diagnostics);
        QVERIFY(read);
        QVERIFY(diagnostics.empty());
        QCOMPARE(read->kind, Kind::VirtualService);
        QCOMPARE(read->name, std::string("tcp-echo"));
        QVERIFY(!read->node.isBuilt());
        QCOMPARE(std::string(read->node.untouchedEmitted().value_or("")), text);
        const YAML::Node built = read->node;
        QVERIFY(read->node.isBuilt());
        QVERIFY(!read->node.untouchedEmitted());
        QCOMPARE(emitNode(built), text);
        QCOMPARE(built["spec"]["tcp"].Mark().line, YAML::Load(text)["spec"]["tcp"].Mark().line);
        // Beyond the light reader (an anchor) or not a mapping: nothing, for yaml-cpp to read.
        QVERIFY(!parseEmitted("a: &x 1\nb: *x\n", "x.yaml", diagnostics));
        QVERIFY(!parseEmitted("- 1\n", "x.yaml", diagnostics));
        // A model problem is found, at its line of the text.
        diagnostics.clear();
        QVERIFY(parseEmitted(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: many\n",
            "d.yaml", diagnostics));
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics.front().position.line, 6);
        QCOMPARE(diagnostics.front().file, std::string("d.yaml"));
    }
};

QTEST_GUILESS_MAIN(tst_RoundTrip)
#include "tst_roundtrip.moc"
