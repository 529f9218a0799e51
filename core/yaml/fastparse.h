#pragma once

// A reader for the plain block YAML that kubectl and people write: block mappings and
// sequences indented with spaces, plain and single-line quoted scalars without escapes,
// `{}` and `[]`, comments. It builds the model's light tree (model/tree.h) with yaml-cpp's
// marks, several times faster than yaml-cpp's own parser. Anything else (flow collections,
// anchors and aliases, tags, block and multi-line scalars, escapes, tabs, CR, non-ASCII
// bytes, explicit keys, syntax errors) makes it decline, and the caller uses yaml-cpp, which
// also gives the messages for broken input. Internal to core/yaml.

#include "model/tree.h"

#include <string_view>

namespace meshroute::yamlfast {

// True with `out` holding the document's tree (marks relative to `text`); false when the
// text goes beyond this reader (then `out` is unspecified).
bool parse(std::string_view text, tree::Tree &out);

} // namespace meshroute::yamlfast
