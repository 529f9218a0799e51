#pragma once

// Reading configurations: files, folders (every .yaml/.yml, sorted), standard
// input, multi-document streams and `kind: List`. Never throws for bad input:
// every problem becomes a diagnostic with file, line and column, and loading
// carries on with the documents that could be read.

#include "model/resourceset.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace meshroute {

struct LoadLimits
{
    std::size_t maxFileBytes = 32u << 20;       // larger inputs are refused (MR0002)
    std::size_t maxNodesPerDocument = 1u << 20; // nodes after alias expansion (MR0013); an input may
                                                // expand to four times this in total
    std::size_t maxNodesPerFile = 4u << 20;     // nodes one input may build, estimated before parsing
                                                // (yaml-cpp needs ~0.5 KB per node) (MR0013)
    int maxDepth = 256;                         // nesting guard, checked before yaml-cpp recurses (MR0013)
};

struct LoadResult
{
    ResourceSet set;
    Diagnostics diagnostics;
    bool readFailed = false; // a path could not be read at all (missing, permission, a folder without
                             // .yaml/.yml files, larger than maxFileBytes); binary or malformed
                             // content is an ordinary error diagnostic instead
};

// Load every path ("-" is standard input); a folder contributes every .yaml/.yml
// file under it, recursively, sorted by path.
LoadResult loadPaths(const std::vector<std::string> &paths, const LoadLimits &limits = {});

// Load YAML text as if it were the file `path` (used for stdin, tests and the studio's YAML pane).
void loadText(ResourceSet &set, Diagnostics &diagnostics, const std::string &text, const std::string &path,
              const LoadLimits &limits = {});

// Parse one document's text (the studio's YAML pane): the node if it is one valid
// resource, with diagnostics positioned within `text`. False (node left null) for a syntax
// error, more than one document, a limit, or a resource with error-level parse diagnostics.
bool parseSingleDocument(const std::string &text, YAML::Node &node, Diagnostics &diagnostics,
                         const LoadLimits &limits = {});

// A resource read back from the text the writer emitted for its edited tree (emitNode): the model
// from the light tree, the yaml-cpp node built from `text` only when someone asks for it (its marks
// then lines of `text`, as if yaml-cpp had read it now). Model diagnostics go to `diagnostics`, with
// positions in `text`, for `file`. nullopt when the text is not one mapping the light reader reads:
// the caller then parses it with yaml-cpp.
// `edited`: the tree `text` was emitted from (an edit's), kept as the resource's node
// (ResourceNode::fromEdit) with the light tree of `text` for positions; null: the node is built
// from `text` when first asked for.
std::optional<Resource> parseEmitted(std::string text, const std::string &file, Diagnostics &diagnostics,
                                     const YAML::Node *edited = nullptr);

} // namespace meshroute
