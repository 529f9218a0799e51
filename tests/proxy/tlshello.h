#pragma once

// TLS ClientHellos built byte by byte for the tests (RFC 8446 §4.1.2, RFC 6066 §3), the
// shape real clients send: record header, handshake header, version, random, session id,
// cipher suites, compression, extensions.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace testnet {

struct HelloOptions
{
    std::string serverName;     // empty: no server_name extension
    std::size_t padding = 0;    // bytes of a padding extension (RFC 7685), to make it large
    std::size_t recordSize = 0; // split the handshake into records of at most this many bytes (0: one)
};

inline void putNumber(std::string &out, std::uint32_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out += static_cast<char>((value >> (8 * i)) & 0xff);
}

inline std::string withLength(std::string_view body, int bytes)
{
    std::string out;
    putNumber(out, static_cast<std::uint32_t>(body.size()), bytes);
    out += body;
    return out;
}

inline std::string extension(std::uint16_t type, std::string_view data)
{
    std::string out;
    putNumber(out, type, 2);
    out += withLength(data, 2);
    return out;
}

inline std::string clientHello(const HelloOptions &o)
{
    std::string extensions;
    extensions += extension(0x000b, std::string("\x01\x00", 2)); // ec_point_formats
    if (!o.serverName.empty()) {
        std::string entry;
        entry += '\0'; // host_name
        entry += withLength(o.serverName, 2);
        extensions += extension(0x0000, withLength(entry, 2));
    }
    extensions += extension(0x002b, std::string("\x04\x03\x04\x03\x03", 5)); // supported_versions
    if (o.padding > 0)
        extensions += extension(0x0015, std::string(o.padding, '\0'));

    std::string body;
    body += "\x03\x03";                                                // legacy_version TLS 1.2
    body += std::string(32, '\x5a');                                   // random
    body += withLength("0123456789abcdef0123456789abcdef", 1);         // session id
    body += withLength(std::string("\x13\x01\x13\x02\xc0\x2f", 6), 2); // cipher suites
    body += withLength(std::string(1, '\0'), 1);                       // null compression
    body += withLength(extensions, 2);

    std::string handshake;
    handshake += '\x01'; // client_hello
    handshake += withLength(body, 3);

    const std::size_t chunk = o.recordSize ? o.recordSize : 16384;
    std::string out;
    for (std::size_t at = 0; at < handshake.size(); at += chunk) {
        const std::string_view part = std::string_view(handshake).substr(at, chunk);
        out += '\x16';     // handshake record
        out += "\x03\x01"; // legacy record version
        out += withLength(part, 2);
    }
    return out;
}

inline std::string clientHello(const std::string &serverName)
{
    HelloOptions o;
    o.serverName = serverName;
    return clientHello(o);
}

} // namespace testnet
