#pragma once

// Reads the server name (SNI) a TLS client asks for from the first bytes it sends, for
// routing a PASSTHROUGH port the way Envoy's TLS inspector does: the bytes are only
// looked at, never changed, and whatever is not a well-formed ClientHello simply has no
// server name (the connection can still match a "*" route).
//
// Understood: TLS 1.0–1.3 record framing, a ClientHello split over several handshake
// records, and the server_name extension's first host_name (RFC 6066). Not looked for:
// SSL 2 hellos (no SNI there), encrypted ClientHello (the outer name is what routes).

#include <cstddef>
#include <string>
#include <string_view>

namespace meshroute::proxy {

struct ClientHelloScan
{
    enum class Status {
        NeedMore, // a ClientHello so far: more bytes are needed to see the whole of it
        Done      // seen enough: serverName holds the name, or is empty (none, or not TLS)
    };
    Status status = Status::NeedMore;
    bool tls = false;       // the bytes were a well-formed ClientHello
    std::string serverName; // lower case, without a trailing dot; empty when there is none
};

// Looks at the first `bytes` a client sent. `complete` says no more will come (the client
// finished sending, or the caller's buffer is full): a ClientHello still cut short is then
// Done without a name. Bounded work: each byte is looked at a fixed number of times.
ClientHelloScan scanClientHello(std::string_view bytes, bool complete = false);

// A TLS 1.2/1.3 ClientHello naming `serverName` (none when empty), for trying SNI routes from
// a client that is no TLS client (the studio's nc): it reaches the right backend, whose answer
// (a ServerHello, or an alert) ends the exchange there.
std::string clientHelloFor(std::string_view serverName);

// The largest ClientHello waited for (Envoy's TLS inspector default is 64 KiB too).
inline constexpr std::size_t kMaxClientHello = 64 * 1024;

} // namespace meshroute::proxy
