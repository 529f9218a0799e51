// IST0118: Service ports whose protocol Istio cannot tell. Istio reads it from
// appProtocol when set, else from the port name's prefix before the first '-'
// ("tcp-echo" is TCP); UDP and SCTP ports are not its concern. Anything else
// falls back to protocol sniffing (except on SMTP, DNS, MySQL and MongoDB ports), which server-first TCP
// protocols (like the tutorial's echo server, which greets first) do not survive.

#include "analysis/checks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>
#include <string_view>

namespace meshroute::analysis {
namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool knownProtocol(const std::string &value)
{
    static constexpr std::array<std::string_view, 12> kProtocols{"tcp",  "udp",        "grpc",  "grpc-web",
                                                                 "http", "http_proxy", "http2", "https",
                                                                 "tls",  "mongo",      "redis", "mysql"};
    const std::string v = lower(value);
    if (v.rfind("grpc-web", 0) == 0)
        return true;
    const std::string prefix = v.substr(0, v.find('-'));
    return std::find(kProtocols.begin(), kProtocols.end(), prefix) != kProtocols.end();
}

// Ports Istio never sniffs: without a recognised name they are plain TCP.
const std::set<std::uint32_t> kWellKnownTcpPorts{25, 53, 3306, 27017};

bool kubernetesNamespace(const std::string &ns)
{
    return ns == "kube-system" || ns == "kube-public" || ns == "kube-node-lease";
}

} // namespace

void checkServicePortNames(Context &context)
{
    for (const Resource *s : context.ofKind(Kind::Service)) {
        const auto *spec = s->as<ServiceSpec>();
        if (!spec || kubernetesNamespace(context.ns(*s)))
            continue;
        for (std::size_t i = 0; i < spec->ports.size(); ++i) {
            const ServicePort &p = spec->ports[i];
            const std::string protocol = upper(p.protocol);
            if (protocol == "UDP" || protocol == "SCTP")
                continue;
            if (kWellKnownTcpPorts.count(p.port))
                continue;
            const std::string port = std::to_string(p.port);
            Message message;
            Position where = p.position;
            if (!p.appProtocol.empty()) {
                const std::string app = lower(p.appProtocol);
                if (knownProtocol(app) || app == "kubernetes.io/h2c" || app == "kubernetes.io/ws" ||
                    app == "kubernetes.io/wss")
                    continue;
                message = {"service-port-unknown-app-protocol", {port, context.ref(*s), p.appProtocol}};
                where = context.at(*s, {"spec", "ports", i, "appProtocol"}, p.position);
            } else if (p.name.empty()) {
                message = {"service-port-unnamed", {port, context.ref(*s)}};
            } else if (!knownProtocol(p.name)) {
                message = {"service-port-unconventional-name",
                           {port, context.ref(*s), p.name, "tcp-" + p.name}};
                where = context.at(*s, {"spec", "ports", i, "name"}, p.position);
            } else {
                continue;
            }
            context.report(*s, Severity::Info, codes::PortNameNotFollowConvention, where, std::move(message));
        }
    }
}

} // namespace meshroute::analysis
