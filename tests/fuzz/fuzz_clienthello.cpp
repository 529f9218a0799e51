// The ClientHello/SNI reader behind PASSTHROUGH routing, given any bytes a client might send.
// Beyond "no crash":
//  - a name it returns is a well-formed lower-case DNS name (labels of 1-63) present in the handshake bytes
//  the
//    records carry (reassembled here independently), and only with tls set;
//  - every prefix agrees: once a prefix is Done, the whole input gives the same answer, and a
//    prefix marked complete is always Done;
//  - a hello built by clientHelloFor() for a name read from the input gives that name back.

#include "fuzzcheck.h"

#include "relay/clienthello.h"

#include <algorithm>

using meshroute::proxy::clientHelloFor;
using meshroute::proxy::ClientHelloScan;
using meshroute::proxy::scanClientHello;

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The payloads of the leading whole handshake records, concatenated.
std::string handshakeBytes(std::string_view bytes)
{
    std::string out;
    std::size_t at = 0;
    while (bytes.size() - at >= 5 && static_cast<unsigned char>(bytes[at]) == 22) {
        const std::size_t length =
            (static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 3])) << 8) |
            static_cast<unsigned char>(bytes[at + 4]);
        if (bytes.size() - at - 5 < length)
            break;
        out.append(bytes.substr(at + 5, length));
        at += 5 + length;
    }
    return out;
}

// What the reader accepts as a name: labels of 1-63 of [a-z0-9_-], dot-separated, at most 253.
bool wellFormed(std::string_view name)
{
    if (name.empty() || name.size() > 253)
        return false;
    std::size_t label = 0;
    for (char c : name) {
        if (c == '.') {
            if (label == 0)
                return false;
            label = 0;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') || ++label > 63)
            return false;
    }
    return label > 0;
}

bool sameAnswer(const ClientHelloScan &a, const ClientHelloScan &b)
{
    return a.status == b.status && a.tls == b.tls && a.serverName == b.serverName;
}

void checkName(const ClientHelloScan &scan, std::string_view bytes)
{
    if (scan.status == ClientHelloScan::Status::NeedMore) {
        FUZZ_CHECK(scan.serverName.empty() && !scan.tls);
        return;
    }
    if (scan.serverName.empty())
        return;
    FUZZ_CHECK(scan.tls);
    FUZZ_CHECK(wellFormed(scan.serverName));
    FUZZ_CHECK(lower(handshakeBytes(bytes)).find(scan.serverName) != std::string::npos);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);

    const ClientHelloScan whole = scanClientHello(bytes);
    const ClientHelloScan ended = scanClientHello(bytes, true);
    checkName(whole, bytes);
    checkName(ended, bytes);
    FUZZ_CHECK(ended.status == ClientHelloScan::Status::Done);
    if (whole.status == ClientHelloScan::Status::Done)
        FUZZ_CHECK(sameAnswer(whole, ended));

    // Prefixes, as a connection sees the hello arrive (at most ~64 cuts, always the short ones).
    const std::size_t step = std::max<std::size_t>(1, size / 64);
    for (std::size_t cut = 0; cut < size; cut += (cut < 16 ? 1 : step)) {
        const auto prefix = bytes.substr(0, cut);
        const ClientHelloScan partial = scanClientHello(prefix);
        checkName(partial, prefix);
        if (partial.status == ClientHelloScan::Status::Done)
            FUZZ_CHECK(sameAnswer(partial, whole));
        const ClientHelloScan partialEnded = scanClientHello(prefix, true);
        FUZZ_CHECK(partialEnded.status == ClientHelloScan::Status::Done);
        if (partial.status == ClientHelloScan::Status::Done)
            FUZZ_CHECK(sameAnswer(partial, partialEnded));
    }

    // clientHelloFor() and the reader agree on a name taken from the input.
    const std::string name(bytes.substr(0, std::min<std::size_t>(size, 80)));
    const ClientHelloScan built = scanClientHello(clientHelloFor(name));
    FUZZ_CHECK(built.status == ClientHelloScan::Status::Done);
    std::string expected = lower(name);
    if (!expected.empty() && expected.back() == '.')
        expected.pop_back();
    const bool valid = wellFormed(expected);
    if (name.empty()) {
        FUZZ_CHECK(built.tls && built.serverName.empty());
    } else if (valid) {
        FUZZ_CHECK(built.tls && built.serverName == expected);
    } else {
        FUZZ_CHECK(!built.tls && built.serverName.empty());
    }
    return 0;
}
