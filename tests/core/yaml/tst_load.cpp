// Loading: files, folders, standard input, multi-document streams, kind: List,
// syntax errors with their positions, and the ResourceSet operations.

#include "yaml/loader.h"
#include "yamltest.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <algorithm>

#include <fcntl.h>
#include <unistd.h>

using namespace meshroute;
using namespace yamltest;

class tst_Load : public QObject
{
    Q_OBJECT

private slots:
    void bundledDemo()
    {
        const LoadResult result = loadPaths({demoPath()});
        QVERIFY2(!hasErrors(result.diagnostics), describe(result.diagnostics).c_str());
        QVERIFY(!result.readFailed);
        QCOMPARE(result.set.files.size(), std::size_t(5));
        // Files in sorted order, resources in file then document order.
        QVERIFY(result.set.files[0].path.ends_with("/deployment.yaml"));
        QVERIFY(result.set.files[4].path.ends_with("/virtualservice.yaml"));
        QCOMPARE(result.set.resources.size(), std::size_t(7));
        QCOMPARE(result.set.ofKind(Kind::Service).size(), std::size_t(1));
        QCOMPARE(result.set.ofKind(Kind::Deployment).size(), std::size_t(2));
        QCOMPARE(result.set.ofKind(Kind::DestinationRule).size(), std::size_t(1));
        QCOMPARE(result.set.ofKind(Kind::Gateway).size(), std::size_t(2));
        QCOMPARE(result.set.ofKind(Kind::VirtualService).size(), std::size_t(1));

        const Resource *second = result.set.find(Kind::Gateway, "", "tcp-echo-gateway-v2");
        QVERIFY(second);
        QVERIFY(result.set.fileOf(*second).ends_with("/gateway.yaml"));
        QCOMPARE(second->position, (Position{19, 1}));
        QCOMPARE(second->document, 1);
        QCOMPARE(second->item, -1);
        QVERIFY(!second->modified);
        const Resource *v2 = result.set.find(Kind::Deployment, "default", "tcp-echo-v2");
        QVERIFY(v2);
        QCOMPARE(v2->position, (Position{54, 1}));
        QCOMPARE(result.set.files[0].documents[1].firstLine, 52); // the `---` line, 0-based
        QVERIFY(!result.set.find(Kind::Gateway, "other", "tcp-echo-gateway"));
        QVERIFY(!result.set.anyModified());
    }

    void folderIsReadRecursivelyInSortedOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string root = dir.path().toStdString();
        QVERIFY(QDir(dir.path()).mkpath("sub/deeper"));
        const auto ns = [](const char *name) {
            return std::string("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ") + name + "\n";
        };
        QVERIFY(writeBytes(root + "/b.yaml", ns("b")));
        QVERIFY(writeBytes(root + "/a.yml", ns("a")));
        QVERIFY(writeBytes(root + "/sub/deeper/c.YAML", ns("c")));
        QVERIFY(writeBytes(root + "/sub/z.yaml", ns("z")));
        QVERIFY(writeBytes(root + "/notes.txt", "not: yaml: at all"));
        QVERIFY(writeBytes(root + "/README.md", "# readme"));

        // The folder, and a file in it named again: loaded once.
        const LoadResult result = loadPaths({root, root + "/b.yaml"});
        QVERIFY2(result.diagnostics.empty(), describe(result.diagnostics).c_str());
        std::vector<std::string> names;
        for (const Resource &r : result.set.resources)
            names.push_back(r.name);
        QCOMPARE(names, (std::vector<std::string>{"a", "b", "c", "z"}));
        QCOMPARE(result.set.files[2].path, root + "/sub/deeper/c.YAML");

        // A symbolic link back up the tree is not followed round and round.
        QVERIFY(QFile::link(dir.path(), dir.path() + "/sub/loop"));
        const LoadResult looped = loadPaths({root});
        QCOMPARE(looped.set.resources.size(), std::size_t(4));
    }

    void unreadablePaths_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("missing file") << "missing";
        QTest::newRow("folder without yaml") << "emptydir";
    }

    void unreadablePaths()
    {
        QFETCH(QString, what);
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        QVERIFY(QDir(dir.path()).mkpath("emptydir"));
        QVERIFY(writeBytes(root + "/emptydir/notes.txt", "hello"));
        QVERIFY(
            writeBytes(root + "/good.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: good\n"));
        const std::string path = root + "/" + what.toStdString();
        const LoadResult result = loadPaths({path, root + "/good.yaml"});
        QVERIFY(result.readFailed);
        const Diagnostic *d = findCode(result.diagnostics, codes::UnreadableInput);
        QVERIFY2(d, describe(result.diagnostics).c_str());
        QCOMPARE(d->severity, Severity::Error);
        QCOMPARE(d->file, path);
        // The readable path still loads.
        QCOMPARE(result.set.resources.size(), std::size_t(1));
    }

    void standardInput()
    {
        QTemporaryFile input;
        QVERIFY(input.open());
        const std::string text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-stdin\n"
                                 "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: second\n";
        input.write(text.data(), static_cast<qint64>(text.size()));
        input.flush();
        const int saved = ::dup(0);
        const int fd = ::open(input.fileName().toLocal8Bit().constData(), O_RDONLY);
        QVERIFY(saved >= 0 && fd >= 0);
        ::dup2(fd, 0);
        const LoadResult result = loadPaths({"-"});
        ::dup2(saved, 0);
        ::close(saved);
        ::close(fd);
        QVERIFY2(result.diagnostics.empty(), describe(result.diagnostics).c_str());
        QCOMPARE(result.set.files.size(), std::size_t(1));
        QCOMPARE(result.set.files[0].path, std::string("-"));
        QCOMPARE(result.set.resources.size(), std::size_t(2));
        QCOMPARE(result.set.resources[1].name, std::string("second"));
        QCOMPARE(result.set.resources[1].position, (Position{6, 1}));
    }

    void multiDocumentStream()
    {
        const std::string text = "# header\n"                                                // 1
                                 "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n" // 2-5
                                 "---\n"                                                     // 6
                                 "# only a comment: an empty document\n"                     // 7
                                 "---\n"                                                     // 8
                                 "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: two\n" // 9-12
                                 "...\n"                                                     // 13
                                 "# after the end\n";                                        // 14
        const Loaded loaded = loadString(text);
        QVERIFY2(loaded.diagnostics.empty(), describe(loaded.diagnostics).c_str());
        const SourceFile &file = loaded.set.files.at(0);
        QCOMPARE(file.documents.size(), std::size_t(3));
        QCOMPARE(file.documents[0].firstLine, 0);
        QCOMPARE(file.documents[1].firstLine, 5);
        QVERIFY(file.documents[1].resources.empty());
        QCOMPARE(file.documents[1].text, std::string("---\n# only a comment: an empty document\n"));
        QCOMPARE(file.documents[2].firstLine, 7);
        QCOMPARE(file.trailer, std::string("# after the end\n"));
        QCOMPARE(loaded.set.resources.size(), std::size_t(2));
        QCOMPARE(loaded.set.resources[0].position, (Position{2, 1}));
        QCOMPARE(loaded.set.resources[1].position, (Position{9, 1}));
        QCOMPARE(loaded.set.resources[1].document, 2);

        std::string joined;
        for (const SourceDocument &d : file.documents)
            joined += d.text;
        QCOMPARE(joined + file.trailer, text);
    }

    void largeInputKeepsDocumentOrder()
    {
        // Large inputs are parsed on several threads: resources and diagnostics still come in
        // document order, with the right lines.
        std::string text;
        std::vector<std::string> names;
        std::vector<int> errorLines;
        int line = 1;
        for (int i = 0; i < 6000; ++i) {
            const std::string name = "resource-" + std::to_string(i);
            std::string doc;
            if (i % 100 == 99) {
                doc = "apiVersion: v1\nkind: Namespace\nmetadata: {name: [\n";
                errorLines.push_back(line + 3); // yaml-cpp notices at the next line
            } else if (i % 7 == 3) {
                doc = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  "
                      "metadata:\n    name: " +
                      name + "a\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: " + name + "b\n";
                names.push_back(name + "a");
                names.push_back(name + "b");
            } else if (i % 50 == 0) {
                doc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name +
                      "\n  labels: &l {app: x}\nspec:\n  selector: *l\n";
                names.push_back(name);
            } else {
                doc = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
                names.push_back(name);
            }
            text += doc + "---\n";
            line += static_cast<int>(std::count(doc.begin(), doc.end(), '\n')) + 1;
        }
        QVERIFY(text.size() > (256u << 10));
        const Loaded loaded = loadString(text, "large.yaml");
        std::vector<std::string> loadedNames;
        for (const Resource &r : loaded.set.resources)
            loadedNames.push_back(r.name);
        QCOMPARE(loadedNames, names);
        std::vector<int> reported;
        for (const Diagnostic &d : loaded.diagnostics) {
            QCOMPARE(d.code, std::string(codes::SyntaxError));
            reported.push_back(d.position.line);
        }
        QCOMPARE(reported, errorLines);
        const Resource *aliased = loaded.set.find(Kind::Service, "", "resource-50");
        QVERIFY(aliased);
        QCOMPARE(aliased->node["spec"]["selector"]["app"].as<std::string>(), std::string("x"));
    }

    void kubectlList()
    {
        const LoadResult result = loadPaths({dataPath("list.yaml")});
        QVERIFY2(!hasErrors(result.diagnostics), describe(result.diagnostics).c_str());
        const SourceFile &file = result.set.files.at(0);
        QCOMPARE(file.documents.size(), std::size_t(1));
        QVERIFY(file.documents[0].isList);
        QCOMPARE(file.documents[0].resources, (std::vector<int>{0, 1}));
        QCOMPARE(result.set.resources[0].kind, Kind::Gateway);
        QCOMPARE(result.set.resources[0].item, 0);
        QCOMPARE(result.set.resources[0].position, (Position{4, 3}));
        QCOMPARE(result.set.resources[1].kind, Kind::VirtualService);
        QCOMPARE(result.set.resources[1].item, 1);
        QCOMPARE(result.set.resources[1].document, 0);
        QCOMPARE(result.set.resources[1].position, (Position{32, 3}));
    }

    void syntaxErrorIsPositionedAndOthersStillLoad()
    {
        const std::string text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n"
                                 "---\n"
                                 "apiVersion: v1\n"
                                 "kind: Namespace\n"
                                 "metadata: {name: two\n" // line 8: unclosed flow mapping
                                 "---\n"
                                 "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: three\n";
        const Loaded loaded = loadString(text);
        const Diagnostic *d = findCode(loaded.diagnostics, codes::SyntaxError);
        QVERIFY2(d, describe(loaded.diagnostics).c_str());
        QCOMPARE(d->severity, Severity::Error);
        QCOMPARE(d->file, std::string("test.yaml"));
        QCOMPARE(d->position.line, 9); // where yaml-cpp notices the mapping is not closed
        QVERIFY(d->position.column >= 1);
        QCOMPARE(loaded.set.resources.size(), std::size_t(2));
        QCOMPARE(loaded.set.resources[1].name, std::string("three"));
        // The broken document is kept as text, so saving does not lose it.
        QCOMPARE(loaded.set.files[0].documents.size(), std::size_t(3));
        QVERIFY(loaded.set.files[0].documents[1].resources.empty());
    }

    void syntaxErrorPosition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("bad indentation") << "a: 1\n  b: 2\n" << 2 << 4;
        QTest::newRow("in the second document") << "a: 1\n---\nb: [1, 2\nc: 3\n" << 4 << 2;
        QTest::newRow("unknown escape") << "a: 1\nb: \"x\\qy\"\n" << 2 << 8; // just after the escape
    }

    void syntaxErrorPosition()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const Loaded loaded = loadString(text.toStdString());
        const Diagnostic *d = findCode(loaded.diagnostics, codes::SyntaxError);
        QVERIFY2(d, describe(loaded.diagnostics).c_str());
        QCOMPARE(d->position.line, line);
        QCOMPARE(d->position.column, column);
    }

    void notAMapping()
    {
        const Loaded loaded = loadString("- just\n- a list\n");
        const Diagnostic *d = findCode(loaded.diagnostics, codes::NotAResource);
        QVERIFY2(d, describe(loaded.diagnostics).c_str());
        QCOMPARE(d->position, (Position{1, 1}));
        QVERIFY(loaded.set.resources.empty());
        QCOMPARE(loaded.set.files[0].documents.size(), std::size_t(1));
    }

    void byteOrderMarkAndDirectives()
    {
        const Loaded bom = loadString("\xEF\xBB\xBF"
                                      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bom\n");
        QVERIFY2(bom.diagnostics.empty(), describe(bom.diagnostics).c_str());
        QCOMPARE(bom.set.resources.at(0).name, std::string("bom"));
        QCOMPARE(bom.set.resources.at(0).position, (Position{1, 1}));

        const LoadResult directives = loadPaths({dataPath("directives.yaml")});
        QVERIFY2(directives.diagnostics.empty(), describe(directives.diagnostics).c_str());
        QCOMPARE(directives.set.resources.size(), std::size_t(2));
        QCOMPARE(directives.set.resources[1].name, std::string("second"));
        QCOMPARE(directives.set.resources[1].position, (Position{10, 1}));

        const Loaded future = loadString("%YAML 2.0\n---\na: 1\n");
        QVERIFY(findCode(future.diagnostics, codes::SyntaxError));
    }

    void crlfPositions()
    {
        const Loaded loaded = loadString(
            "apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: a\r\n---\r\napiVersion: v1\r\n"
            "kind: Namespace\r\nmetadata:\r\n  name: b\r\n");
        QVERIFY2(loaded.diagnostics.empty(), describe(loaded.diagnostics).c_str());
        QCOMPARE(loaded.set.resources.size(), std::size_t(2));
        QCOMPARE(loaded.set.resources[1].name, std::string("b"));
        QCOMPARE(loaded.set.resources[1].position, (Position{6, 1}));
    }

    void parseSingleDocumentForThePane()
    {
        YAML::Node node;
        Diagnostics d;
        QVERIFY(parseSingleDocument("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pane\n", node, d));
        QVERIFY2(d.empty(), describe(d).c_str());
        QCOMPARE(node["metadata"]["name"].as<std::string>(), std::string("pane"));

        d.clear();
        QVERIFY(!parseSingleDocument("a: 1\n---\nb: 2\n", node, d));
        QVERIFY(!node.IsDefined() || node.IsNull());
        QVERIFY(findCode(d, codes::SyntaxError));
        QCOMPARE(findCode(d, codes::SyntaxError)->position.line, 2); // the second `---`

        d.clear();
        QVERIFY(!parseSingleDocument("apiVersion: v1\nkind: Service\nmetadata:\n  name: [\n", node, d));
        QVERIFY(findCode(d, codes::SyntaxError));
        QVERIFY(findCode(d, codes::SyntaxError)->file.empty());

        d.clear();
        QVERIFY(!parseSingleDocument("kind: Service\n", node, d)); // no apiVersion, no name
        QVERIFY(findCode(d, codes::NotAResource));
    }

    void resourceSetEdits()
    {
        Loaded loaded = loadString("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n"
                                   "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n",
                                   "first.yaml");
        loadText(loaded.set, loaded.diagnostics, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: c\n",
                 "second.yaml");
        ResourceSet &set = loaded.set;
        QCOMPARE(set.resources.size(), std::size_t(3));
        QCOMPARE(set.fileOf(set.resources[2]), std::string("second.yaml"));

        // Every resource's node still says what its typed fields say (nothing was written
        // through a shared YAML::Node by moving resources around).
        const auto nodesMatchNames = [&set] {
            for (const Resource &r : set.resources)
                if (r.node["metadata"]["name"].as<std::string>() != r.name)
                    return false;
            return true;
        };

        // replaceNode: re-parsed, modified, still where it was; a copy of the old node kept
        // elsewhere (an undo step) still holds the old content.
        const YAML::Node before = set.resources[1].node;
        YAML::Node edited = YAML::Clone(set.resources[1].node);
        edited["metadata"]["name"] = "b2";
        const Diagnostics replaced = set.replaceNode(1, edited);
        QVERIFY2(replaced.empty(), describe(replaced).c_str());
        QCOMPARE(set.resources[1].name, std::string("b2"));
        QVERIFY(set.resources[1].modified);
        QCOMPARE(set.resources[1].document, 1);
        QCOMPARE(set.resources[1].file, 0);
        QVERIFY(set.find(Kind::Namespace, "", "b2"));
        QVERIFY(set.anyModified());
        QCOMPARE(before["metadata"]["name"].as<std::string>(), std::string("b"));
        QVERIFY(nodesMatchNames());

        // A node that is not a mapping is refused.
        const Diagnostics refused = set.replaceNode(0, YAML::Load("[1, 2]"));
        QVERIFY(findCode(refused, codes::NotAResource));
        QCOMPARE(set.resources[0].name, std::string("a"));

        // add: at the end of its file, resources stay in file order.
        const std::size_t added =
            set.add(YAML::Load("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: added\n"), 0);
        QCOMPARE(added, std::size_t(2));
        QCOMPARE(set.resources[2].name, std::string("added"));
        QCOMPARE(set.resources[2].document, 2);
        QCOMPARE(set.resources[3].name, std::string("c"));
        QCOMPARE(set.files[0].documents[2].resources, (std::vector<int>{2}));
        QCOMPARE(set.files[1].documents[0].resources, (std::vector<int>{3}));
        QVERIFY(nodesMatchNames());

        // remove: the document goes, later indices follow.
        set.remove(0);
        QCOMPARE(set.resources.size(), std::size_t(3));
        QCOMPARE(set.files[0].documents.size(), std::size_t(2));
        QCOMPARE(set.resources[0].name, std::string("b2"));
        QCOMPARE(set.resources[0].document, 0);
        QCOMPARE(set.resources[1].document, 1);
        QCOMPARE(set.files[0].documents[0].resources, (std::vector<int>{0}));
        QCOMPARE(set.files[0].documents[1].resources, (std::vector<int>{1}));
        QCOMPARE(set.files[1].documents[0].resources, (std::vector<int>{2}));
        QVERIFY(nodesMatchNames());
        QCOMPARE(set.resources[1].node["metadata"]["name"].as<std::string>(), std::string("added"));

        // add without files: a new unnamed file.
        ResourceSet empty;
        QCOMPARE(empty.add(YAML::Load("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n")),
                 std::size_t(0));
        QCOMPARE(empty.files.size(), std::size_t(1));
        QVERIFY(empty.files[0].path.empty());
        QVERIFY(empty.anyModified());
    }

    void removeListItem()
    {
        LoadResult result = loadPaths({dataPath("list.yaml")});
        ResourceSet &set = result.set;
        set.remove(0);
        QCOMPARE(set.resources.size(), std::size_t(1));
        QCOMPARE(set.files[0].documents.size(), std::size_t(1));
        QVERIFY(set.files[0].documents[0].edited);
        QCOMPARE(set.files[0].documents[0].resources, (std::vector<int>{0}));
        QCOMPARE(set.resources[0].item, 0);
        QVERIFY(set.anyModified());
        set.remove(0);
        QVERIFY(set.files[0].documents.empty()); // the last item takes the List with it
    }
};

QTEST_GUILESS_MAIN(tst_Load)
#include "tst_load.moc"
