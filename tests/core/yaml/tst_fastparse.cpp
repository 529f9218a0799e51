// The fast block-YAML reader: where it reads a document, its tree is the one yaml-cpp's
// parser gives (types, scalars, quoted-or-plain, marks); everything else it declines.

#include "yamltest.h"

#include "model/tree.h"
#include "yaml/fastparse.h"
#include "yaml/scan.h"

#include <QDirIterator>

using namespace meshroute;
using namespace yamltest;

namespace {

// The first difference between two trees, or "" when they are the same.
std::string difference(const tree::Node &a, const tree::Node &b, const std::string &path)
{
    const auto where = [&](const char *what) {
        return path + ": " + what + " (line " + std::to_string(a.Mark().line) + ":" +
               std::to_string(a.Mark().column) + " vs " + std::to_string(b.Mark().line) + ":" +
               std::to_string(b.Mark().column) + ")";
    };
    if (a.Type() != b.Type())
        return where("type");
    if (a.Mark().line != b.Mark().line || a.Mark().column != b.Mark().column)
        return where("mark");
    if (a.Tag() != b.Tag() || a.Scalar() != b.Scalar())
        return where(("scalar [" + a.Scalar() + "] vs [" + b.Scalar() + "]").c_str());
    if (a.size() != b.size())
        return where("size");
    if (a.IsSequence()) {
        for (std::size_t i = 0; i < a.size(); ++i)
            if (std::string d = difference(a[i], b[i], path + "[" + std::to_string(i) + "]"); !d.empty())
                return d;
    } else if (a.IsMap()) {
        auto ib = b.begin();
        for (auto ia = a.begin(); ia != a.end(); ++ia, ++ib) {
            const tree::Entry ea = *ia;
            const tree::Entry eb = *ib;
            if (std::string d = difference(ea.first, eb.first, path + " key"); !d.empty())
                return d;
            if (std::string d = difference(ea.second, eb.second, path + "." + ea.first.Scalar()); !d.empty())
                return d;
        }
    }
    return {};
}

// "" when the fast reader declines `text` or reads it as yaml-cpp does; else what differs.
std::string compareWithYamlCpp(const std::string &text, bool &accepted)
{
    tree::Tree fast;
    accepted = yamlfast::parse(text, fast);
    if (!accepted)
        return {};
    YAML::Node node;
    try {
        node = YAML::Load(text);
    } catch (const YAML::Exception &e) {
        return std::string("read what yaml-cpp refuses: ") + e.what();
    }
    tree::Tree reference;
    tree::fromYaml(node, reference);
    return difference(fast.root(), reference.root(), "$");
}

} // namespace

class tst_FastParse : public QObject
{
    Q_OBJECT

private slots:
    void readsAsYamlCppDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("the tutorial's gateway")
            << "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  selector:\n"
               "    istio: ingressgateway\n  servers:\n  - port:\n      number: 31400\n      name: tcp\n"
               "      protocol: TCP\n    hosts:\n    - \"*\"\n";
        QTest::newRow("a sequence as indented as its key")
            << "kind: Service\nspec:\n  ports:\n  - name: a\n    port: 1\n  -   name: b\n      port: 2\n";
        QTest::newRow("quoted, single-quoted, numbers that are strings")
            << "a: \"3333\"\nb: 'true'\nc: \"\"\nd: ''\ne: 'x y'   # comment\n";
        QTest::newRow("plain scalars with indicators inside")
            << "a: b#c\nurl: http://x:8080/p\nlist: a,b[c]{d}\nneg: -1\nstar: a*b\ndash: a - b\n";
        QTest::newRow("nulls and empty collections") << "a: ~\nb: null\nc: Null\nd: NULL\ne: {}\nf: []\ng: "
                                                        "{}   # empty\nh:\n- ~\n- []\nnull: k\n~: l\n";
        QTest::newRow("comments and blank lines everywhere")
            << "# head\n\napiVersion: v1 # trailing\n  # indented comment\nkind: List\n\nitems:\n# between\n"
               "- kind: Service\n\n  metadata:\n    name: s\n";
        QTest::newRow("after a document marker") << "# c\n---\nkind: Service\nmetadata:\n  name: s\n";
        QTest::newRow("a marker with a comment") << "--- # c\nkind: Service\n";
        QTest::newRow("nested sequences of mappings") << "tcp:\n- match:\n  - port: 1\n    gateways:\n    - "
                                                         "g\n  route:\n  - destination:\n      host: h\n"
                                                         "      port:\n        number: 3\n    weight: 100\n";
        QTest::newRow("keys with dots, slashes and colons")
            << "metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: x\n"
               "    a:b: c\n";
        QTest::newRow("deeper indentation steps") << "a:\n    b:\n         c: d\n    e: f\n";
        QTest::newRow("no final line break") << "a: b\nc:\n  - d";
    }

    void readsAsYamlCppDoes()
    {
        QFETCH(QString, text);
        bool accepted = false;
        const std::string difference = compareWithYamlCpp(text.toStdString(), accepted);
        QVERIFY2(difference.empty(), difference.c_str());
        QVERIFY(accepted); // each row is within what the fast reader reads
    }

    void declines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("a flow mapping") << "a: {b: c}\n";
        QTest::newRow("a flow sequence") << "a: [b, c]\n";
        QTest::newRow("an anchor and an alias") << "a: &x b\nc: *x\n";
        QTest::newRow("a tag") << "a: !!str 1\n";
        QTest::newRow("a literal block") << "a: |\n  text\n";
        QTest::newRow("a folded block") << "a: >\n  text\n";
        QTest::newRow("an escape") << "a: \"x\\ny\"\n";
        QTest::newRow("a doubled single quote") << "a: 'it''s'\n";
        QTest::newRow("a multi-line plain scalar") << "a: b\n  c\n";
        QTest::newRow("a multi-line quoted scalar") << "a: \"b\n  c\"\n";
        QTest::newRow("an empty value") << "a:\nb: c\n";
        QTest::newRow("an empty entry") << "a:\n-\n- b\n";
        QTest::newRow("a tab") << "a:\tb\n";
        QTest::newRow("CRLF") << "a: b\r\n";
        QTest::newRow("non-ASCII") << "a: caf\xc3\xa9\n";
        QTest::newRow("a quoted key") << "\"a\": b\n";
        QTest::newRow("an explicit key") << "? a\n: b\n";
        QTest::newRow("a nested sequence on one line") << "a:\n- - b\n";
        QTest::newRow("a second document") << "a: b\n---\nc: d\n";
        QTest::newRow("a directive") << "%YAML 1.2\n---\na: b\n";
        QTest::newRow("a scalar document") << "just text\n";
        QTest::newRow("a sequence document") << "- a\n";
        QTest::newRow("a bad dedent") << "a:\n    b: c\n  d: e\n";
        QTest::newRow("a value that is a key") << "a: b: c\n";
        QTest::newRow("text after a quote") << "a: \"b\" c\n";
        QTest::newRow("an unterminated quote") << "a: \"b\n";
        QTest::newRow("content on the marker line") << "--- a: b\n";
    }

    void declines()
    {
        QFETCH(QString, text);
        tree::Tree out;
        QVERIFY(!yamlfast::parse(text.toStdString(), out));
    }

    // Every document of every YAML file in the repository: read as yaml-cpp reads it, or declined.
    void repositoryFilesReadAsYamlCppDoes()
    {
        std::size_t documents = 0;
        std::size_t accepted = 0;
        for (const char *folder : {"/tests", "/resources"}) {
            QDirIterator it(QString::fromStdString(std::string(MESHROUTE_SOURCE_DIR) + folder),
                            {"*.yaml", "*.yml"}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const std::string path = it.next().toStdString();
                const std::string text = readBytes(path);
                for (const yamlscan::DocumentSpan &span : yamlscan::splitDocuments(text).documents) {
                    if (!span.hasContent)
                        continue;
                    std::string body = text.substr(span.begin, span.end - span.begin);
                    if (body.starts_with(yamlscan::kUtf8Bom))
                        body.erase(0, yamlscan::kUtf8Bom.size());
                    bool read = false;
                    const std::string difference = compareWithYamlCpp(body, read);
                    QVERIFY2(difference.empty(),
                             (path + ":" + std::to_string(span.firstLine + 1) + ": " + difference).c_str());
                    ++documents;
                    accepted += read ? 1 : 0;
                }
            }
        }
        QVERIFY(documents > 50);
        QVERIFY(accepted > documents / 3); // the fast path is the common one
    }
};

QTEST_APPLESS_MAIN(tst_FastParse)
#include "tst_fastparse.moc"
