#pragma once

// Text-level work done before (and instead of trusting) yaml-cpp: splitting a
// stream into its documents by their exact bytes, and a cheap pre-scan that
// bounds nesting depth and node count before yaml-cpp recurses or allocates.
// Internal to core/yaml.

#include <cstddef>
#include <string_view>
#include <vector>

namespace meshroute::yamlscan {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One document of a stream: text.substr(begin, end - begin).
struct DocumentSpan
{
    std::size_t begin = 0;
    std::size_t end = 0;
    int firstLine = 0;       // 0-based line of `begin` in the whole text
    bool hasContent = false; // false: only comments, blank lines, directives and markers
};

struct Split
{
    std::vector<DocumentSpan> documents;
    std::size_t trailerBegin = 0; // bytes from here to the end belong to no document
};

// Split at lines that start with `---` (then blank or end of line) and after lines
// that start with `...`, the two markers YAML forbids inside content. Comment-only
// text before a `---` belongs to the document it introduces; comment-only text at
// the very end is the trailer. Concatenating every span and the trailer gives `text`.
Split splitDocuments(std::string_view text);

// Where the pre-scan stopped, 0-based within the scanned text.
struct ScanPosition
{
    int line = 0;
    int column = 0;
};

struct ScanResult
{
    int depth = 0;                  // deepest nesting seen (block indentation levels + flow brackets)
    bool tooDeep = false;           // depth went past the limit at `where`
    std::size_t estimatedNodes = 0; // a lower estimate of the nodes yaml-cpp will build
    bool tooManyNodes = false;      // estimatedNodes went past the limit at `where`
    bool mayHaveAliases = false;    // an alias indicator may occur: expansion must be counted
    ScanPosition where;
};

// Estimate nesting depth and node count of one document's text without building it.
// Stops at the first limit passed. Errs towards under-estimating so that valid
// documents are never refused; yaml-cpp's own guards and the node walk catch the rest.
ScanResult scanDocument(std::string_view text, int maxDepth, std::size_t maxNodes);

// True if `line` (without its line break) starts with the marker `marker` ("---" or
// "...") followed by the end of the line or a blank.
bool isMarkerLine(std::string_view line, std::string_view marker);

} // namespace meshroute::yamlscan
