#pragma once

// What a Gateway server serves, as Istio 1.30's gateway builds its listeners.

#include "model/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace meshroute::routing {

// Which VirtualService rules serve a server port.
enum class RouteFamily {
    Tcp,       // tcp rules, the first fitting one takes the whole port (TCP, MONGO, TLS terminated here)
    TlsBySni,  // tls rules chosen by the ClientHello's SNI (TLS, or HTTPS, in PASSTHROUGH mode)
    Http,      // http rules (HTTP, HTTP2, GRPC, GRPC-WEB, HTTPS terminated here): not run locally
    NotServed, // AUTO_PASSTHROUGH: routed by SNI to mesh services without any VirtualService
};

// Protocol and TLS mode compare without regard to case.
RouteFamily routeFamily(const Server &server);
bool isHttpProtocol(std::string_view protocol); // HTTP, HTTP2, GRPC, GRPC-WEB

// Whether `server` of a Gateway in `gatewayNamespace` accepts a VirtualService in `vsNamespace`
// with `vsHosts`: one of the server's hosts ("host", "ns/host", "./host", "*/host") admits the
// VirtualService's namespace and overlaps one of its hosts (a short host also by its FQDN).
bool serverAccepts(const Server &server, std::string_view gatewayNamespace,
                   const std::vector<std::string> &vsHosts, std::string_view vsNamespace);

} // namespace meshroute::routing
