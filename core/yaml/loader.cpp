#include "yaml/loader.h"

#include "support/atomicfile.h"
#include "yaml/blockwriter.h"
#include "yaml/fastparse.h"
#include "yaml/scan.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <new>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <utility>

namespace meshroute {

namespace fs = std::filesystem;

namespace {

// Diagnostics name standard input with an empty file (printed as "<input>").
std::string diagnosticFile(const std::string &path)
{
    return path == "-" ? std::string() : path;
}

void report(Diagnostics &diagnostics, Severity severity, const char *code, Message message,
            const std::string &file, Position position = {})
{
    diagnostics.push_back(makeDiagnostic(severity, code, std::move(message), file, position));
}

// yaml-cpp says what it found in English only (YAML::Exception::msg, one of its ErrorMsg
// constants, some followed by a detail): the constant's fragment id, so that it is translated.
MessageArg yamlError(const std::string &msg)
{
    namespace E = YAML::ErrorMsg;
    static const std::pair<const char *, const char *> exact[] = {
        {E::YAML_DIRECTIVE_ARGS, "yaml-directive-args"},
        {E::YAML_MAJOR_VERSION, "yaml-major-version"},
        {E::REPEATED_YAML_DIRECTIVE, "yaml-repeated-directive"},
        {E::TAG_DIRECTIVE_ARGS, "yaml-tag-directive-args"},
        {E::REPEATED_TAG_DIRECTIVE, "yaml-repeated-tag-directive"},
        {E::CHAR_IN_TAG_HANDLE, "yaml-char-in-tag-handle"},
        {E::TAG_WITH_NO_SUFFIX, "yaml-tag-with-no-suffix"},
        {E::END_OF_VERBATIM_TAG, "yaml-end-of-verbatim-tag"},
        {E::END_OF_MAP, "yaml-end-of-map"},
        {E::END_OF_MAP_FLOW, "yaml-end-of-map-flow"},
        {E::END_OF_SEQ, "yaml-end-of-seq"},
        {E::END_OF_SEQ_FLOW, "yaml-end-of-seq-flow"},
        {E::MULTIPLE_TAGS, "yaml-multiple-tags"},
        {E::MULTIPLE_ANCHORS, "yaml-multiple-anchors"},
        {E::MULTIPLE_ALIASES, "yaml-multiple-aliases"},
        {E::ALIAS_CONTENT, "yaml-alias-content"},
        {E::INVALID_HEX, "yaml-invalid-hex"},
        {E::UNKNOWN_TOKEN, "yaml-unknown-token"},
        {E::DOC_IN_SCALAR, "yaml-doc-in-scalar"},
        {E::EOF_IN_SCALAR, "yaml-eof-in-scalar"},
        {E::CHAR_IN_SCALAR, "yaml-char-in-scalar"},
        {E::TAB_IN_INDENTATION, "yaml-tab-in-indentation"},
        {E::FLOW_END, "yaml-flow-end"},
        {E::BLOCK_ENTRY, "yaml-block-entry"},
        {E::MAP_KEY, "yaml-map-key"},
        {E::MAP_VALUE, "yaml-map-value"},
        {E::ALIAS_NOT_FOUND, "yaml-alias-not-found"},
        {E::ANCHOR_NOT_FOUND, "yaml-anchor-not-found"},
        {E::CHAR_IN_ALIAS, "yaml-char-in-alias"},
        {E::CHAR_IN_ANCHOR, "yaml-char-in-anchor"},
        {E::ZERO_INDENT_IN_BLOCK, "yaml-zero-indent-in-block"},
        {E::CHAR_IN_BLOCK, "yaml-char-in-block"},
        {E::AMBIGUOUS_ANCHOR, "yaml-ambiguous-anchor"},
        {E::UNKNOWN_ANCHOR, "yaml-unknown-anchor"},
        {E::UNMATCHED_GROUP_TAG, "yaml-unmatched-group-tag"},
        {E::UNEXPECTED_END_SEQ, "yaml-unexpected-end-seq"},
        {E::UNEXPECTED_END_MAP, "yaml-unexpected-end-map"},
        {E::SINGLE_QUOTED_CHAR, "yaml-single-quoted-char"},
        {E::INVALID_ANCHOR, "yaml-invalid-anchor"},
        {E::INVALID_ALIAS, "yaml-invalid-alias"},
        {E::INVALID_TAG, "yaml-invalid-tag"},
    };
    static const std::pair<const char *, const char *> prefixed[] = {
        {E::YAML_VERSION, "yaml-version"},
        {E::INVALID_UNICODE, "yaml-invalid-unicode"},
        {E::INVALID_ESCAPE, "yaml-invalid-escape"},
    };
    for (const auto &[text, id] : exact)
        if (msg == text)
            return MessageArg::fragmentOf(id);
    for (const auto &[text, id] : prefixed) {
        const std::string_view prefix(text);
        if (msg.size() >= prefix.size() && std::string_view(msg).substr(0, prefix.size()) == prefix)
            return MessageArg::fragmentOf(id, {msg.substr(prefix.size())});
    }
    return msg;
}

Position positionOf(const YAML::Mark &mark, int firstLine)
{
    if (mark.line < 0)
        return {firstLine + 1, 1};
    return {mark.line + firstLine + 1, std::max(mark.column, 0) + 1};
}

std::string hexByte(unsigned char c)
{
    static const char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

// Refuses what is not UTF-8 text: NUL and other control bytes, malformed UTF-8, UTF-16/32.
bool checkText(const std::string &text, const std::string &file, Diagnostics &diagnostics)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t size = text.size();
    if (size >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        report(diagnostics, Severity::Error, codes::UnreadableInput, Message{"input-utf16", {}}, file,
               {1, 1});
        return false;
    }
    int line = 1;
    int column = 1;
    std::size_t i = 0;
    while (i < size) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
                report(diagnostics, Severity::Error, codes::UnreadableInput,
                       Message{"input-binary", {hexByte(c)}}, file, {line, column});
                return false;
            }
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
            ++i;
            continue;
        }
        // Multi-byte sequence: lead byte, length, and the range of the first continuation byte
        // (which excludes overlong forms, surrogates and code points past U+10FFFF).
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            if (c == 0xF4)
                high = 0x8F;
        }
        bool valid = length > 0 && i + length <= size;
        for (std::size_t k = 1; valid && k < length; ++k) {
            const unsigned char next = bytes[i + k];
            valid = k == 1 ? (next >= low && next <= high) : (next >= 0x80 && next <= 0xBF);
        }
        if (!valid) {
            report(diagnostics, Severity::Error, codes::UnreadableInput,
                   Message{"input-invalid-utf8", {hexByte(c)}}, file, {line, column});
            return false;
        }
        i += length;
        ++column;
    }
    return true;
}

// Everything one input (a file, standard input, a text) shares while its documents load.
struct Context
{
    const LoadLimits &limits;
    const std::string &file; // for diagnostics
    Diagnostics &diagnostics;
    std::size_t expansionBudget; // alias-expanded nodes left for this input
    std::size_t nodeBudget;      // estimated nodes left for this input (memory bound)
};

// Walks the built node as every later reader will, with aliases expanded: refuses
// documents that expand past the node limit (alias bombs, alias cycles) or nest
// deeper than the depth limit through aliases. Iterative: no recursion on hostile input.
bool checkExpansion(const YAML::Node &root, int firstLine, Context &context)
{
    const std::size_t cap = std::min(context.limits.maxNodesPerDocument, context.expansionBudget);
    // Each entry remembers the top-level value it belongs to: that is where a bomb is reported,
    // not at some leaf deep inside the expansion.
    struct Entry
    {
        YAML::Node node;
        int depth;
        YAML::Mark top;
    };
    std::vector<Entry> stack;
    stack.push_back({root, 1, root.Mark()});
    std::size_t visited = 0;
    while (!stack.empty()) {
        Entry entry = std::move(stack.back());
        stack.pop_back();
        const YAML::Node &node = entry.node;
        const int depth = entry.depth;
        const auto topOf = [&](const YAML::Node &child) { return depth == 1 ? child.Mark() : entry.top; };
        ++visited;
        if (visited > cap) {
            const bool fileBudget = cap < context.limits.maxNodesPerDocument;
            report(context.diagnostics, Severity::Error, codes::ResourceLimit,
                   fileBudget ? Message{"input-alias-expansion-limit",
                                        {std::to_string(context.limits.maxNodesPerDocument * 4)}}
                              : Message{"document-alias-expansion-limit",
                                        {std::to_string(context.limits.maxNodesPerDocument)}},
                   context.file, positionOf(entry.top, firstLine));
            context.expansionBudget = 0;
            return false;
        }
        if (depth > context.limits.maxDepth) {
            report(context.diagnostics, Severity::Error, codes::ResourceLimit,
                   Message{"document-depth-limit", {std::to_string(context.limits.maxDepth)}}, context.file,
                   positionOf(node.Mark(), firstLine));
            return false;
        }
        if (node.IsSequence()) {
            for (const YAML::Node &child : node)
                stack.push_back({child, depth + 1, topOf(child)});
        } else if (node.IsMap()) {
            for (const auto &pair : node) {
                stack.push_back({pair.first, depth + 1, topOf(pair.first)});
                stack.push_back({pair.second, depth + 1, topOf(pair.second)});
            }
        }
    }
    context.expansionBudget -= visited;
    return true;
}

// A note on YAML::Node: assigning one (a = b) writes b's content into the node `a` refers to,
// changing it for everyone who shares it. Rebinding is reset(); that is what this file uses.

// A document's resources, parsed but not yet placed in the set.
struct Prepared
{
    bool isList = false;
    std::vector<Resource> resources;
    Diagnostics diagnostics;
};

void prepareSafely(const tree::Node &node, int firstLine, const std::string &file, Prepared &out);
void prepareYaml(const YAML::Node &node, int firstLine, const std::string &file, Prepared &out);
void detach(Prepared &prepared, std::string_view body, const tree::Node &fast, const YAML::Node *yaml);

// One document on its way in. The phases: guard (sequential, cheap: the pre-scan and the
// input's node budget), parse (the fast reader, else yaml-cpp; independent per document, so it
// may run on several threads), finish (sequential: report in document order, count alias
// expansion).
struct Pending
{
    std::string_view body; // the document's text without a leading byte order mark
    int firstLine = 0;
    Diagnostics refused; // from the guard
    bool parse = false;  // passed the guard
    bool mayHaveAliases = false;
    // Filled by parse():
    YAML::Node node;
    bool parsed = false;
    bool prepared = false; // no aliases: its resources were parsed along (`resources`)
    Prepared resources;
    const char *failureCode = nullptr;
    Message failure;
    YAML::Mark failureMark;
};

void guard(Pending &pending, Context &context)
{
    if (pending.body.substr(0, yamlscan::kUtf8Bom.size()) == yamlscan::kUtf8Bom)
        pending.body.remove_prefix(yamlscan::kUtf8Bom.size());
    const LoadLimits &limits = context.limits;
    const yamlscan::ScanResult scan = yamlscan::scanDocument(
        pending.body, limits.maxDepth, std::min(limits.maxNodesPerDocument, context.nodeBudget));
    const Position where{scan.where.line + pending.firstLine + 1, scan.where.column + 1};
    if (scan.tooDeep) {
        report(pending.refused, Severity::Error, codes::ResourceLimit,
               Message{"document-depth-limit", {std::to_string(limits.maxDepth)}}, context.file, where);
        return;
    }
    if (scan.tooManyNodes) {
        const bool perDocument = context.nodeBudget >= limits.maxNodesPerDocument;
        report(pending.refused, Severity::Error, codes::ResourceLimit,
               perDocument ? Message{"document-node-limit", {std::to_string(limits.maxNodesPerDocument)}}
                           : Message{"input-node-limit", {std::to_string(limits.maxNodesPerFile)}},
               context.file, where);
        context.nodeBudget = 0;
        return;
    }
    context.nodeBudget -= std::min(context.nodeBudget, scan.estimatedNodes);
    pending.parse = true;
    pending.mayHaveAliases = scan.mayHaveAliases;
}

// Touches nothing but `pending`: safe to run for different documents at once. A document
// without aliases cannot expand, so its resources are parsed here too, from the fast reader's
// tree where it can read the text, else from yaml-cpp's; one with aliases waits for the
// expansion count, which is kept in document order.
void parse(Pending &pending, const std::string *file)
{
    try {
        if (file && !pending.mayHaveAliases) {
            thread_local tree::Tree fast;
            if (yamlfast::parse(pending.body, fast)) {
                prepareSafely(fast.root(), pending.firstLine, *file, pending.resources);
                detach(pending.resources, pending.body, fast.root(), nullptr);
                pending.parsed = true;
                pending.prepared = true;
                return;
            }
        }
        pending.node.reset(YAML::Load(std::string(pending.body)));
        pending.parsed = true;
        if (file && !pending.mayHaveAliases) {
            prepareYaml(pending.node, pending.firstLine, *file, pending.resources);
            detach(pending.resources, pending.body, tree::Node(), &pending.node);
            pending.node.reset(); // the resources keep the bytes
            pending.prepared = true;
        }
    } catch (const YAML::DeepRecursion &e) {
        pending.failureCode = codes::ResourceLimit;
        pending.failure = Message{"document-too-deep", {}};
        pending.failureMark = e.mark;
    } catch (const YAML::Exception &e) {
        pending.failureCode = codes::SyntaxError;
        pending.failure = Message{"yaml-syntax-error", {yamlError(e.msg)}};
        pending.failureMark = e.mark;
    } catch (const std::exception &) { // std::bad_alloc: a document too large for memory
        pending.failureCode = codes::ResourceLimit;
        pending.failure = Message{"document-out-of-memory", {}};
        pending.failureMark = YAML::Mark::null_mark();
    }
}

// Reports what the guard and the parse found; true with the node when the document can be used.
bool finish(Pending &pending, Context &context, YAML::Node &node)
{
    context.diagnostics.insert(context.diagnostics.end(), pending.refused.begin(), pending.refused.end());
    if (!pending.parse)
        return false;
    if (!pending.parsed) {
        report(context.diagnostics, Severity::Error, pending.failureCode, pending.failure, context.file,
               positionOf(pending.failureMark, pending.firstLine));
        return false;
    }
    if (pending.mayHaveAliases && !checkExpansion(pending.node, pending.firstLine, context)) {
        pending.node.reset();
        return false;
    }
    node.reset(pending.node);
    return true;
}

// Parses the documents that passed their guard, on up to four threads for large inputs.
void parseAll(std::vector<Pending> &documents, std::size_t bytes, const std::string &file)
{
    std::vector<Pending *> work;
    for (Pending &pending : documents)
        if (pending.parse)
            work.push_back(&pending);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads =
        bytes < (256u << 10)
            ? 1u
            : std::min({cores, 4u, static_cast<unsigned>(std::max<std::size_t>(work.size(), 1))});
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i = next++; i < work.size(); i = next++)
            parse(*work[i], &file);
    };
    std::vector<std::thread> helpers;
    for (unsigned i = 1; i < threads; ++i) {
        try {
            helpers.emplace_back(worker);
        } catch (const std::system_error &) {
            break; // no more threads: the others carry on
        }
    }
    worker();
    for (std::thread &helper : helpers)
        helper.join();
}

// Parses one document's text (positions offset by firstLine) behind the guards.
// False when it could not be read; diagnostics say why.
bool loadNode(std::string_view body, int firstLine, Context &context, YAML::Node &node)
{
    Pending pending;
    pending.body = body;
    pending.firstLine = firstLine;
    guard(pending, context);
    if (pending.parse)
        parse(pending, nullptr);
    return finish(pending, context, node);
}

bool isListDocument(const tree::Node &node)
{
    const tree::Node kind = node["kind"];
    if (!kind.IsDefined() || !kind.IsScalar())
        return false;
    const std::string &name = kind.Scalar();
    if (name == "List")
        return true;
    // e.g. "ServiceList" as the API server returns it
    const tree::Node items = node["items"];
    return name.size() > 4 && name.compare(name.size() - 4, 4, "List") == 0 && items.IsDefined() &&
           items.IsSequence();
}

void prepareResource(const tree::Node &node, int item, int firstLine, const std::string &file, Prepared &out)
{
    Resource resource = parseResource(node, firstLine, file, out.diagnostics);
    resource.position = positionOf(node.Mark(), firstLine);
    resource.item = item;
    resource.modified = false;
    out.resources.push_back(std::move(resource));
}

void prepare(const tree::Node &node, int firstLine, const std::string &file, Prepared &out)
{
    if (!node.IsDefined() || node.IsNull())
        return; // an empty document: kept as text, no resource
    if (!node.IsMap()) {
        // parseResource says why this is not a resource; the document stays as text.
        parseResource(node, firstLine, file, out.diagnostics);
        return;
    }
    if (!isListDocument(node)) {
        prepareResource(node, -1, firstLine, file, out);
        return;
    }
    out.isList = true;
    const tree::Node items = node["items"];
    if (!items.IsDefined() || items.IsNull())
        return;
    if (!items.IsSequence()) {
        report(out.diagnostics, Severity::Error, codes::WrongType, Message{"list-items-not-sequence", {}},
               file, positionOf(items.Mark(), firstLine));
        return;
    }
    int index = 0;
    for (const tree::Node &item : items) {
        if (item.IsMap())
            prepareResource(item, index, firstLine, file, out);
        else
            parseResource(item, firstLine, file, out.diagnostics);
        ++index;
    }
}

// Nothing thrown for bad input may leave the loader: a document that trips the parser
// anywhere becomes a diagnostic and stays in the file as text.
void prepareSafely(const tree::Node &node, int firstLine, const std::string &file, Prepared &out)
{
    try {
        prepare(node, firstLine, file, out);
    } catch (const std::exception &e) {
        out = Prepared{};
        report(out.diagnostics, Severity::Error, codes::NotAResource,
               Message{"document-unreadable", {e.what()}}, file, {firstLine + 1, 1});
    }
}

// The same from a yaml-cpp node (aliases expanded): through its light tree.
void prepareYaml(const YAML::Node &node, int firstLine, const std::string &file, Prepared &out)
{
    tree::Tree converted;
    try {
        tree::fromYaml(node, converted);
    } catch (const std::exception &e) {
        out = Prepared{};
        report(out.diagnostics, Severity::Error, codes::NotAResource,
               Message{"document-unreadable", {e.what()}}, file, {firstLine + 1, 1});
        return;
    }
    prepareSafely(converted.root(), firstLine, file, out);
}

// Lets the document's resources keep its bytes instead of a yaml-cpp tree (about a hundred
// times larger), with the export text their tree gives (from yaml-cpp's node when there is
// one: it keeps tags the light tree leaves out): the yaml-cpp tree is built again only where
// someone asks for it (ResourceNode).
void detach(Prepared &prepared, std::string_view body, const tree::Node &fast, const YAML::Node *yaml)
{
    if (prepared.resources.empty())
        return;
    const std::shared_ptr<ResourceNode::Source> source = ResourceNode::makeSource(std::string(body));
    for (Resource &resource : prepared.resources) {
        std::optional<std::string> exported;
        try {
            std::string text;
            if (yaml) {
                YAML::Node node;
                node.reset(*yaml);
                if (resource.item >= 0)
                    node.reset(std::as_const(*yaml)["items"][static_cast<std::size_t>(resource.item)]);
                if (yamlout::writeExported(node, std::string(), text))
                    exported = std::move(text);
            } else {
                const tree::Node node = resource.item >= 0 ? fast["items"][resource.item] : fast;
                if (yamlout::writeExported(node, std::string(), text))
                    exported = std::move(text);
            }
        } catch (const std::exception &) {
            exported.reset(); // written from the tree when asked
        }
        resource.node = ResourceNode::lazy(source, resource.item, std::move(exported));
    }
}

// Adds a document's resources to the set, in order, with their places.
void commit(ResourceSet &set, SourceDocument &document, Prepared &prepared, int fileIndex, int documentIndex,
            Diagnostics &diagnostics)
{
    diagnostics.insert(diagnostics.end(), prepared.diagnostics.begin(), prepared.diagnostics.end());
    document.isList = prepared.isList;
    for (Resource &resource : prepared.resources) {
        resource.file = fileIndex;
        resource.document = documentIndex;
        document.resources.push_back(static_cast<int>(set.resources.size()));
        set.resources.push_back(std::move(resource));
    }
    prepared.resources.clear();
}

bool isYamlFile(const fs::path &path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".yaml" || extension == ".yml";
}

class PathLoader
{
public:
    PathLoader(LoadResult &result, const LoadLimits &limits)
        : m_result(result)
        , m_limits(limits)
    {}

    void load(const std::string &path)
    {
        if (path == "-") {
            loadFile("/dev/stdin", "-");
            return;
        }
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (error || !fs::exists(status)) {
            fail(path, Message{"path-not-found", {path}});
            return;
        }
        if (!fs::is_directory(status)) {
            loadFile(path, path);
            return;
        }
        std::vector<std::string> files;
        const auto options = fs::directory_options::skip_permission_denied;
        for (fs::recursive_directory_iterator it(path, options, error), end; !error && it != end;
             it.increment(error)) {
            std::error_code entryError;
            if (it->is_regular_file(entryError) && isYamlFile(it->path()))
                files.push_back(it->path().string());
        }
        if (error) {
            fail(path, Message{"folder-unreadable", {path, error.message()}});
            return;
        }
        if (files.empty()) {
            fail(path, Message{"folder-without-yaml", {path}});
            return;
        }
        std::sort(files.begin(), files.end());
        for (const std::string &file : files)
            loadFile(file, file);
    }

private:
    void fail(const std::string &path, Message message)
    {
        report(m_result.diagnostics, Severity::Error, codes::UnreadableInput, std::move(message),
               diagnosticFile(path));
        m_result.readFailed = true;
    }

    void loadFile(const std::string &osPath, const std::string &path)
    {
        // The same file named twice (a folder and a file in it) is loaded once.
        if (path != "-") {
            std::error_code error;
            const fs::path canonical = fs::weakly_canonical(path, error);
            if (!error && !m_seen.insert(canonical.string()).second)
                return;
        }
        std::string text;
        Message error;
        if (!readFile(osPath, text, error, m_limits.maxFileBytes)) {
            if (path == "-" && !error.args.empty() && error.args.front().text == osPath)
                error.args.front().text = "standard input";
            fail(path, std::move(error));
            return;
        }
        loadText(m_result.set, m_result.diagnostics, text, path, m_limits);
    }

    LoadResult &m_result;
    const LoadLimits &m_limits;
    std::set<std::string> m_seen;
};

} // namespace

LoadResult loadPaths(const std::vector<std::string> &paths, const LoadLimits &limits)
{
    LoadResult result;
    PathLoader loader(result, limits);
    for (const std::string &path : paths)
        loader.load(path);
    return result;
}

void loadText(ResourceSet &set, Diagnostics &diagnostics, const std::string &text, const std::string &path,
              const LoadLimits &limits)
{
    const std::string file = diagnosticFile(path);
    if (text.size() > limits.maxFileBytes) {
        report(diagnostics, Severity::Error, codes::UnreadableInput,
               Message{"input-too-large", {std::to_string(text.size()), std::to_string(limits.maxFileBytes)}},
               file);
        return;
    }
    if (!checkText(text, file, diagnostics))
        return;

    const int errorsBefore = count(diagnostics, Severity::Error);
    const std::size_t resourcesBefore = set.resources.size();
    const int fileIndex = static_cast<int>(set.files.size());
    Context context{limits, file, diagnostics, limits.maxNodesPerDocument * 4, limits.maxNodesPerFile};

    SourceFile source;
    source.path = path;
    const yamlscan::Split split = yamlscan::splitDocuments(text);
    std::vector<Pending> pending(split.documents.size());
    for (std::size_t i = 0; i < split.documents.size(); ++i) {
        const yamlscan::DocumentSpan &span = split.documents[i];
        pending[i].body = std::string_view(text).substr(span.begin, span.end - span.begin);
        pending[i].firstLine = span.firstLine;
        if (span.hasContent)
            guard(pending[i], context);
    }
    parseAll(pending, text.size(), file);

    source.documents.reserve(split.documents.size());
    for (std::size_t i = 0; i < split.documents.size(); ++i) {
        const yamlscan::DocumentSpan &span = split.documents[i];
        SourceDocument document;
        document.text = text.substr(span.begin, span.end - span.begin);
        document.firstLine = span.firstLine;
        YAML::Node node;
        if (span.hasContent && finish(pending[i], context, node)) {
            if (!pending[i].prepared) {
                prepareYaml(node, document.firstLine, file, pending[i].resources);
                detach(pending[i].resources, pending[i].body, tree::Node(), &node);
            }
            commit(set, document, pending[i].resources, fileIndex, static_cast<int>(source.documents.size()),
                   diagnostics);
        }
        pending[i].node.reset(); // the resources hold what they need
        source.documents.push_back(std::move(document));
    }
    source.trailer = text.substr(split.trailerBegin);
    set.files.push_back(std::move(source));

    if (set.resources.size() == resourcesBefore && count(diagnostics, Severity::Error) == errorsBefore)
        report(diagnostics, Severity::Warning, codes::EmptyInput,
               Message{text.empty() ? "input-empty" : "input-without-resource", {}}, file);
}

bool parseSingleDocument(const std::string &text, YAML::Node &node, Diagnostics &diagnostics,
                         const LoadLimits &limits)
{
    node.reset(); // rebinds: assigning would write into whatever `node` refers to
    const std::string file;
    if (text.size() > limits.maxFileBytes) {
        report(diagnostics, Severity::Error, codes::UnreadableInput,
               Message{"text-too-large", {std::to_string(limits.maxFileBytes)}}, file);
        return false;
    }
    if (!checkText(text, file, diagnostics))
        return false;
    const yamlscan::Split split = yamlscan::splitDocuments(text);
    std::vector<yamlscan::DocumentSpan> content;
    for (const yamlscan::DocumentSpan &span : split.documents)
        if (span.hasContent)
            content.push_back(span);
    if (content.empty()) {
        report(diagnostics, Severity::Warning, codes::EmptyInput, Message{"text-without-resource", {}}, file);
        return false;
    }
    if (content.size() > 1) {
        report(diagnostics, Severity::Error, codes::SyntaxError, Message{"text-several-documents", {}}, file,
               {content[1].firstLine + 1, 1});
        return false;
    }
    const yamlscan::DocumentSpan &span = content.front();
    Context context{limits, file, diagnostics, limits.maxNodesPerDocument, limits.maxNodesPerFile};
    YAML::Node parsed;
    if (!loadNode(std::string_view(text).substr(span.begin, span.end - span.begin), span.firstLine, context,
                  parsed))
        return false;
    Diagnostics found;
    parseResource(parsed, span.firstLine, file, found);
    const bool valid = parsed.IsMap() && !hasErrors(found);
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    if (valid)
        node.reset(parsed);
    return valid;
}

std::optional<Resource> parseEmitted(std::string text, const std::string &file, Diagnostics &diagnostics,
                                     const YAML::Node *edited)
{
    auto light = std::make_shared<tree::Tree>();
    if (!yamlfast::parse(text, *light) || !light->root().IsMap())
        return std::nullopt;
    Diagnostics found;
    Resource resource;
    try {
        resource = parseResource(light->root(), 0, file, found);
    } catch (const std::exception &) {
        return std::nullopt; // yaml-cpp's reading says what is wrong
    }
    resource.position = positionOf(light->root().Mark(), 0);
    resource.node = edited ? ResourceNode::fromEdit(*edited, std::move(text), std::move(light))
                           : ResourceNode::fromEmitted(std::move(text));
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    return resource;
}

} // namespace meshroute
