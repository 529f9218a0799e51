#pragma once

// How `meshroute validate` reports what it found, one function per format:
//   text   compiler-style lines naming the resource, as istioctl analyze does, then a summary:
//          vs.yaml:35:17: error: subset "bogus" is not defined ... [IST0101] (VirtualService default/reviews)
//   json   {"diagnostics": [...], "summary": {...}}, the shape documented in README.md
//   yaml   the same shape as YAML
//   sarif  SARIF 2.1.0, one run, for CI systems that show findings inline (code scanning)
// Every format leaves out info-level diagnostics when withInfo is false (--quiet).

#include "value.h"

#include "model/diagnostic.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace meshroute::cli {

enum class ReportFormat { Text, Json, Yaml, Sarif };

// "text", "json", "yaml", "sarif"; nullopt for anything else.
std::optional<ReportFormat> reportFormatNamed(std::string_view name);

// The compiler-style line (Diagnostic::format()) with " (Kind ns/name)" when there is a resource.
std::string textLine(const Diagnostic &diagnostic);

// Lines, then "N errors, M warnings".
void writeText(std::ostream &out, const Diagnostics &diagnostics, bool withInfo);

// The JSON/YAML document: every key always there, null where a value is unknown.
Value diagnosticsDocument(const Diagnostics &diagnostics, bool withInfo);

// The SARIF log; toolVersion is the driver's version.
Value sarifLog(const Diagnostics &diagnostics, bool withInfo, const std::string &toolVersion);

// A path as SARIF's artifactLocation.uri: relative paths stay relative, absolute ones become
// file:// URIs; bytes outside URI's unreserved characters and '/' are percent-encoded.
std::string fileUri(const std::string &path);

void writeReport(std::ostream &out, ReportFormat format, const Diagnostics &diagnostics, bool withInfo,
                 const std::string &toolVersion);

} // namespace meshroute::cli
