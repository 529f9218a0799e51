#pragma once

// Typed inspector forms for the Gateway API kinds: a Gateway's listeners (name, port, protocol,
// hostname, TLS mode, allowedRoutes), a TCPRoute's or TLSRoute's parentRefs (name, namespace,
// sectionName, port) and backendRefs (name, namespace, port, weight), a ReferenceGrant's from and
// to. Every field edit is one change of the resource's YAML through the inspector's apply (one
// undo step; typing in one field merges), so the YAML pane follows.

#include <yaml-cpp/yaml.h>

#include <QString>

#include <functional>
#include <string>
#include <variant>
#include <vector>

class QVBoxLayout;
class QWidget;

namespace meshroute::studio {

class Document;

namespace gatewayapiforms {

// apply(index, node, undo text, field): the inspector's own edit path.
using Apply = std::function<void(int, const YAML::Node &, const QString &, const QString &)>;

// Builds the form of resource `index` onto `page`; false when its kind has no form here.
bool build(QWidget *page, QVBoxLayout *layout, Document *document, int index, const Apply &apply);

// The YAML edit behind every field: `path` (keys and sequence indices, from the document's root)
// set to `value` (a number when `number`), created where missing; an empty value removes the key.
using PathPart = std::variant<std::string, std::size_t>;
YAML::Node withValue(const YAML::Node &document, const std::vector<PathPart> &path, const std::string &value,
                     bool number = false);

} // namespace gatewayapiforms

} // namespace meshroute::studio
