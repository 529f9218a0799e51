#pragma once

// Writing configurations back: lossless save to the files they came from, and the
// deterministic, kubectl-ready export stream.

#include "model/resourceset.h"

#include <optional>
#include <string>

namespace meshroute {

// YAML text of one resource's node, as Meshroute emits it (block style, 2-space indent,
// sequences indented under their key, empty collections as {} and [], null as `null`,
// aliases expanded). A scalar whose tag is "!" (yaml-cpp's mark for a quoted or block
// scalar in the source) is always written quoted (or as a `|` block when that reproduces
// it exactly), so "3333" and "true" stay strings; other scalars are plain wherever YAML
// allows ("*" is quoted). Nodes built in code that must stay strings although they read
// like numbers or booleans: node.SetTag("!").
std::string emitNode(const YAML::Node &node);

// Whether emitNode writes two trees alike, without writing either: the same kinds and scalars, map
// entries in the same order, tags the writer writes alike (a plain scalar read from text and the same
// one built in code are alike). Shared nodes compare at once.
bool sameTree(const YAML::Node &a, const YAML::Node &b);

// The full text of source file `file` as it should be saved: untouched documents
// byte for byte as read, changed ones re-emitted with their unknown fields in order
// (leading comments of a changed document kept), removed ones dropped, added ones appended.
std::string renderFile(const ResourceSet &set, int file);

struct ExportOptions
{
    std::optional<std::string> istioApiVersion; // "v1", "v1beta1" or "v1alpha3": convert Istio kinds
    bool includeOpaque = true;                  // kinds the model does not know
};

// One multi-document stream for `kubectl apply -f -`: resources in load order (List items as
// documents of their own), separated by `---`, server-managed fields removed (status,
// metadata.uid/resourceVersion/generation/creationTimestamp/managedFields/selfLink, the
// last-applied-configuration annotation, and an annotations map that only held it). The
// apiVersion conversion applies to the modelled Istio kinds of networking.istio.io only.
// Deterministic: same input, same bytes.
std::string exportForKubectl(const ResourceSet &set, const ExportOptions &options = {});
// The same for one resource (the studio's "one file per resource").
std::string exportResource(const Resource &resource, const ExportOptions &options = {});

} // namespace meshroute
