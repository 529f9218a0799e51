// The stats renderers (/stats JSON, /stats/prometheus) and the diagnostic line, fed with
// arbitrary names: listener, route, cluster, endpoint and label values are whatever bytes
// the input holds. Beyond "no crash":
//  - the Prometheus text parses strictly (HELP/TYPE, then `name{label="value",...} value`),
//    is valid UTF-8, and every label value reads back as the name that went in (when that
//    name was valid UTF-8), one sample per listener/route/cluster/endpoint;
//  - the JSON is valid JSON (RFC 8259, strict) and valid UTF-8, and holds every name;
//  - Diagnostic::format() is `file[:line[:column]]: severity: message[ [code]]`.

#include "fuzzcheck.h"

#include "model/diagnostic.h"
#include "stats/render.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

using namespace meshroute::proxy;

namespace {

struct PromSample
{
    std::string name;
    std::map<std::string, std::string> labels;
};

bool nameChar(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           (!first && c >= '0' && c <= '9');
}

// Strict Prometheus text: returns false on the first malformed line.
bool parsePrometheus(std::string_view text, std::vector<PromSample> &samples)
{
    std::set<std::string> typed;
    while (!text.empty()) {
        const auto end = text.find('\n');
        if (end == std::string_view::npos)
            return false; // every line ends with a newline
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
            const bool type = line[2] == 'T';
            line.remove_prefix(7);
            const auto space = line.find(' ');
            if (space == std::string_view::npos || space == 0)
                return false;
            const std::string family(line.substr(0, space));
            for (std::size_t i = 0; i < family.size(); ++i)
                if (!nameChar(family[i], i == 0))
                    return false;
            if (type) {
                const auto kind = line.substr(space + 1);
                if (kind != "counter" && kind != "gauge" && kind != "histogram")
                    return false;
                if (!typed.insert(family).second)
                    return false; // one TYPE per family
            }
            continue;
        }
        PromSample sample;
        std::size_t i = 0;
        while (i < line.size() && nameChar(line[i], i == 0))
            ++i;
        if (i == 0)
            return false;
        sample.name = std::string(line.substr(0, i));
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (i < line.size() && line[i] != '}') {
                const std::size_t start = i;
                while (i < line.size() && nameChar(line[i], i == start) && line[i] != ':')
                    ++i;
                if (i == start || i + 1 >= line.size() || line[i] != '=' || line[i + 1] != '"')
                    return false;
                const std::string key(line.substr(start, i - start));
                i += 2;
                std::string value;
                for (;;) {
                    if (i >= line.size())
                        return false;
                    const char c = line[i++];
                    if (c == '"')
                        break;
                    if (c == '\\') {
                        if (i >= line.size())
                            return false;
                        const char e = line[i++];
                        if (e == 'n')
                            value += '\n';
                        else if (e == '\\' || e == '"')
                            value += e;
                        else
                            return false;
                    } else {
                        value += c;
                    }
                }
                if (!sample.labels.emplace(key, value).second)
                    return false; // a label twice
                if (i < line.size() && line[i] == ',')
                    ++i;
                else if (i >= line.size() || line[i] != '}')
                    return false;
            }
            if (i >= line.size())
                return false;
            ++i; // '}'
        }
        if (i >= line.size() || line[i] != ' ')
            return false;
        const auto value = line.substr(i + 1);
        if (value.empty() || value.find(' ') != std::string_view::npos)
            return false;
        if (value != "+Inf" && !std::all_of(value.begin(), value.end(), [](char c) {
                return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == '+';
            }))
            return false;
        samples.push_back(std::move(sample));
    }
    return true;
}

// A strict JSON validator that collects every string it decodes.
class Json
{
public:
    explicit Json(std::string_view text)
        : m_text(text)
    {}
    bool document()
    {
        space();
        if (!value(0))
            return false;
        space();
        return m_at == m_text.size();
    }
    std::set<std::string> strings;

private:
    void space()
    {
        while (m_at < m_text.size() &&
               (m_text[m_at] == ' ' || m_text[m_at] == '\n' || m_text[m_at] == '\t' || m_text[m_at] == '\r'))
            ++m_at;
    }
    bool literal(std::string_view word)
    {
        if (m_text.substr(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }
    bool value(int depth)
    {
        if (depth > 64 || m_at >= m_text.size())
            return false;
        const char c = m_text[m_at];
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_at;
            space();
            if (m_at < m_text.size() && m_text[m_at] == close) {
                ++m_at;
                return true;
            }
            for (;;) {
                if (c == '{') {
                    std::string key;
                    if (!string(key))
                        return false;
                    space();
                    if (!literal(":"))
                        return false;
                    space();
                }
                if (!value(depth + 1))
                    return false;
                space();
                if (literal(","))
                    space();
                else
                    return literal(std::string_view(&close, 1));
            }
        }
        if (c == '"') {
            std::string s;
            return string(s);
        }
        if (c == 't')
            return literal("true");
        if (c == 'f')
            return literal("false");
        if (c == 'n')
            return literal("null");
        return number();
    }
    bool number()
    {
        const std::size_t start = m_at;
        if (m_at < m_text.size() && m_text[m_at] == '-')
            ++m_at;
        const std::size_t digits = m_at;
        while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9')
            ++m_at;
        if (m_at == digits || (m_text[digits] == '0' && m_at - digits > 1))
            return false;
        return m_at > start;
    }
    bool string(std::string &out)
    {
        if (!literal("\""))
            return false;
        for (;;) {
            if (m_at >= m_text.size())
                return false;
            const auto c = static_cast<unsigned char>(m_text[m_at++]);
            if (c == '"')
                break;
            if (c < 0x20)
                return false;
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            if (m_at >= m_text.size())
                return false;
            const char e = m_text[m_at++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                if (m_text.size() - m_at < 4)
                    return false;
                unsigned cp = 0;
                for (int k = 0; k < 4; ++k) {
                    const char h = m_text[m_at++];
                    cp <<= 4;
                    if (h >= '0' && h <= '9')
                        cp |= unsigned(h - '0');
                    else if (h >= 'a' && h <= 'f')
                        cp |= unsigned(h - 'a' + 10);
                    else if (h >= 'A' && h <= 'F')
                        cp |= unsigned(h - 'A' + 10);
                    else
                        return false;
                }
                if (cp >= 0x80)
                    return false; // the renderer escapes control characters only
                out += static_cast<char>(cp);
                break;
            }
            default:
                return false;
            }
        }
        strings.insert(out);
        return true;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

CounterValues values(fuzz::Bytes &in)
{
    CounterValues v;
    for (auto &c : v.counters)
        c = in.byte();
    v.active = static_cast<std::int64_t>(in.byte()) - 8;
    for (auto &b : v.latency)
        b = in.byte();
    v.latencySumUs = in.number(3);
    return v;
}

void checkLabel(const std::vector<PromSample> &samples, const std::string &family, const std::string &label,
                const std::vector<std::string> &expected)
{
    std::multiset<std::string> seen;
    for (const auto &s : samples)
        if (s.name == family) {
            const auto it = s.labels.find(label);
            FUZZ_CHECK(it != s.labels.end());
            seen.insert(it->second);
        }
    FUZZ_CHECK(seen.size() == expected.size());
    for (const auto &name : expected)
        if (fuzz::validUtf8(name))
            FUZZ_CHECK(seen.count(name) > 0);
}

void checkDiagnostic(fuzz::Bytes &in)
{
    meshroute::Diagnostic d;
    d.severity = static_cast<meshroute::Severity>(in.byte() % 3);
    d.file = in.text(24);
    d.message = in.text(48);
    d.code = in.text(8);
    d.position.line = static_cast<int>(in.number(2)) - 2;
    d.position.column = static_cast<int>(in.byte()) - 2;
    const std::string line = d.format();
    const std::string head = d.file.empty() ? std::string("<input>") : d.file;
    FUZZ_CHECK(line.starts_with(head));
    std::string where = head;
    if (d.position.known()) {
        where += ":" + std::to_string(d.position.line);
        if (d.position.column > 0)
            where += ":" + std::to_string(d.position.column);
    }
    const std::string body = where + ": " + meshroute::severityName(d.severity) + ": " + d.message;
    FUZZ_CHECK(line.starts_with(body));
    FUZZ_CHECK(line.size() == body.size() + (d.code.empty() ? 0 : d.code.size() + 3));
    if (!d.code.empty())
        FUZZ_CHECK(line.ends_with(" [" + d.code + "]"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::Bytes in(data, size);
    checkDiagnostic(in);

    StatsSnapshot s;
    s.generation = in.number(2);
    s.gatewayNamespace = in.text(12);
    s.gatewayWorkload = in.text(12);
    for (int i = in.byte() % 3; i > 0; --i)
        s.gatewayLabels[in.text(8)] = in.text(12);
    for (int i = in.byte() % 4; i > 0; --i) {
        ListenerStats l;
        l.gateway = in.text(16);
        l.port = static_cast<std::uint32_t>(in.number(2));
        l.address = in.text(8);
        l.listening = in.byte() & 1;
        l.error = in.text(12);
        l.values = values(in);
        s.listeners.push_back(std::move(l));
    }
    for (int i = in.byte() % 4; i > 0; --i) {
        RouteStats r;
        r.name = in.text(16);
        r.virtualService = in.text(12);
        r.values = values(in);
        s.routes.push_back(std::move(r));
    }
    for (int i = in.byte() % 4; i > 0; --i) {
        ClusterStats c;
        c.name = in.text(16);
        c.host = in.text(12);
        c.subset = in.text(6);
        c.port = static_cast<std::uint32_t>(in.number(2));
        c.serviceName = in.text(8);
        c.serviceNamespace = in.text(8);
        c.values = values(in);
        s.clusters.push_back(std::move(c));
    }
    for (int i = in.byte() % 5; i > 0; --i) {
        EndpointStats e;
        const auto pick = in.byte();
        e.cluster =
            !s.clusters.empty() && pick % 4 != 0 ? s.clusters[pick % s.clusters.size()].name : in.text(8);
        e.name = in.text(16);
        e.address = in.text(8);
        e.pod = pick & 16;
        e.ejected = pick & 32;
        e.workload = in.text(12);
        e.workloadNamespace = in.text(8);
        e.serviceAccount = in.text(8);
        for (int k = in.byte() % 3; k > 0; --k)
            e.labels[in.text(6)] = in.text(10);
        e.values = values(in);
        s.endpoints.push_back(std::move(e));
    }

    const std::string prometheus = renderPrometheus(s);
    FUZZ_CHECK(fuzz::validUtf8(prometheus));
    std::vector<PromSample> samples;
    FUZZ_CHECK(parsePrometheus(prometheus, samples));
    std::vector<std::string> names;
    for (const auto &l : s.listeners)
        names.push_back(l.gateway);
    checkLabel(samples, "meshroute_listener_connections_opened_total", "gateway", names);
    names.clear();
    for (const auto &r : s.routes)
        names.push_back(r.name);
    checkLabel(samples, "meshroute_route_bytes_to_client_total", "route", names);
    names.clear();
    for (const auto &c : s.clusters)
        names.push_back(c.name);
    checkLabel(samples, "meshroute_cluster_connections_active", "cluster", names);
    names.clear();
    for (const auto &e : s.endpoints)
        names.push_back(e.name);
    checkLabel(samples, "meshroute_endpoint_connections_closed_total", "endpoint", names);

    const std::string json = renderJson(s);
    FUZZ_CHECK(fuzz::validUtf8(json));
    Json parsed(json);
    FUZZ_CHECK(parsed.document());
    for (const auto &l : s.listeners)
        if (fuzz::validUtf8(l.gateway))
            FUZZ_CHECK(parsed.strings.count(l.gateway));
    for (const auto &e : s.endpoints)
        if (fuzz::validUtf8(e.name))
            FUZZ_CHECK(parsed.strings.count(e.name));
    return 0;
}
