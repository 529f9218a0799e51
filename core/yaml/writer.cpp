#include "yaml/writer.h"

#include "yaml/blockwriter.h"
#include "yaml/scan.h"

#include <algorithm>
#include <string_view>

namespace meshroute {

namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

void emitTag(YAML::Emitter &out, const std::string &tag)
{
    if (tag.empty() || tag == "?" || tag == "!")
        return; // plain and non-plain scalars: no explicit tag
    if (tag.compare(0, kCoreTagPrefix.size(), kCoreTagPrefix) == 0)
        out << YAML::SecondaryTag(tag.substr(kCoreTagPrefix.size()));
    else if (tag[0] == '!' && tag.find('!', 1) == std::string::npos)
        out << YAML::LocalTag(tag.substr(1));
    else
        out << YAML::VerbatimTag(tag);
}

void emitValue(YAML::Emitter &out, const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull()) {
        emitTag(out, node.IsDefined() ? node.Tag() : std::string());
        out << YAML::Null;
        return;
    }
    emitTag(out, node.Tag());
    if (node.IsScalar()) {
        const std::string &value = node.Scalar();
        // Tag "!" marks a scalar that was quoted (or a block scalar) in its source: it is a
        // string even when it reads like a number or a boolean ("3333", "true"), so it stays quoted.
        if (node.Tag() == "!") {
            if (value.find('\n') != std::string::npos && yamlout::fitsLiteral(value))
                out << YAML::Literal << value;
            else
                out << YAML::DoubleQuoted << value;
        } else {
            out << value; // plain where YAML allows it; yaml-cpp quotes "*", ": " and the like
        }
        return;
    }
    // Empty collections are written in flow style ("{}", "[]") on the key's line.
    if (node.size() == 0) {
        out << YAML::Flow << (node.IsSequence() ? YAML::BeginSeq : YAML::BeginMap)
            << (node.IsSequence() ? YAML::EndSeq : YAML::EndMap);
        return;
    }
    if (node.IsSequence()) {
        out << YAML::BeginSeq;
        for (const YAML::Node &child : node)
            emitValue(out, child);
        out << YAML::EndSeq;
        return;
    }
    out << YAML::BeginMap;
    for (const auto &entry : node) {
        // A collection or a long scalar cannot be an implicit key (YAML 1.2 limits those to one
        // line of 1024 characters): write it as an explicit "? key" (found by fuzzing the export).
        if (entry.first.IsDefined() && !entry.first.IsNull() &&
            (!entry.first.IsScalar() || entry.first.Scalar().size() > yamlout::kLongestImplicitKey))
            out << YAML::LongKey;
        out << YAML::Key;
        emitValue(out, entry.first);
        out << YAML::Value;
        emitValue(out, entry.second);
    }
    out << YAML::EndMap;
}

std::string lineEnding(const std::string &text)
{
    return text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
}

std::string withLineEnding(const std::string &text, const std::string &eol)
{
    if (eol == "\n")
        return text;
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (char c : text) {
        if (c == '\n')
            out += eol;
        else
            out += c;
    }
    return out;
}

struct Line
{
    std::size_t begin;
    std::size_t end;       // after the line break
    std::string_view text; // without the line break
};

std::vector<Line> splitLines(const std::string &text)
{
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t eol = text.find('\n', pos);
        const std::size_t end = eol == std::string::npos ? text.size() : eol + 1;
        std::string_view line(text.data() + pos, (eol == std::string::npos ? text.size() : eol) - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (pos == 0 && line.substr(0, yamlscan::kUtf8Bom.size()) == yamlscan::kUtf8Bom)
            line.remove_prefix(yamlscan::kUtf8Bom.size());
        lines.push_back({pos, end, line});
        pos = end;
    }
    return lines;
}

bool isCommentOrBlank(std::string_view line)
{
    const std::size_t first = line.find_first_not_of(" \t");
    return first == std::string_view::npos || line[first] == '#';
}

// Whether the text opens with a `---` marker (after comments, blank lines and directives).
bool opensWithMarker(const std::string &text)
{
    for (const Line &line : splitLines(text)) {
        if (yamlscan::isMarkerLine(line.text, "---"))
            return true;
        if (!isCommentOrBlank(line.text) && line.text[0] != '%')
            return false;
    }
    return false;
}

// Whether the text ends with a `...` marker (then only comments and blank lines). Scans from the end.
bool closesWithEndMarker(const std::string &text)
{
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t lineEnd = end;
        if (text[lineEnd - 1] == '\n')
            --lineEnd;
        std::size_t start = 0;
        if (lineEnd > 0) {
            const std::size_t previous = text.rfind('\n', lineEnd - 1);
            start = previous == std::string::npos ? 0 : previous + 1;
        }
        std::string_view line(text.data() + start, lineEnd - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (yamlscan::isMarkerLine(line, "..."))
            return true;
        if (!isCommentOrBlank(line))
            return false;
        end = start;
    }
    return false;
}

// A changed document: its leading comments, directives and `---` line, the re-emitted
// body, then its trailing column-0 comments, as they were.
std::string reassemble(const std::string &text, const std::string &body, const std::string &eol)
{
    const std::vector<Line> lines = splitLines(text);
    std::string prefix;
    std::size_t contentBegin = 0; // first line index of the content
    for (; contentBegin < lines.size(); ++contentBegin) {
        const Line &line = lines[contentBegin];
        if (yamlscan::isMarkerLine(line.text, "---")) {
            const std::size_t rest = line.text.find_first_not_of(" \t", 3);
            if (rest != std::string_view::npos && line.text[rest] != '#') {
                // Content on the marker line ("--- !tag", "--- {...}"): keep the marker only.
                prefix += text.substr(line.begin, line.text.data() - text.data() - line.begin) + "---" + eol;
                break;
            }
        } else if (!isCommentOrBlank(line.text) && line.text[0] != '%') {
            break;
        }
        prefix += text.substr(line.begin, line.end - line.begin);
    }
    std::size_t suffixBegin = lines.size();
    while (suffixBegin > contentBegin + 1) {
        const std::string_view line = lines[suffixBegin - 1].text;
        const bool keep = line.empty() || line.find_first_not_of(" \t") == std::string_view::npos ||
                          line[0] == '#' || yamlscan::isMarkerLine(line, "...");
        if (!keep)
            break;
        --suffixBegin;
    }
    std::string suffix;
    if (suffixBegin < lines.size())
        suffix = text.substr(lines[suffixBegin].begin);
    if (!prefix.empty() && prefix.back() != '\n')
        prefix += eol;
    // A byte order mark on the content line itself stays at the front of the file.
    if (text.compare(0, yamlscan::kUtf8Bom.size(), yamlscan::kUtf8Bom) == 0 &&
        prefix.compare(0, yamlscan::kUtf8Bom.size(), yamlscan::kUtf8Bom) != 0)
        prefix.insert(0, yamlscan::kUtf8Bom);
    return prefix + withLineEnding(body, eol) + suffix;
}

// The List document with its current items (an item was changed, added or removed).
std::string emitList(const ResourceSet &set, const SourceDocument &document)
{
    YAML::Node original;
    try {
        std::string_view text = document.text;
        if (text.substr(0, yamlscan::kUtf8Bom.size()) == yamlscan::kUtf8Bom)
            text.remove_prefix(yamlscan::kUtf8Bom.size());
        original.reset(YAML::Load(std::string(text)));
    } catch (const YAML::Exception &) {
        original.reset(); // it was read once; fall back to a bare List
    }
    std::vector<YAML::Node> items;
    for (int index : document.resources)
        items.push_back(set.resources[static_cast<std::size_t>(index)].node);
    if (std::string text; yamlout::writeList(original, items, text))
        return text;
    // Collections as keys somewhere: build the List from copies (the resources stay untouched).
    YAML::Node list(YAML::NodeType::Map);
    YAML::Node sequence(YAML::NodeType::Sequence);
    for (const YAML::Node &item : items)
        sequence.push_back(YAML::Clone(item));
    bool placed = false;
    if (original.IsMap()) {
        for (const auto &entry : original) {
            const bool isItems = entry.first.IsScalar() && entry.first.Scalar() == "items";
            list[entry.first] = isItems ? sequence : entry.second;
            placed = placed || isItems;
        }
    } else {
        list["apiVersion"] = "v1";
        list["kind"] = "List";
    }
    if (!placed)
        list["items"] = sequence;
    return emitNode(list);
}

std::string renderDocument(const ResourceSet &set, const SourceDocument &document, const std::string &fileEol)
{
    if (document.resources.empty())
        return document.text;
    const bool changed =
        document.edited || std::any_of(document.resources.begin(), document.resources.end(), [&](int index) {
            return set.resources[static_cast<std::size_t>(index)].modified;
        });
    if (!changed)
        return document.text;
    std::string body;
    if (document.isList) {
        body = emitList(set, document);
    } else {
        const ResourceNode &node = set.resources[static_cast<std::size_t>(document.resources.front())].node;
        const std::optional<std::string_view> emitted = node.untouchedEmitted();
        body = emitted ? std::string(*emitted) : emitNode(node);
    }
    const std::string eol =
        document.text.find('\n') != std::string::npos ? lineEnding(document.text) : fileEol;
    return reassemble(document.text, body, eol);
}

bool isIstioApiVersion(const std::string &version)
{
    return version == "v1" || version == "v1beta1" || version == "v1alpha3";
}

std::string convertedApiVersion(const Resource &resource, const ExportOptions &options)
{
    if (!options.istioApiVersion || !isIstioApiVersion(*options.istioApiVersion) ||
        !isIstioKind(resource.kind))
        return {};
    const YAML::Node &node = resource.node;
    if (!node.IsDefined() || !node.IsMap())
        return {};
    const YAML::Node apiVersion = node["apiVersion"];
    if (!apiVersion.IsDefined() || !apiVersion.IsScalar() ||
        apiVersion.Scalar().rfind("networking.istio.io/", 0) != 0)
        return {};
    return "networking.istio.io/" + *options.istioApiVersion;
}

// The same as yamlout::writeExported, on a copy, for what the block writer leaves to yaml-cpp.
void stripServerFields(YAML::Node &node, const std::string &apiVersion)
{
    if (!node.IsMap())
        return;
    node.remove("status");
    if (!apiVersion.empty())
        node["apiVersion"] = apiVersion;
    YAML::Node metadata = node["metadata"];
    if (!metadata.IsDefined() || !metadata.IsMap())
        return;
    for (const char *field :
         {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"})
        metadata.remove(field);
    YAML::Node annotations = metadata["annotations"];
    if (annotations.IsDefined() && annotations.IsMap() &&
        annotations.remove("kubectl.kubernetes.io/last-applied-configuration") && annotations.size() == 0)
        metadata.remove("annotations");
}

// Tags the writer writes alike: the same, or none given ("", built in code) and none written ("?",
// read as plain), except on a null word, which the writer quotes without a tag.
bool writtenAlike(const YAML::Node &a, const YAML::Node &b)
{
    if (a.Tag() == b.Tag())
        return true;
    const auto plain = [](const std::string &tag) { return tag.empty() || tag == "?"; };
    if (!plain(a.Tag()) || !plain(b.Tag()))
        return false;
    return !(a.IsScalar() && yamlout::isNullWord(a.Scalar()));
}

} // namespace

bool sameTree(const YAML::Node &a, const YAML::Node &b)
{
    if (a.is(b))
        return true;
    if (a.Type() != b.Type() || a.size() != b.size() || !writtenAlike(a, b))
        return false;
    switch (a.Type()) {
    case YAML::NodeType::Scalar:
        return a.Scalar() == b.Scalar();
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map: {
        auto x = a.begin();
        auto y = b.begin();
        for (; x != a.end() && y != b.end(); ++x, ++y) {
            const bool same =
                a.IsMap() ? sameTree(x->first, y->first) && sameTree(x->second, y->second) : sameTree(*x, *y);
            if (!same)
                return false;
        }
        return x == a.end() && y == b.end();
    }
    default:
        return true; // null or undefined alike
    }
}

std::string emitNode(const YAML::Node &node)
{
    if (std::string text; yamlout::writeDocument(node, text))
        return text;
    // Collections as keys: rare enough to leave to yaml-cpp's emitter.
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetMapFormat(YAML::Block);
    out.SetSeqFormat(YAML::Block);
    out.SetNullFormat(YAML::LowerNull);
    emitValue(out, node);
    std::string text = out.c_str();
    if (!text.empty() && text.back() != '\n')
        text += '\n';
    return text;
}

std::string renderFile(const ResourceSet &set, int file)
{
    if (file < 0 || file >= static_cast<int>(set.files.size()))
        return {};
    const SourceFile &source = set.files[static_cast<std::size_t>(file)];
    std::string fileEol = "\n";
    for (const SourceDocument &document : source.documents)
        if (document.text.find('\n') != std::string::npos) {
            fileEol = lineEnding(document.text);
            break;
        }

    std::string out;
    for (const SourceDocument &document : source.documents) {
        const std::string piece = renderDocument(set, document, fileEol);
        if (!out.empty()) {
            if (out.back() != '\n')
                out += fileEol;
            // Documents that followed a removed one, and added ones, need their own separator.
            if (!opensWithMarker(piece) && !closesWithEndMarker(out))
                out += "---" + fileEol;
        }
        out += piece;
    }
    out += source.trailer;
    return out;
}

namespace {

// Whether the export may have to change the apiVersion, which needs the resource's tree.
bool mayConvert(const Resource &resource, const ExportOptions &options)
{
    return options.istioApiVersion && isIstioApiVersion(*options.istioApiVersion) &&
           isIstioKind(resource.kind);
}

} // namespace

std::string exportResource(const Resource &resource, const ExportOptions &options)
{
    // A resource whose tree was never built since loading is as it was read: its export text
    // was recorded then.
    if (!mayConvert(resource, options))
        if (const std::optional<std::string_view> text = resource.node.untouchedExport())
            return std::string(*text);
    const std::string apiVersion = convertedApiVersion(resource, options);
    if (std::string text; yamlout::writeExported(resource.node, apiVersion, text))
        return text;
    YAML::Node copy = YAML::Clone(resource.node);
    stripServerFields(copy, apiVersion);
    return emitNode(copy);
}

std::string exportForKubectl(const ResourceSet &set, const ExportOptions &options)
{
    std::string out;
    for (const Resource &resource : set.resources) {
        if (!options.includeOpaque && resource.kind == Kind::Other)
            continue;
        if (!out.empty())
            out += "---\n";
        if (!mayConvert(resource, options))
            if (const std::optional<std::string_view> text = resource.node.untouchedExport()) {
                out += *text;
                continue;
            }
        out += exportResource(resource, options);
    }
    return out;
}

} // namespace meshroute
