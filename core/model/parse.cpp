// Parse one YAML document into a typed Resource. The node stays the truth; this
// reads it, checking types, ranges, enumerations and required fields the way
// Istio's CRD schemas and Kubernetes' API do, and reports every problem at the
// position of the offending value.

#include "model/duration.h"
#include "model/model.h"
#include "model/names.h"
#include "model/tree.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <sstream>

namespace meshroute {
namespace {

// The parser reads the loader's light tree (model/tree.h); a yaml-cpp node is converted first.
using tree::Node;

// Everything the readers need to report a problem.
class Reader
{
public:
    Reader(int lineOffset, const std::string &file, Diagnostics &diagnostics)
        : m_lineOffset(lineOffset)
        , m_file(file)
        , m_diagnostics(diagnostics)
    {}

    void setResource(ResourceRef resource) { m_resource = std::move(resource); }

    Position position(const Node &node) const
    {
        if (!node.IsDefined())
            return {};
        const YAML::Mark mark = node.Mark();
        if (mark.line < 0)
            return {};
        return {mark.line + 1 + m_lineOffset, mark.column + 1};
    }

    void report(Severity severity, const char *code, const Node &at, Message message, Position fallback = {})
    {
        Position where = position(at);
        if (!where.known())
            where = fallback;
        m_diagnostics.push_back(
            makeDiagnostic(severity, code, std::move(message), m_file, where, m_resource));
    }

    void error(const char *code, const Node &at, Message message, Position fallback = {})
    {
        report(Severity::Error, code, at, std::move(message), fallback);
    }

    // ---- shape checks

    bool isMap(const Node &node, const std::string &field)
    {
        if (!node.IsDefined() || node.IsNull())
            return false;
        if (node.IsMap())
            return true;
        error(codes::WrongType, node, Message{"value-not-mapping", {field, describe(node)}});
        return false;
    }

    bool isSeq(const Node &node, const std::string &field)
    {
        if (!node.IsDefined() || node.IsNull())
            return false;
        if (node.IsSequence())
            return true;
        error(codes::WrongType, node, Message{"value-not-list", {field, describe(node)}});
        return false;
    }

    // A required child: reports MR0006 at `parent` when missing.
    bool require(const Node &parent, const char *key, const std::string &field)
    {
        const Node child = parent[key];
        if (child.IsDefined() && !child.IsNull())
            return true;
        error(codes::MissingField, child.IsDefined() ? child : parent, Message{"field-required", {field}});
        return false;
    }

    // ---- scalars

    std::string string(const Node &node, const std::string &field)
    {
        if (!node.IsDefined() || node.IsNull())
            return {};
        if (!node.IsScalar()) {
            error(codes::WrongType, node, Message{"value-not-string", {field, describe(node)}});
            return {};
        }
        return node.Scalar();
    }

    std::vector<std::string> strings(const Node &node, const std::string &field)
    {
        std::vector<std::string> out;
        if (!isSeq(node, field))
            return out;
        for (std::size_t i = 0; i < node.size(); ++i)
            out.push_back(string(node[i], field + "[" + std::to_string(i) + "]"));
        return out;
    }

    Labels labels(const Node &node, const std::string &field)
    {
        Labels out;
        if (!isMap(node, field))
            return out;
        for (const auto &entry : node) {
            const std::string key = string(entry.first, field + " key");
            out[key] = string(entry.second, field + "." + key);
        }
        return out;
    }

    std::optional<std::int64_t> integer(const Node &node, const std::string &field, std::int64_t min,
                                        std::int64_t max)
    {
        if (!node.IsDefined() || node.IsNull())
            return std::nullopt;
        if (!node.IsScalar()) {
            error(codes::WrongType, node, Message{"value-not-number", {field, describe(node)}});
            return std::nullopt;
        }
        const std::string &text = node.Scalar();
        std::int64_t value = 0;
        if (!parseInteger(text, value)) {
            error(codes::WrongType, node, Message{"value-not-integer", {field, text}});
            return std::nullopt;
        }
        if (value < min || value > max) {
            error(codes::OutOfRange, node,
                  Message{"value-out-of-range", {field, text, std::to_string(min), std::to_string(max)}});
            return std::nullopt;
        }
        return value;
    }

    std::optional<std::uint32_t> port(const Node &node, const std::string &field)
    {
        if (auto value = integer(node, field, 1, 65535))
            return static_cast<std::uint32_t>(*value);
        return std::nullopt;
    }

    std::optional<std::uint32_t> uint32(const Node &node, const std::string &field)
    {
        if (auto value = integer(node, field, 0, std::numeric_limits<std::uint32_t>::max()))
            return static_cast<std::uint32_t>(*value);
        return std::nullopt;
    }

    std::optional<std::int32_t> int32(const Node &node, const std::string &field, std::int32_t min = 0)
    {
        if (auto value = integer(node, field, min, std::numeric_limits<std::int32_t>::max()))
            return static_cast<std::int32_t>(*value);
        return std::nullopt;
    }

    std::optional<bool> boolean(const Node &node, const std::string &field)
    {
        if (!node.IsDefined() || node.IsNull())
            return std::nullopt;
        if (node.IsScalar()) {
            std::string text = node.Scalar();
            std::transform(text.begin(), text.end(), text.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (text == "true")
                return true;
            if (text == "false")
                return false;
        }
        error(codes::WrongType, node, Message{"value-not-boolean", {field, describe(node)}});
        return std::nullopt;
    }

    std::optional<Duration> duration(const Node &node, const std::string &field)
    {
        const std::string text = string(node, field);
        if (text.empty())
            return std::nullopt;
        if (auto value = parseDuration(text))
            return value;
        error(codes::WrongType, node, Message{"value-not-duration", {field, text}});
        return std::nullopt;
    }

    // An enumerated string. Returns the value as written (or upper-cased when caseInsensitive).
    std::string enumeration(const Node &node, const std::string &field,
                            std::initializer_list<const char *> allowed, bool caseInsensitive = false)
    {
        std::string text = string(node, field);
        if (text.empty())
            return text;
        std::string compare = text;
        if (caseInsensitive)
            std::transform(compare.begin(), compare.end(), compare.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        for (const char *value : allowed) {
            if (compare == value)
                return compare;
        }
        std::string list;
        for (const char *value : allowed)
            list += (list.empty() ? "" : ", ") + std::string(value);
        error(codes::UnknownEnumValue, node, Message{"value-not-allowed", {field, text, list}});
        return text;
    }

private:
    // What a value is: a fragment ("a mapping", ...), or a scalar quoted as written.
    static MessageArg describe(const Node &node)
    {
        switch (node.Type()) {
        case YAML::NodeType::Map:
            return MessageArg::fragmentOf("fragment-a-mapping");
        case YAML::NodeType::Sequence:
            return MessageArg::fragmentOf("fragment-a-list");
        case YAML::NodeType::Scalar:
            return "\"" + node.Scalar() + "\"";
        case YAML::NodeType::Null:
            return MessageArg::fragmentOf("fragment-null");
        case YAML::NodeType::Undefined:
            break;
        }
        return MessageArg::fragmentOf("fragment-nothing");
    }

    static bool parseInteger(const std::string &text, std::int64_t &value)
    {
        if (text.empty() || text.size() > 19)
            return false;
        std::size_t i = 0;
        bool negative = false;
        if (text[0] == '-' || text[0] == '+') {
            negative = text[0] == '-';
            i = 1;
        }
        if (i == text.size())
            return false;
        std::int64_t result = 0;
        for (; i < text.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i])))
                return false;
            result = result * 10 + (text[i] - '0');
        }
        value = negative ? -result : result;
        return true;
    }

    int m_lineOffset;
    const std::string &m_file;
    Diagnostics &m_diagnostics;
    ResourceRef m_resource;
};

std::string index(const std::string &field, std::size_t i)
{
    return field + "[" + std::to_string(i) + "]";
}

// ---------------------------------------------------------------- Gateway

GatewaySpec parseGateway(Reader &r, const Node &spec)
{
    GatewaySpec out;
    out.selector = r.labels(spec["selector"], "spec.selector");
    const Node servers = spec["servers"];
    if (!r.isSeq(servers, "spec.servers"))
        return out;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const Node s = servers[i];
        const std::string field = index("spec.servers", i);
        if (!r.isMap(s, field))
            continue;
        Server server;
        server.position = r.position(s);
        if (r.require(s, "port", field + ".port") && r.isMap(s["port"], field + ".port")) {
            const Node p = s["port"];
            server.port.position = r.position(p);
            if (r.require(p, "number", field + ".port.number"))
                server.port.number = r.port(p["number"], field + ".port.number").value_or(0);
            if (r.require(p, "protocol", field + ".port.protocol"))
                server.port.protocol = r.enumeration(
                    p["protocol"], field + ".port.protocol",
                    {"HTTP", "HTTPS", "GRPC", "GRPC-WEB", "HTTP2", "MONGO", "TCP", "TLS"}, true);
            if (r.require(p, "name", field + ".port.name"))
                server.port.name = r.string(p["name"], field + ".port.name");
            server.port.targetPort = r.port(p["targetPort"], field + ".port.targetPort");
        }
        if (r.require(s, "hosts", field + ".hosts"))
            server.hosts = r.strings(s["hosts"], field + ".hosts");
        server.bind = r.string(s["bind"], field + ".bind");
        server.name = r.string(s["name"], field + ".name");
        server.defaultEndpoint = r.string(s["defaultEndpoint"], field + ".defaultEndpoint");
        const Node tls = s["tls"];
        if (r.isMap(tls, field + ".tls")) {
            ServerTlsSettings t;
            t.position = r.position(tls);
            t.mode = r.enumeration(
                tls["mode"], field + ".tls.mode",
                {"PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"});
            t.httpsRedirect = r.boolean(tls["httpsRedirect"], field + ".tls.httpsRedirect").value_or(false);
            t.credentialName = r.string(tls["credentialName"], field + ".tls.credentialName");
            t.credentialNames = r.strings(tls["credentialNames"], field + ".tls.credentialNames");
            t.caCertCredentialName =
                r.string(tls["caCertCredentialName"], field + ".tls.caCertCredentialName");
            const std::initializer_list<const char *> versions{"TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2",
                                                               "TLSV1_3"};
            t.minProtocolVersion =
                r.enumeration(tls["minProtocolVersion"], field + ".tls.minProtocolVersion", versions);
            t.maxProtocolVersion =
                r.enumeration(tls["maxProtocolVersion"], field + ".tls.maxProtocolVersion", versions);
            t.subjectAltNames = r.strings(tls["subjectAltNames"], field + ".tls.subjectAltNames");
            server.tls = std::move(t);
        }
        out.servers.push_back(std::move(server));
    }
    return out;
}

// ---------------------------------------------------------------- VirtualService

Destination parseDestination(Reader &r, const Node &node, const std::string &field)
{
    Destination d;
    d.position = r.position(node);
    if (!r.isMap(node, field))
        return d;
    if (r.require(node, "host", field + ".host")) {
        d.host = r.string(node["host"], field + ".host");
        d.hostPosition = r.position(node["host"]);
    }
    if (node["subset"]) {
        d.subset = r.string(node["subset"], field + ".subset");
        d.subsetPosition = r.position(node["subset"]);
    }
    const Node port = node["port"];
    if (r.isMap(port, field + ".port"))
        d.port = r.port(port["number"], field + ".port.number");
    return d;
}

std::vector<RouteDestination> parseRouteDestinations(Reader &r, const Node &node, const std::string &field)
{
    std::vector<RouteDestination> out;
    if (!r.isSeq(node, field))
        return out;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const Node rd = node[i];
        const std::string f = index(field, i);
        if (!r.isMap(rd, f))
            continue;
        RouteDestination route;
        route.position = r.position(rd);
        if (r.require(rd, "destination", f + ".destination"))
            route.destination = parseDestination(r, rd["destination"], f + ".destination");
        if (rd["weight"]) {
            route.weight =
                r.integer(rd["weight"], f + ".weight", 0, std::numeric_limits<std::int32_t>::max());
            route.weightPosition = r.position(rd["weight"]);
        }
        out.push_back(std::move(route));
    }
    return out;
}

void parseL4(Reader &r, const Node &m, const std::string &field, L4MatchAttributes &out)
{
    out.position = r.position(m);
    out.destinationSubnets = r.strings(m["destinationSubnets"], field + ".destinationSubnets");
    out.port = r.port(m["port"], field + ".port");
    out.sourceSubnet = r.string(m["sourceSubnet"], field + ".sourceSubnet");
    out.sourceLabels = r.labels(m["sourceLabels"], field + ".sourceLabels");
    out.gateways = r.strings(m["gateways"], field + ".gateways");
    out.sourceNamespace = r.string(m["sourceNamespace"], field + ".sourceNamespace");
}

// The tcp and tls rule lists: the same shape, tls matches adding sniHosts (and required).
template <typename Route, typename ReadExtra>
std::vector<Route> parseL4Routes(Reader &r, const Node &rules, const std::string &family, bool matchRequired,
                                 ReadExtra readExtra)
{
    std::vector<Route> out;
    if (!r.isSeq(rules, family))
        return out;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string field = index(family, i);
        if (!r.isMap(rules[i], field))
            continue;
        Route route;
        route.position = r.position(rules[i]);
        const Node match = rules[i]["match"];
        if ((!matchRequired || r.require(rules[i], "match", field + ".match")) &&
            r.isSeq(match, field + ".match")) {
            for (std::size_t j = 0; j < match.size(); ++j) {
                const std::string mf = index(field + ".match", j);
                if (!r.isMap(match[j], mf))
                    continue;
                typename decltype(route.match)::value_type m;
                parseL4(r, match[j], mf, m);
                readExtra(r, match[j], mf, m);
                route.match.push_back(std::move(m));
            }
        }
        route.route = parseRouteDestinations(r, rules[i]["route"], field + ".route");
        out.push_back(std::move(route));
    }
    return out;
}

// Canonical text of a node for duplicate comparison: keys sorted, `name` dropped at the top.
void canonical(const Node &node, std::string &out, bool top)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        // Sorted by a multimap, not std::sort: assigning a Node (as sorting does) writes
        // into the node it refers to and would scramble the document itself.
        std::multimap<std::string, Node> entries;
        for (const auto &e : node) {
            const std::string key = e.first.IsScalar() ? e.first.Scalar() : std::string("?");
            if (top && key == "name")
                continue;
            entries.emplace(key, e.second);
        }
        out += '{';
        for (const auto &[key, value] : entries) {
            out += key;
            out += ':';
            canonical(value, out, false);
            out += ',';
        }
        out += '}';
        break;
    }
    case YAML::NodeType::Sequence:
        out += '[';
        for (const auto &e : node) {
            canonical(e, out, false);
            out += ',';
        }
        out += ']';
        break;
    case YAML::NodeType::Scalar:
        out += '"';
        out += node.Scalar();
        out += '"';
        break;
    default:
        out += "null";
        break;
    }
}

VirtualServiceSpec parseVirtualService(Reader &r, const Node &spec)
{
    VirtualServiceSpec out;
    out.hosts = r.strings(spec["hosts"], "spec.hosts");
    out.hostsPosition = r.position(spec["hosts"]);
    if (spec["gateways"] && !spec["gateways"].IsNull()) {
        out.gateways = r.strings(spec["gateways"], "spec.gateways");
        out.gatewaysSet = true;
        out.gatewaysPosition = r.position(spec["gateways"]);
    }
    out.exportTo = r.strings(spec["exportTo"], "spec.exportTo");

    out.tcp = parseL4Routes<TcpRoute>(r, spec["tcp"], "spec.tcp", false,
                                      [](Reader &, const Node &, const std::string &, TcpMatch &) {});
    out.tls = parseL4Routes<TlsRoute>(
        r, spec["tls"], "spec.tls", true,
        [&out](Reader &reader, const Node &m, const std::string &f, TlsMatch &match) {
            if (!reader.require(m, "sniHosts", f + ".sniHosts"))
                return;
            match.sniHosts = reader.strings(m["sniHosts"], f + ".sniHosts");
            // Istio's validation: every SNI name lies within one of the VirtualService's hosts.
            if (out.hosts.empty() || match.sniHosts.size() != m["sniHosts"].size())
                return;
            for (std::size_t k = 0; k < match.sniHosts.size(); ++k) {
                const std::string &sni = match.sniHosts[k];
                if (std::any_of(out.hosts.begin(), out.hosts.end(),
                                [&](const std::string &host) { return hostMatches(host, sni); }))
                    continue;
                std::string hosts;
                for (const std::string &host : out.hosts)
                    hosts += (hosts.empty() ? "" : ", ") + host;
                reader.error(codes::SniHostOutsideHosts, m["sniHosts"][k],
                             Message{"sni-host-outside-hosts", {index(f + ".sniHosts", k), sni, hosts}});
            }
        });

    const Node http = spec["http"];
    if (r.isSeq(http, "spec.http")) {
        for (std::size_t i = 0; i < http.size(); ++i) {
            const std::string field = index("spec.http", i);
            if (!r.isMap(http[i], field))
                continue;
            HttpRoute route;
            route.position = r.position(http[i]);
            route.name = r.string(http[i]["name"], field + ".name");
            const Node match = http[i]["match"];
            if (r.isSeq(match, field + ".match")) {
                for (std::size_t j = 0; j < match.size(); ++j) {
                    const std::string mf = index(field + ".match", j);
                    if (!r.isMap(match[j], mf))
                        continue;
                    HttpMatch m;
                    m.position = r.position(match[j]);
                    m.name = r.string(match[j]["name"], mf + ".name");
                    m.port = r.port(match[j]["port"], mf + ".port");
                    m.gateways = r.strings(match[j]["gateways"], mf + ".gateways");
                    canonical(match[j], m.key, true);
                    route.match.push_back(std::move(m));
                }
            }
            route.route = parseRouteDestinations(r, http[i]["route"], field + ".route");
            if (http[i]["mirror"])
                route.mirrors.push_back(parseDestination(r, http[i]["mirror"], field + ".mirror"));
            const Node mirrors = http[i]["mirrors"];
            if (r.isSeq(mirrors, field + ".mirrors")) {
                for (std::size_t j = 0; j < mirrors.size(); ++j) {
                    const std::string mf = index(field + ".mirrors", j);
                    if (r.isMap(mirrors[j], mf) && r.require(mirrors[j], "destination", mf + ".destination"))
                        route.mirrors.push_back(
                            parseDestination(r, mirrors[j]["destination"], mf + ".destination"));
                }
            }
            out.http.push_back(std::move(route));
        }
    }
    return out;
}

// ---------------------------------------------------------------- DestinationRule

std::optional<LoadBalancerSettings> parseLoadBalancer(Reader &r, const Node &node, const std::string &field)
{
    if (!r.isMap(node, field))
        return std::nullopt;
    LoadBalancerSettings lb;
    lb.position = r.position(node);
    lb.simple =
        r.enumeration(node["simple"], field + ".simple",
                      {"UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST"});
    const Node hash = node["consistentHash"];
    if (r.isMap(hash, field + ".consistentHash")) {
        ConsistentHash ch;
        ch.useSourceIp =
            r.boolean(hash["useSourceIp"], field + ".consistentHash.useSourceIp").value_or(false);
        for (const char *key : {"httpHeaderName", "httpCookie", "httpQueryParameterName"}) {
            if (hash[key])
                ch.other = key;
        }
        lb.consistentHash = ch;
    }
    return lb;
}

std::optional<TcpConnectionPool> parseTcpPool(Reader &r, const Node &pool, const std::string &field)
{
    if (!r.isMap(pool, field))
        return std::nullopt;
    const Node node = pool["tcp"];
    if (!r.isMap(node, field + ".tcp"))
        return std::nullopt;
    const std::string f = field + ".tcp";
    TcpConnectionPool tcp;
    tcp.position = r.position(node);
    tcp.maxConnections = r.int32(node["maxConnections"], f + ".maxConnections");
    tcp.connectTimeout = r.duration(node["connectTimeout"], f + ".connectTimeout");
    tcp.maxConnectionDuration = r.duration(node["maxConnectionDuration"], f + ".maxConnectionDuration");
    tcp.idleTimeout = r.duration(node["idleTimeout"], f + ".idleTimeout");
    const Node keepalive = node["tcpKeepalive"];
    if (r.isMap(keepalive, f + ".tcpKeepalive")) {
        TcpKeepalive k;
        k.probes = r.uint32(keepalive["probes"], f + ".tcpKeepalive.probes");
        k.time = r.duration(keepalive["time"], f + ".tcpKeepalive.time");
        k.interval = r.duration(keepalive["interval"], f + ".tcpKeepalive.interval");
        tcp.tcpKeepalive = k;
    }
    return tcp;
}

std::optional<OutlierDetection> parseOutlier(Reader &r, const Node &node, const std::string &field)
{
    if (!r.isMap(node, field))
        return std::nullopt;
    OutlierDetection o;
    o.position = r.position(node);
    o.splitExternalLocalOriginErrors =
        r.boolean(node["splitExternalLocalOriginErrors"], field + ".splitExternalLocalOriginErrors");
    o.consecutiveLocalOriginFailures =
        r.uint32(node["consecutiveLocalOriginFailures"], field + ".consecutiveLocalOriginFailures");
    o.consecutiveGatewayErrors =
        r.uint32(node["consecutiveGatewayErrors"], field + ".consecutiveGatewayErrors");
    o.consecutive5xxErrors = r.uint32(node["consecutive5xxErrors"], field + ".consecutive5xxErrors");
    o.interval = r.duration(node["interval"], field + ".interval");
    o.baseEjectionTime = r.duration(node["baseEjectionTime"], field + ".baseEjectionTime");
    if (auto v = r.integer(node["maxEjectionPercent"], field + ".maxEjectionPercent", 0, 100))
        o.maxEjectionPercent = static_cast<std::int32_t>(*v);
    if (auto v = r.integer(node["minHealthPercent"], field + ".minHealthPercent", 0, 100))
        o.minHealthPercent = static_cast<std::int32_t>(*v);
    return o;
}

std::optional<TrafficPolicy> parseTrafficPolicy(Reader &r, const Node &node, const std::string &field)
{
    if (!r.isMap(node, field))
        return std::nullopt;
    TrafficPolicy p;
    p.position = r.position(node);
    p.loadBalancer = parseLoadBalancer(r, node["loadBalancer"], field + ".loadBalancer");
    p.tcp = parseTcpPool(r, node["connectionPool"], field + ".connectionPool");
    p.outlierDetection = parseOutlier(r, node["outlierDetection"], field + ".outlierDetection");
    const Node ports = node["portLevelSettings"];
    if (r.isSeq(ports, field + ".portLevelSettings")) {
        for (std::size_t i = 0; i < ports.size(); ++i) {
            const std::string f = index(field + ".portLevelSettings", i);
            if (!r.isMap(ports[i], f))
                continue;
            PortTrafficPolicy pp;
            pp.position = r.position(ports[i]);
            if (r.isMap(ports[i]["port"], f + ".port"))
                pp.port = r.port(ports[i]["port"]["number"], f + ".port.number");
            pp.loadBalancer = parseLoadBalancer(r, ports[i]["loadBalancer"], f + ".loadBalancer");
            pp.tcp = parseTcpPool(r, ports[i]["connectionPool"], f + ".connectionPool");
            pp.outlierDetection = parseOutlier(r, ports[i]["outlierDetection"], f + ".outlierDetection");
            p.portLevelSettings.push_back(std::move(pp));
        }
    }
    return p;
}

DestinationRuleSpec parseDestinationRule(Reader &r, const Node &spec)
{
    DestinationRuleSpec out;
    if (r.require(spec, "host", "spec.host")) {
        out.host = r.string(spec["host"], "spec.host");
        out.hostPosition = r.position(spec["host"]);
    }
    out.trafficPolicy = parseTrafficPolicy(r, spec["trafficPolicy"], "spec.trafficPolicy");
    out.exportTo = r.strings(spec["exportTo"], "spec.exportTo");
    if (r.isMap(spec["workloadSelector"], "spec.workloadSelector"))
        out.workloadSelector =
            r.labels(spec["workloadSelector"]["matchLabels"], "spec.workloadSelector.matchLabels");
    const Node subsets = spec["subsets"];
    if (r.isSeq(subsets, "spec.subsets")) {
        for (std::size_t i = 0; i < subsets.size(); ++i) {
            const std::string f = index("spec.subsets", i);
            if (!r.isMap(subsets[i], f))
                continue;
            Subset s;
            s.position = r.position(subsets[i]);
            if (r.require(subsets[i], "name", f + ".name"))
                s.name = r.string(subsets[i]["name"], f + ".name");
            s.labels = r.labels(subsets[i]["labels"], f + ".labels");
            s.trafficPolicy = parseTrafficPolicy(r, subsets[i]["trafficPolicy"], f + ".trafficPolicy");
            out.subsets.push_back(std::move(s));
        }
    }
    return out;
}

// ---------------------------------------------------------------- ServiceEntry / WorkloadEntry

WorkloadEntrySpec parseWorkload(Reader &r, const Node &node, const std::string &field)
{
    WorkloadEntrySpec w;
    w.position = r.position(node);
    w.address = r.string(node["address"], field + ".address");
    const Node ports = node["ports"];
    if (r.isMap(ports, field + ".ports")) {
        for (const auto &entry : ports) {
            const std::string name = r.string(entry.first, field + ".ports key");
            if (auto p = r.port(entry.second, field + ".ports." + name))
                w.ports[name] = *p;
        }
    }
    w.labels = r.labels(node["labels"], field + ".labels");
    w.network = r.string(node["network"], field + ".network");
    w.locality = r.string(node["locality"], field + ".locality");
    w.weight = r.uint32(node["weight"], field + ".weight");
    w.serviceAccount = r.string(node["serviceAccount"], field + ".serviceAccount");
    return w;
}

const std::initializer_list<const char *> kIstioProtocols{"HTTP",  "HTTPS", "GRPC", "GRPC-WEB", "HTTP2",
                                                          "MONGO", "TCP",   "TLS",  "UDP"};

ServiceEntrySpec parseServiceEntry(Reader &r, const Node &spec)
{
    ServiceEntrySpec out;
    if (r.require(spec, "hosts", "spec.hosts"))
        out.hosts = r.strings(spec["hosts"], "spec.hosts");
    out.addresses = r.strings(spec["addresses"], "spec.addresses");
    const Node ports = spec["ports"];
    if (r.isSeq(ports, "spec.ports")) {
        for (std::size_t i = 0; i < ports.size(); ++i) {
            const std::string f = index("spec.ports", i);
            if (!r.isMap(ports[i], f))
                continue;
            IstioPort p;
            p.position = r.position(ports[i]);
            if (r.require(ports[i], "number", f + ".number"))
                p.number = r.port(ports[i]["number"], f + ".number").value_or(0);
            if (r.require(ports[i], "name", f + ".name"))
                p.name = r.string(ports[i]["name"], f + ".name");
            p.protocol = r.enumeration(ports[i]["protocol"], f + ".protocol", kIstioProtocols, true);
            p.targetPort = r.port(ports[i]["targetPort"], f + ".targetPort");
            out.ports.push_back(std::move(p));
        }
    }
    out.location = r.enumeration(spec["location"], "spec.location", {"MESH_EXTERNAL", "MESH_INTERNAL"});
    out.resolution =
        r.enumeration(spec["resolution"], "spec.resolution", {"NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN"});
    const Node endpoints = spec["endpoints"];
    if (r.isSeq(endpoints, "spec.endpoints")) {
        for (std::size_t i = 0; i < endpoints.size(); ++i) {
            const std::string f = index("spec.endpoints", i);
            if (r.isMap(endpoints[i], f))
                out.endpoints.push_back(parseWorkload(r, endpoints[i], f));
        }
    }
    if (r.isMap(spec["workloadSelector"], "spec.workloadSelector"))
        out.workloadSelector = r.labels(spec["workloadSelector"]["labels"], "spec.workloadSelector.labels");
    out.exportTo = r.strings(spec["exportTo"], "spec.exportTo");
    out.subjectAltNames = r.strings(spec["subjectAltNames"], "spec.subjectAltNames");
    return out;
}

// ---------------------------------------------------------------- Kubernetes

ServiceSpec parseService(Reader &r, const Node &spec)
{
    ServiceSpec out;
    out.selector = r.labels(spec["selector"], "spec.selector");
    if (spec["type"])
        out.type = r.enumeration(spec["type"], "spec.type",
                                 {"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"});
    out.clusterIP = r.string(spec["clusterIP"], "spec.clusterIP");
    const Node ports = spec["ports"];
    if (r.isSeq(ports, "spec.ports")) {
        for (std::size_t i = 0; i < ports.size(); ++i) {
            const std::string f = index("spec.ports", i);
            if (!r.isMap(ports[i], f))
                continue;
            ServicePort p;
            p.position = r.position(ports[i]);
            p.name = r.string(ports[i]["name"], f + ".name");
            if (ports[i]["protocol"])
                p.protocol = r.enumeration(ports[i]["protocol"], f + ".protocol", {"TCP", "UDP", "SCTP"});
            if (r.require(ports[i], "port", f + ".port"))
                p.port = r.port(ports[i]["port"], f + ".port").value_or(0);
            const Node target = ports[i]["targetPort"];
            if (target.IsDefined() && target.IsScalar()) {
                const std::string &text = target.Scalar();
                const bool numeric =
                    !text.empty() &&
                    std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
                if (numeric)
                    p.targetPort = r.port(target, f + ".targetPort");
                else
                    p.targetPortName = text;
            } else if (target.IsDefined() && !target.IsNull()) {
                r.string(target, f + ".targetPort"); // reports the wrong type
            }
            p.appProtocol = r.string(ports[i]["appProtocol"], f + ".appProtocol");
            if (ports[i]["nodePort"])
                p.nodePort = r.port(ports[i]["nodePort"], f + ".nodePort");
            out.ports.push_back(std::move(p));
        }
    }
    return out;
}

DeploymentSpec parseDeployment(Reader &r, const Node &spec)
{
    DeploymentSpec out;
    if (spec["replicas"])
        out.replicas = r.int32(spec["replicas"], "spec.replicas").value_or(1);
    if (r.isMap(spec["selector"], "spec.selector"))
        out.matchLabels = r.labels(spec["selector"]["matchLabels"], "spec.selector.matchLabels");
    const Node tmpl = spec["template"];
    if (!r.isMap(tmpl, "spec.template"))
        return out;
    if (r.isMap(tmpl["metadata"], "spec.template.metadata"))
        out.podLabels = r.labels(tmpl["metadata"]["labels"], "spec.template.metadata.labels");
    const Node pod = tmpl["spec"];
    if (!r.isMap(pod, "spec.template.spec"))
        return out;
    out.serviceAccountName = r.string(pod["serviceAccountName"], "spec.template.spec.serviceAccountName");
    if (out.serviceAccountName.empty())
        out.serviceAccountName = r.string(pod["serviceAccount"], "spec.template.spec.serviceAccount");
    const Node containers = pod["containers"];
    if (!r.isSeq(containers, "spec.template.spec.containers"))
        return out;
    for (std::size_t i = 0; i < containers.size(); ++i) {
        const std::string f = index("spec.template.spec.containers", i);
        if (!r.isMap(containers[i], f))
            continue;
        out.containerNames.push_back(r.string(containers[i]["name"], f + ".name"));
        const Node ports = containers[i]["ports"];
        if (!r.isSeq(ports, f + ".ports"))
            continue;
        for (std::size_t j = 0; j < ports.size(); ++j) {
            const std::string pf = index(f + ".ports", j);
            if (!r.isMap(ports[j], pf))
                continue;
            ContainerPort cp;
            cp.name = r.string(ports[j]["name"], pf + ".name");
            cp.containerPort = r.port(ports[j]["containerPort"], pf + ".containerPort").value_or(0);
            if (ports[j]["protocol"])
                cp.protocol = r.enumeration(ports[j]["protocol"], pf + ".protocol", {"TCP", "UDP", "SCTP"});
            out.containerPorts.push_back(std::move(cp));
        }
    }
    return out;
}

// ---------------------------------------------------------------- Gateway API (model/gatewayapi.h)

LabelSelector parseLabelSelector(Reader &r, const Node &node, const std::string &field)
{
    LabelSelector out;
    if (!r.isMap(node, field))
        return out;
    out.matchLabels = r.labels(node["matchLabels"], field + ".matchLabels");
    const Node expressions = node["matchExpressions"];
    if (r.isSeq(expressions, field + ".matchExpressions")) {
        for (std::size_t i = 0; i < expressions.size(); ++i) {
            const std::string f = index(field + ".matchExpressions", i);
            if (!r.isMap(expressions[i], f))
                continue;
            LabelSelectorRequirement req;
            if (r.require(expressions[i], "key", f + ".key"))
                req.key = r.string(expressions[i]["key"], f + ".key");
            if (r.require(expressions[i], "operator", f + ".operator"))
                req.op = r.enumeration(expressions[i]["operator"], f + ".operator",
                                       {"In", "NotIn", "Exists", "DoesNotExist"});
            req.values = r.strings(expressions[i]["values"], f + ".values");
            out.matchExpressions.push_back(std::move(req));
        }
    }
    return out;
}

// A TLSConfig of spec.tls.frontend (its default, or a perPort entry's tls).
FrontendTls parseFrontendTls(Reader &r, const Node &node, const std::string &field)
{
    FrontendTls out;
    out.position = r.position(node);
    if (!r.isMap(node, field))
        return out;
    const Node validation = node["validation"];
    if (!r.isMap(validation, field + ".validation"))
        return out;
    FrontendValidation v;
    v.position = r.position(validation);
    if (validation["mode"].IsDefined()) {
        v.modeSet = true;
        v.mode = r.enumeration(validation["mode"], field + ".validation.mode",
                               {"AllowValidOnly", "AllowInsecureFallback"});
    }
    const std::string refsField = field + ".validation.caCertificateRefs";
    const Node refs = validation["caCertificateRefs"];
    if (r.require(validation, "caCertificateRefs", refsField) && r.isSeq(refs, refsField)) {
        for (std::size_t i = 0; i < refs.size(); ++i) {
            const std::string f = index(refsField, i);
            if (!r.isMap(refs[i], f))
                continue;
            CaCertificateRef ref;
            ref.position = r.position(refs[i]);
            if (r.require(refs[i], "group", f + ".group"))
                ref.group = r.string(refs[i]["group"], f + ".group");
            if (r.require(refs[i], "kind", f + ".kind"))
                ref.kind = r.string(refs[i]["kind"], f + ".kind");
            if (r.require(refs[i], "name", f + ".name"))
                ref.name = r.string(refs[i]["name"], f + ".name");
            ref.ns = r.string(refs[i]["namespace"], f + ".namespace");
            v.caCertificateRefs.push_back(std::move(ref));
        }
    }
    out.validation = std::move(v);
    return out;
}

std::optional<GatewayFrontendTls> parseGatewayFrontendTls(Reader &r, const Node &spec)
{
    const Node tls = spec["tls"];
    if (!r.isMap(tls, "spec.tls"))
        return std::nullopt;
    const Node frontend = tls["frontend"];
    if (!r.isMap(frontend, "spec.tls.frontend"))
        return std::nullopt;
    GatewayFrontendTls out;
    out.position = r.position(frontend);
    if (r.require(frontend, "default", "spec.tls.frontend.default"))
        out.defaults = parseFrontendTls(r, frontend["default"], "spec.tls.frontend.default");
    const Node perPort = frontend["perPort"];
    if (r.isSeq(perPort, "spec.tls.frontend.perPort")) {
        for (std::size_t i = 0; i < perPort.size(); ++i) {
            const std::string f = index("spec.tls.frontend.perPort", i);
            if (!r.isMap(perPort[i], f))
                continue;
            FrontendTlsPerPort entry;
            entry.position = r.position(perPort[i]);
            if (r.require(perPort[i], "port", f + ".port"))
                entry.port = r.port(perPort[i]["port"], f + ".port").value_or(0);
            if (r.require(perPort[i], "tls", f + ".tls"))
                entry.tls = parseFrontendTls(r, perPort[i]["tls"], f + ".tls");
            out.perPort.push_back(std::move(entry));
        }
    }
    return out;
}

KubeGatewaySpec parseKubeGateway(Reader &r, const Node &spec)
{
    KubeGatewaySpec out;
    if (r.require(spec, "gatewayClassName", "spec.gatewayClassName"))
        out.gatewayClassName = r.string(spec["gatewayClassName"], "spec.gatewayClassName");
    const Node addresses = spec["addresses"];
    if (r.isSeq(addresses, "spec.addresses")) {
        for (std::size_t i = 0; i < addresses.size(); ++i) {
            const std::string f = index("spec.addresses", i);
            if (!r.isMap(addresses[i], f))
                continue;
            GatewayAddress a;
            if (addresses[i]["type"].IsDefined())
                a.type = r.string(addresses[i]["type"], f + ".type");
            a.value = r.string(addresses[i]["value"], f + ".value");
            out.addresses.push_back(std::move(a));
        }
    }
    out.frontendTls = parseGatewayFrontendTls(r, spec);
    const Node listeners = spec["listeners"];
    if (!r.require(spec, "listeners", "spec.listeners") || !r.isSeq(listeners, "spec.listeners"))
        return out;
    for (std::size_t i = 0; i < listeners.size(); ++i) {
        const Node l = listeners[i];
        const std::string field = index("spec.listeners", i);
        if (!r.isMap(l, field))
            continue;
        GatewayListener listener;
        listener.position = r.position(l);
        if (r.require(l, "name", field + ".name"))
            listener.name = r.string(l["name"], field + ".name");
        listener.hostname = r.string(l["hostname"], field + ".hostname");
        if (r.require(l, "port", field + ".port"))
            listener.port = r.port(l["port"], field + ".port").value_or(0);
        if (r.require(l, "protocol", field + ".protocol"))
            listener.protocol = r.string(l["protocol"], field + ".protocol");
        listener.protocolPosition = r.position(l["protocol"]);
        const Node tls = l["tls"];
        if (r.isMap(tls, field + ".tls")) {
            listener.hasTls = true;
            listener.tlsMode = "Terminate";
            if (tls["mode"].IsDefined())
                listener.tlsMode =
                    r.enumeration(tls["mode"], field + ".tls.mode", {"Terminate", "Passthrough"});
            const Node refs = tls["certificateRefs"];
            if (r.isSeq(refs, field + ".tls.certificateRefs")) {
                for (std::size_t j = 0; j < refs.size(); ++j) {
                    const std::string f = index(field + ".tls.certificateRefs", j);
                    if (!r.isMap(refs[j], f))
                        continue;
                    SecretRef ref;
                    ref.position = r.position(refs[j]);
                    ref.groupSet = refs[j]["group"].IsDefined();
                    ref.group = r.string(refs[j]["group"], f + ".group");
                    ref.kindSet = refs[j]["kind"].IsDefined();
                    if (ref.kindSet)
                        ref.kind = r.string(refs[j]["kind"], f + ".kind");
                    ref.name = r.string(refs[j]["name"], f + ".name");
                    ref.ns = r.string(refs[j]["namespace"], f + ".namespace");
                    listener.certificateRefs.push_back(std::move(ref));
                }
            }
            listener.tlsOptions = r.labels(tls["options"], field + ".tls.options");
        }
        const Node allowed = l["allowedRoutes"];
        if (r.isMap(allowed, field + ".allowedRoutes")) {
            listener.allowedRoutes.position = r.position(allowed);
            const Node namespaces = allowed["namespaces"];
            if (r.isMap(namespaces, field + ".allowedRoutes.namespaces")) {
                if (namespaces["from"].IsDefined())
                    listener.allowedRoutes.from =
                        r.enumeration(namespaces["from"], field + ".allowedRoutes.namespaces.from",
                                      {"Same", "All", "Selector"});
                if (namespaces["selector"].IsDefined())
                    listener.allowedRoutes.selector = parseLabelSelector(
                        r, namespaces["selector"], field + ".allowedRoutes.namespaces.selector");
            }
            const Node kinds = allowed["kinds"];
            if (r.isSeq(kinds, field + ".allowedRoutes.kinds")) {
                listener.allowedRoutes.kindsSet = true;
                listener.allowedRoutes.kindsPosition = r.position(kinds);
                for (std::size_t j = 0; j < kinds.size(); ++j) {
                    const std::string f = index(field + ".allowedRoutes.kinds", j);
                    if (!r.isMap(kinds[j], f))
                        continue;
                    GroupKind gk{kGatewayApiGroup, {}};
                    if (kinds[j]["group"].IsDefined())
                        gk.group = r.string(kinds[j]["group"], f + ".group");
                    if (r.require(kinds[j], "kind", f + ".kind"))
                        gk.kind = r.string(kinds[j]["kind"], f + ".kind");
                    listener.allowedRoutes.kinds.push_back(std::move(gk));
                }
            }
        }
        out.listeners.push_back(std::move(listener));
    }
    return out;
}

GatewayClassSpec parseGatewayClass(Reader &r, const Node &spec)
{
    GatewayClassSpec out;
    if (r.require(spec, "controllerName", "spec.controllerName"))
        out.controllerName = r.string(spec["controllerName"], "spec.controllerName");
    out.description = r.string(spec["description"], "spec.description");
    return out;
}

L4RouteSpec parseL4RouteSpec(Reader &r, const Node &spec, bool tls)
{
    L4RouteSpec out;
    const Node parents = spec["parentRefs"];
    if (r.isSeq(parents, "spec.parentRefs")) {
        for (std::size_t i = 0; i < parents.size(); ++i) {
            const std::string f = index("spec.parentRefs", i);
            const Node p = parents[i];
            if (!r.isMap(p, f))
                continue;
            RouteParentRef ref;
            ref.position = r.position(p);
            if (p["group"].IsDefined())
                ref.group = r.string(p["group"], f + ".group");
            if (p["kind"].IsDefined())
                ref.kind = r.string(p["kind"], f + ".kind");
            ref.ns = r.string(p["namespace"], f + ".namespace");
            if (r.require(p, "name", f + ".name"))
                ref.name = r.string(p["name"], f + ".name");
            ref.sectionName = r.string(p["sectionName"], f + ".sectionName");
            ref.port = r.port(p["port"], f + ".port");
            out.parentRefs.push_back(std::move(ref));
        }
    }
    if (tls) {
        out.hostnamesPosition = r.position(spec["hostnames"]);
        out.hostnames = r.strings(spec["hostnames"], "spec.hostnames");
    }
    const Node rules = spec["rules"];
    if (!r.require(spec, "rules", "spec.rules") || !r.isSeq(rules, "spec.rules"))
        return out;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string field = index("spec.rules", i);
        if (!r.isMap(rules[i], field))
            continue;
        L4RouteRule rule;
        rule.position = r.position(rules[i]);
        rule.name = r.string(rules[i]["name"], field + ".name");
        const Node backends = rules[i]["backendRefs"];
        if (r.isSeq(backends, field + ".backendRefs")) {
            for (std::size_t j = 0; j < backends.size(); ++j) {
                const std::string f = index(field + ".backendRefs", j);
                const Node b = backends[j];
                if (!r.isMap(b, f))
                    continue;
                RouteBackendRef ref;
                ref.position = r.position(b);
                ref.group = r.string(b["group"], f + ".group");
                if (b["kind"].IsDefined())
                    ref.kind = r.string(b["kind"], f + ".kind");
                if (r.require(b, "name", f + ".name"))
                    ref.name = r.string(b["name"], f + ".name");
                ref.ns = r.string(b["namespace"], f + ".namespace");
                ref.port = r.port(b["port"], f + ".port");
                ref.weight = r.integer(b["weight"], f + ".weight", 0, 1000000);
                rule.backendRefs.push_back(std::move(ref));
            }
        }
        out.rules.push_back(std::move(rule));
    }
    return out;
}

ReferenceGrantSpec parseReferenceGrant(Reader &r, const Node &spec)
{
    ReferenceGrantSpec out;
    const Node from = spec["from"];
    if (r.require(spec, "from", "spec.from") && r.isSeq(from, "spec.from")) {
        for (std::size_t i = 0; i < from.size(); ++i) {
            const std::string f = index("spec.from", i);
            if (!r.isMap(from[i], f))
                continue;
            out.from.push_back({r.string(from[i]["group"], f + ".group"),
                                r.string(from[i]["kind"], f + ".kind"),
                                r.string(from[i]["namespace"], f + ".namespace")});
        }
    }
    const Node to = spec["to"];
    if (r.require(spec, "to", "spec.to") && r.isSeq(to, "spec.to")) {
        for (std::size_t i = 0; i < to.size(); ++i) {
            const std::string f = index("spec.to", i);
            if (!r.isMap(to[i], f))
                continue;
            out.to.push_back({r.string(to[i]["group"], f + ".group"), r.string(to[i]["kind"], f + ".kind"),
                              r.string(to[i]["name"], f + ".name")});
        }
    }
    return out;
}

bool isNetworkingApi(const std::string &apiVersion)
{
    return apiVersion == "networking.istio.io/v1" || apiVersion == "networking.istio.io/v1beta1" ||
           apiVersion == "networking.istio.io/v1alpha3";
}

bool isDns1123Subdomain(const std::string &name)
{
    if (name.empty() || name.size() > 253)
        return false;
    char previous = '.';
    for (char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && c != '-' && c != '.')
            return false;
        if ((c == '-' || c == '.') && previous == '.')
            return false;
        if (c == '.' && previous == '-')
            return false;
        previous = c;
    }
    return previous != '-' && previous != '.';
}

} // namespace

Resource parseResource(const tree::Node &node, int lineOffset, const std::string &file,
                       Diagnostics &diagnostics)
{
    Reader r(lineOffset, file, diagnostics);
    Resource res;
    res.position = r.position(node);
    if (!node.IsMap()) {
        r.error(codes::NotAResource, node, Message{"document-not-mapping", {}});
        return res;
    }
    res.apiVersion = r.string(node["apiVersion"], "apiVersion");
    res.kindName = r.string(node["kind"], "kind");
    if (res.apiVersion.empty())
        r.error(codes::NotAResource, node["apiVersion"].IsDefined() ? node["apiVersion"] : node,
                Message{"field-required", {"apiVersion"}});
    if (res.kindName.empty())
        r.error(codes::NotAResource, node["kind"].IsDefined() ? node["kind"] : node,
                Message{"field-required", {"kind"}});
    res.kind = kindOf(res.apiVersion, res.kindName);

    const Node metadata = node["metadata"];
    if (r.isMap(metadata, "metadata")) {
        res.name = r.string(metadata["name"], "metadata.name");
        res.namespace_ = r.string(metadata["namespace"], "metadata.namespace");
        res.labels = r.labels(metadata["labels"], "metadata.labels");
        res.annotations = r.labels(metadata["annotations"], "metadata.annotations");
    }
    r.setResource({res.kindName, res.namespace_, res.name});
    if (res.name.empty() && !(metadata.IsDefined() && metadata.IsMap() && metadata["generateName"])) {
        r.error(codes::NotAResource, metadata.IsDefined() ? metadata : node,
                Message{"field-required", {"metadata.name"}});
    } else if (!res.name.empty() && !isDns1123Subdomain(res.name)) {
        r.error(codes::InvalidName, metadata["name"], Message{"invalid-name", {res.name}});
    }
    if (!res.namespace_.empty() && !isDns1123Subdomain(res.namespace_))
        r.error(codes::InvalidName, metadata["namespace"], Message{"invalid-namespace", {res.namespace_}});

    // Known kinds must come with an apiVersion that serves them; otherwise keep the document opaque.
    bool apiKnown = true;
    switch (res.kind) {
    case Kind::Gateway:
    case Kind::VirtualService:
    case Kind::DestinationRule:
    case Kind::ServiceEntry:
    case Kind::WorkloadEntry:
        apiKnown = isNetworkingApi(res.apiVersion);
        break;
    case Kind::Service:
    case Kind::Namespace:
        apiKnown = res.apiVersion == "v1";
        break;
    case Kind::Deployment:
        apiKnown = res.apiVersion == "apps/v1" || res.apiVersion == "extensions/v1beta1" ||
                   res.apiVersion == "apps/v1beta1" || res.apiVersion == "apps/v1beta2";
        break;
    case Kind::KubeGateway:
    case Kind::GatewayClass:
        apiKnown = res.apiVersion == "gateway.networking.k8s.io/v1" ||
                   res.apiVersion == "gateway.networking.k8s.io/v1beta1";
        break;
    case Kind::TCPRoute:
        apiKnown = res.apiVersion == "gateway.networking.k8s.io/v1" ||
                   res.apiVersion == "gateway.networking.k8s.io/v1alpha2";
        break;
    case Kind::TLSRoute:
        apiKnown = res.apiVersion == "gateway.networking.k8s.io/v1" ||
                   res.apiVersion == "gateway.networking.k8s.io/v1alpha3" ||
                   res.apiVersion == "gateway.networking.k8s.io/v1alpha2";
        break;
    case Kind::ReferenceGrant:
        apiKnown = res.apiVersion == "gateway.networking.k8s.io/v1" ||
                   res.apiVersion == "gateway.networking.k8s.io/v1beta1";
        break;
    case Kind::Other:
        break;
    }
    if (!apiKnown) {
        if (!res.apiVersion.empty())
            r.report(Severity::Warning, codes::UnknownApiVersion, node["apiVersion"],
                     Message{"unknown-api-version", {res.kindName, res.apiVersion}});
        res.kind = Kind::Other;
    }

    const Node specNode = node["spec"];
    const Node emptySpec(YAML::NodeType::Map);
    const bool needsSpec = res.kind != Kind::Other && res.kind != Kind::Namespace;
    bool specUsable = true;
    if (needsSpec && (!specNode.IsDefined() || specNode.IsNull())) {
        // Istio kinds without a spec are rejected by the API server; an empty Service/Deployment is useless.
        r.error(codes::MissingField, specNode.IsDefined() ? specNode : node,
                Message{"field-required", {"spec"}});
        specUsable = false;
    } else if (needsSpec && !r.isMap(specNode, "spec")) {
        specUsable = false;
    }
    const Node &spec = specUsable ? specNode : emptySpec;

    switch (res.kind) {
    case Kind::Gateway:
        res.spec = parseGateway(r, spec);
        break;
    case Kind::VirtualService:
        res.spec = parseVirtualService(r, spec);
        break;
    case Kind::DestinationRule:
        res.spec = parseDestinationRule(r, spec);
        break;
    case Kind::ServiceEntry:
        res.spec = parseServiceEntry(r, spec);
        break;
    case Kind::WorkloadEntry:
        res.spec = parseWorkload(r, spec, "spec");
        break;
    case Kind::Service:
        res.spec = parseService(r, spec);
        break;
    case Kind::Deployment: {
        DeploymentSpec d = parseDeployment(r, spec);
        if (res.apiVersion != "apps/v1") {
            d.removedApiVersion = true;
            r.report(Severity::Warning, codes::RemovedApiVersion, node["apiVersion"],
                     Message{"removed-deployment-api", {res.apiVersion}});
        }
        res.spec = std::move(d);
        break;
    }
    case Kind::Namespace:
        res.spec = NamespaceSpec{};
        break;
    case Kind::KubeGateway:
        res.spec = parseKubeGateway(r, spec);
        break;
    case Kind::GatewayClass:
        res.spec = parseGatewayClass(r, spec);
        break;
    case Kind::TCPRoute:
    case Kind::TLSRoute: {
        L4RouteSpec route = parseL4RouteSpec(r, spec, res.kind == Kind::TLSRoute);
        if (metadata.IsDefined() && metadata.IsMap())
            route.creationTimestamp = r.string(metadata["creationTimestamp"], "metadata.creationTimestamp");
        res.spec = std::move(route);
        break;
    }
    case Kind::ReferenceGrant:
        res.spec = parseReferenceGrant(r, spec);
        break;
    case Kind::Other:
        res.spec = OpaqueSpec{};
        break;
    }
    return res;
}

Resource parseResource(const YAML::Node &node, int lineOffset, const std::string &file,
                       Diagnostics &diagnostics)
{
    tree::Tree converted;
    tree::fromYaml(node, converted);
    Resource res = parseResource(converted.root(), lineOffset, file, diagnostics);
    res.node.reset(node);
    return res;
}

} // namespace meshroute
