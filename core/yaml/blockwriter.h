#pragma once

// Meshroute's YAML output: block style, two-space indentation, sequences indented
// under their key. Written directly rather than through YAML::Emitter, which spends
// most of an export in regular-expression checks of every scalar; here quoting is
// decided from the node itself (its tag says whether it was quoted in the source).
// Internal to core/yaml.

#include "model/tree.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include <cstddef>

namespace meshroute::yamlout {

// The longest scalar written as an implicit key: escaped (at most 6 bytes a character) it stays
// under YAML's 1024-character limit. Longer keys are written as explicit "? key" keys.
inline constexpr std::size_t kLongestImplicitKey = 128;

// Each writer appends to `out` and returns true, or returns false and leaves `out` as it was when
// the node has what this writer does not handle (a key that is a collection, holds a line break or
// is longer than kLongestImplicitKey): use YAML::Emitter for those. Only what is written counts (the
// status an export leaves out may hold anything).

// The node as a block-style document, ending with a line break.
bool writeDocument(const YAML::Node &node, std::string &out);

// The export form of a resource (see exportResource): no status, no server-managed
// metadata, no last-applied annotation; apiVersion replaced unless `apiVersion` is empty.
// Writes straight from the resource's node, which stays untouched.
bool writeExported(const YAML::Node &node, const std::string &apiVersion, std::string &out);
// The same from the loader's light tree: the same bytes as from the yaml-cpp node it mirrors.
bool writeExported(const tree::Node &node, const std::string &apiVersion, std::string &out);

// A List document: the entries of `list` in their order, with `items` written as given.
bool writeList(const YAML::Node &list, const std::vector<YAML::Node> &items, std::string &out);

// Whether a string can be written as a plain scalar in block context and read back as
// the same string (not as another string, and not as an alias, comment or indicator).
bool isSafePlain(const std::string &value);

// A plain scalar YAML reads as null ("~", "null", "Null", "NULL"): a string with that value set in
// code (no tag) is written quoted.
bool isNullWord(const std::string &value);

// A multi-line string that a literal block (`|`, clip chomping) reproduces exactly.
bool fitsLiteral(const std::string &value);

} // namespace meshroute::yamlout
