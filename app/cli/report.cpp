#include "report.h"

#include "rules.h"

#include <algorithm>
#include <ostream>

namespace meshroute::cli {
namespace {

constexpr const char *kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// The loader names standard input "-" (and an unknown file ""): no file either way.
bool hasFile(const Diagnostic &d)
{
    return !d.file.empty() && d.file != "-";
}

bool shown(const Diagnostic &d, bool withInfo)
{
    return withInfo || d.severity != Severity::Info;
}

Value textOrNull(const std::string &text)
{
    return text.empty() ? Value() : Value(text);
}

Value positiveOrNull(int number)
{
    return number > 0 ? Value(number) : Value();
}

Value argumentValue(const MessageArg &arg)
{
    if (!arg.fragment)
        return Value::object({{"text", arg.text}, {"fragment", nullptr}});
    const char *english = messageTemplate(arg.text);
    return Value::object({{"text", english ? std::string(english) : arg.text}, {"fragment", arg.text}});
}

Value resourceValue(const ResourceRef &resource)
{
    if (resource.empty())
        return {};
    return Value::object(
        {{"kind", resource.kind}, {"namespace", textOrNull(resource.ns)}, {"name", resource.name}});
}

Value diagnosticValue(const Diagnostic &d)
{
    Array arguments;
    for (const MessageArg &arg : d.args)
        arguments.push_back(argumentValue(arg));
    const bool lineKnown = d.position.known();
    return Value::object({
        {"code", textOrNull(d.code)},
        {"level", severityName(d.severity)},
        {"messageId", textOrNull(d.messageId)},
        {"arguments", std::move(arguments)},
        {"message", d.message},
        {"file", hasFile(d) ? Value(d.file) : Value()},
        {"line", lineKnown ? Value(d.position.line) : Value()},
        {"column", lineKnown ? positiveOrNull(d.position.column) : Value()},
        {"resource", resourceValue(d.resource)},
    });
}

const char *sarifLevel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "note";
    }
    return "error";
}

Value sarifRule(const std::string &code, Severity firstLevel)
{
    const RuleInfo info = ruleInfo(code);
    Object rule{{"id", code}};
    if (!info.name.empty())
        rule.emplace_back("name", info.name);
    rule.emplace_back("shortDescription", Value::object({{"text", info.description}}));
    rule.emplace_back("defaultConfiguration", Value::object({{"level", sarifLevel(firstLevel)}}));
    if (!info.helpUri.empty())
        rule.emplace_back("helpUri", info.helpUri);
    return Value::object(std::move(rule));
}

// Where a result is: its file and position, and the resource it concerns.
Array sarifLocations(const Diagnostic &d)
{
    Object location;
    if (hasFile(d)) {
        Object physical{{"artifactLocation", Value::object({{"uri", fileUri(d.file)}})}};
        if (d.position.known()) {
            Object region{{"startLine", d.position.line}};
            if (d.position.column > 0)
                region.emplace_back("startColumn", d.position.column);
            physical.emplace_back("region", Value::object(std::move(region)));
        }
        location.emplace_back("physicalLocation", Value::object(std::move(physical)));
    }
    if (!d.resource.empty()) {
        location.emplace_back("logicalLocations",
                              Array{Value::object({{"name", d.resource.name},
                                                   {"fullyQualifiedName", d.resource.display()},
                                                   {"kind", "resource"}})});
    }
    if (location.empty())
        return {};
    return {Value::object(std::move(location))};
}

} // namespace

std::optional<ReportFormat> reportFormatNamed(std::string_view name)
{
    if (name == "text")
        return ReportFormat::Text;
    if (name == "json")
        return ReportFormat::Json;
    if (name == "yaml")
        return ReportFormat::Yaml;
    if (name == "sarif")
        return ReportFormat::Sarif;
    return std::nullopt;
}

std::string textLine(const Diagnostic &diagnostic)
{
    std::string line = diagnostic.format();
    if (!diagnostic.resource.empty())
        line += " (" + diagnostic.resource.display() + ")";
    return line;
}

void writeText(std::ostream &out, const Diagnostics &diagnostics, bool withInfo)
{
    for (const Diagnostic &d : diagnostics) {
        if (shown(d, withInfo))
            out << textLine(d) << '\n';
    }
    auto plural = [](int n, const char *word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    out << plural(count(diagnostics, Severity::Error), "error") << ", "
        << plural(count(diagnostics, Severity::Warning), "warning") << '\n';
}

Value diagnosticsDocument(const Diagnostics &diagnostics, bool withInfo)
{
    Array listed;
    int infos = 0;
    for (const Diagnostic &d : diagnostics) {
        if (!shown(d, withInfo))
            continue;
        listed.push_back(diagnosticValue(d));
        infos += d.severity == Severity::Info ? 1 : 0;
    }
    return Value::object({
        {"diagnostics", std::move(listed)},
        {"summary", Value::object({{"errors", count(diagnostics, Severity::Error)},
                                   {"warnings", count(diagnostics, Severity::Warning)},
                                   {"infos", infos}})},
    });
}

Value sarifLog(const Diagnostics &diagnostics, bool withInfo, const std::string &toolVersion)
{
    std::vector<std::string> ruleIds; // in order of first use: ruleIndex is the position here
    Array rules;
    Array results;
    for (const Diagnostic &d : diagnostics) {
        if (!shown(d, withInfo))
            continue;
        Object result;
        if (!d.code.empty()) {
            auto found = std::find(ruleIds.begin(), ruleIds.end(), d.code);
            if (found == ruleIds.end()) {
                ruleIds.push_back(d.code);
                rules.push_back(sarifRule(d.code, d.severity));
                found = ruleIds.end() - 1;
            }
            result.emplace_back("ruleId", d.code);
            result.emplace_back("ruleIndex", static_cast<int>(found - ruleIds.begin()));
        }
        result.emplace_back("level", sarifLevel(d.severity));
        result.emplace_back("message", Value::object({{"text", d.message}}));
        Array locations = sarifLocations(d);
        if (!locations.empty())
            result.emplace_back("locations", std::move(locations));
        results.push_back(Value::object(std::move(result)));
    }
    Object driver{{"name", "meshroute"}};
    if (!toolVersion.empty())
        driver.emplace_back("version", toolVersion);
    driver.emplace_back("rules", std::move(rules));
    Value run = Value::object({
        {"tool", Value::object({{"driver", Value::object(std::move(driver))}})},
        {"results", std::move(results)},
    });
    return Value::object({
        {"$schema", kSarifSchema},
        {"version", "2.1.0"},
        {"runs", Array{std::move(run)}},
    });
}

std::string fileUri(const std::string &path)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = !path.empty() && path.front() == '/' ? "file://" : "";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                                byte == '~' || byte == '/';
        if (unreserved) {
            uri += c;
        } else {
            uri += '%';
            uri += kHex[byte >> 4];
            uri += kHex[byte & 0x0F];
        }
    }
    return uri;
}

void writeReport(std::ostream &out, ReportFormat format, const Diagnostics &diagnostics, bool withInfo,
                 const std::string &toolVersion)
{
    switch (format) {
    case ReportFormat::Text:
        writeText(out, diagnostics, withInfo);
        return;
    case ReportFormat::Json:
        writeJson(out, diagnosticsDocument(diagnostics, withInfo));
        return;
    case ReportFormat::Yaml:
        writeYaml(out, diagnosticsDocument(diagnostics, withInfo));
        return;
    case ReportFormat::Sarif:
        writeJson(out, sarifLog(diagnostics, withInfo, toolVersion));
        return;
    }
}

} // namespace meshroute::cli
