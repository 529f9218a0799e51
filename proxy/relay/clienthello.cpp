#include "relay/clienthello.h"

#include <cstdint>
#include <random>

namespace meshroute::proxy {

namespace {

constexpr unsigned char kHandshakeRecord = 22;
constexpr unsigned char kClientHello = 1;
constexpr std::uint16_t kServerNameExtension = 0;
constexpr unsigned char kHostName = 0;
constexpr std::size_t kRecordHeader = 5;
constexpr std::size_t kMaxRecord = 16384 + 2048; // TLSCiphertext's limit; plaintext stays below

// A bounds-checked reader over one byte range: every read past the end fails.
class Reader
{
public:
    explicit Reader(std::string_view bytes)
        : m_bytes(bytes)
    {}
    bool u8(std::uint32_t &out) { return number(1, out); }
    bool u16(std::uint32_t &out) { return number(2, out); }
    bool u24(std::uint32_t &out) { return number(3, out); }
    bool skip(std::size_t n)
    {
        if (m_bytes.size() - m_at < n)
            return false;
        m_at += n;
        return true;
    }
    bool take(std::size_t n, std::string_view &out)
    {
        if (m_bytes.size() - m_at < n)
            return false;
        out = m_bytes.substr(m_at, n);
        m_at += n;
        return true;
    }
    // A vector with a length prefix of `width` bytes.
    bool vector(std::size_t width, std::string_view &out)
    {
        std::uint32_t n = 0;
        return number(width, n) && take(n, out);
    }
    bool empty() const { return m_at == m_bytes.size(); }

private:
    bool number(std::size_t width, std::uint32_t &out)
    {
        if (m_bytes.size() - m_at < width)
            return false;
        out = 0;
        for (std::size_t i = 0; i < width; ++i)
            out = (out << 8) | static_cast<unsigned char>(m_bytes[m_at + i]);
        m_at += width;
        return true;
    }

    std::string_view m_bytes;
    std::size_t m_at = 0;
};

// A DNS-style name: labels of 1-63 letters, digits, '-', '_', joined by '.'; lower-cased, one
// trailing dot dropped. An empty label ("a..b", ".a", "a..") makes no name (found by fuzzing:
// "a.." came back as "a.").
bool hostName(std::string_view raw, std::string &out)
{
    if (!raw.empty() && raw.back() == '.')
        raw.remove_suffix(1);
    if (raw.empty() || raw.size() > 253)
        return false;
    out.clear();
    out.reserve(raw.size());
    std::size_t label = 0;
    for (char c : raw) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
        if (c == '.') {
            if (label == 0)
                return false;
            label = 0;
        } else if (++label > 63) {
            return false;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return label > 0;
}

// The ClientHello body (after its 4-byte header): its server name, if any. False: malformed.
bool parseHello(std::string_view body, std::string &serverName)
{
    Reader r(body);
    std::string_view ignored;
    std::uint32_t major = 0;
    if (!r.u8(major) || major != 3 || !r.skip(1 + 32)) // legacy_version, random
        return false;
    if (!r.vector(1, ignored) || ignored.size() > 32) // legacy_session_id
        return false;
    if (!r.vector(2, ignored) || ignored.empty() || ignored.size() % 2 != 0) // cipher_suites
        return false;
    if (!r.vector(1, ignored) || ignored.empty()) // legacy_compression_methods
        return false;
    if (r.empty())
        return true; // no extensions (TLS 1.0 style): no name
    std::string_view extensions;
    if (!r.vector(2, extensions))
        return false;
    Reader e(extensions);
    while (!e.empty()) {
        std::uint32_t type = 0;
        std::string_view data;
        if (!e.u16(type) || !e.vector(2, data))
            return false;
        if (type != kServerNameExtension)
            continue;
        Reader names(data);
        std::string_view list;
        if (!names.vector(2, list) || !names.empty())
            return false;
        Reader entries(list);
        while (!entries.empty()) {
            std::uint32_t nameType = 0;
            std::string_view name;
            if (!entries.u8(nameType) || !entries.vector(2, name))
                return false;
            if (nameType == kHostName)
                return hostName(name, serverName);
        }
        return true;
    }
    return true;
}

void put(std::string &out, std::uint32_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::string prefixed(std::string_view body, int bytes)
{
    std::string out;
    put(out, static_cast<std::uint32_t>(body.size()), bytes);
    out += body;
    return out;
}

std::string extension(std::uint16_t type, std::string_view data)
{
    std::string out;
    put(out, type, 2);
    out += prefixed(data, 2);
    return out;
}

} // namespace

std::string clientHelloFor(std::string_view serverName)
{
    std::random_device device;
    std::string random;
    for (int i = 0; i < 32; ++i)
        random += static_cast<char>(device() & 0xff);

    std::string extensions;
    if (!serverName.empty()) {
        std::string entry(1, static_cast<char>(kHostName));
        entry += prefixed(serverName, 2);
        extensions += extension(kServerNameExtension, prefixed(entry, 2));
    }
    extensions += extension(0x000a, prefixed(std::string("\x00\x1d\x00\x17", 4), 2)); // groups: x25519, P-256
    extensions += extension(0x000b, prefixed(std::string(1, '\0'), 1));               // point formats
    extensions += extension(0x000d, prefixed(std::string("\x04\x03\x08\x04\x04\x01", 6), 2)); // signatures
    extensions += extension(0x002b, prefixed(std::string("\x03\x04\x03\x03", 4), 1));         // TLS 1.3, 1.2

    std::string body("\x03\x03", 2); // legacy_version: TLS 1.2
    body += random;
    body += prefixed(std::string_view(), 1); // no session id
    // TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, ECDHE-ECDSA/RSA-AES128-GCM-SHA256
    body += prefixed(std::string("\x13\x01\x13\x02\xc0\x2b\xc0\x2f", 8), 2);
    body += prefixed(std::string(1, '\0'), 1); // null compression
    body += prefixed(extensions, 2);

    std::string handshake(1, static_cast<char>(kClientHello));
    handshake += prefixed(body, 3);
    std::string record(1, static_cast<char>(kHandshakeRecord));
    record += std::string("\x03\x01", 2);
    record += prefixed(handshake, 2);
    return record;
}

ClientHelloScan scanClientHello(std::string_view bytes, bool complete)
{
    ClientHelloScan scan;
    const auto done = [&scan] {
        scan.status = ClientHelloScan::Status::Done;
        return scan;
    };
    // The handshake bytes carried by the leading handshake records, in order.
    std::string handshake;
    std::size_t at = 0;
    for (;;) {
        if (bytes.size() - at < kRecordHeader) {
            if (at == 0 && !bytes.empty() && static_cast<unsigned char>(bytes[0]) != kHandshakeRecord)
                return done(); // not TLS at all
            break;
        }
        Reader header(bytes.substr(at, kRecordHeader));
        std::uint32_t type = 0, major = 0, minor = 0, length = 0;
        header.u8(type);
        header.u8(major);
        header.u8(minor);
        header.u16(length);
        if (type != kHandshakeRecord || major != 3 || length == 0 || length > kMaxRecord)
            return done(); // not TLS, or not a handshake where a ClientHello must be
        if (bytes.size() - at - kRecordHeader < length)
            break; // this record is still arriving
        handshake.append(bytes.substr(at + kRecordHeader, length));
        at += kRecordHeader + length;
        if (handshake.size() >= 4) {
            Reader h(handshake);
            std::uint32_t message = 0, size = 0;
            h.u8(message);
            h.u24(size);
            if (message != kClientHello || size > kMaxClientHello)
                return done();
            if (handshake.size() - 4 >= size) {
                scan.tls = parseHello(std::string_view(handshake).substr(4, size), scan.serverName);
                if (!scan.tls)
                    scan.serverName.clear();
                return done();
            }
        }
    }
    if (complete)
        return done();
    // The first bytes so far look like a handshake record: wait for more.
    return scan;
}

} // namespace meshroute::proxy
