#include "value.h"

#include <yaml-cpp/yaml.h>

#include <ostream>

namespace meshroute::cli {
namespace {

constexpr const char *kReplacement = "\xEF\xBF\xBD"; // U+FFFD

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// The length of the UTF-8 sequence at text[at], 0 when it is not one (a stray or truncated byte,
// an overlong form, a surrogate, or a code point past U+10FFFF).
std::size_t sequenceLength(const std::string &text, std::size_t at)
{
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    char32_t codePoint = 0;
    char32_t smallest = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        codePoint = lead & 0x1F;
        smallest = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        codePoint = lead & 0x0F;
        smallest = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        codePoint = lead & 0x07;
        smallest = 0x10000;
    } else {
        return 0;
    }
    if (at + length > text.size())
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const auto c = static_cast<unsigned char>(text[at + i]);
        if (!isContinuation(c))
            return 0;
        codePoint = (codePoint << 6) | (c & 0x3F);
    }
    if (codePoint < smallest || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

void writeJsonString(std::ostream &out, const std::string &text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out << '"';
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = sequenceLength(text, at);
        if (length == 0) {
            out << kReplacement;
            ++at;
            continue;
        }
        if (length > 1) {
            out.write(text.data() + at, static_cast<std::streamsize>(length));
            at += length;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[at++]);
        switch (c) {
        case '"':
            out << "\\\"";
            break;
        case '\\':
            out << "\\\\";
            break;
        case '\b':
            out << "\\b";
            break;
        case '\f':
            out << "\\f";
            break;
        case '\n':
            out << "\\n";
            break;
        case '\r':
            out << "\\r";
            break;
        case '\t':
            out << "\\t";
            break;
        default:
            if (c < 0x20)
                out << "\\u00" << kHex[c >> 4] << kHex[c & 0x0F];
            else
                out << static_cast<char>(c);
        }
    }
    out << '"';
}

void writeJsonValue(std::ostream &out, const Value &value, int depth)
{
    const std::string inner(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string outer(static_cast<std::size_t>(depth) * 2, ' ');
    if (std::holds_alternative<std::nullptr_t>(value.data)) {
        out << "null";
    } else if (const auto *number = std::get_if<long long>(&value.data)) {
        out << *number;
    } else if (const auto *text = std::get_if<std::string>(&value.data)) {
        writeJsonString(out, *text);
    } else if (const auto *items = std::get_if<Array>(&value.data)) {
        if (items->empty()) {
            out << "[]";
            return;
        }
        out << "[\n";
        for (std::size_t i = 0; i < items->size(); ++i) {
            out << inner;
            writeJsonValue(out, (*items)[i], depth + 1);
            out << (i + 1 < items->size() ? ",\n" : "\n");
        }
        out << outer << ']';
    } else if (const auto *members = std::get_if<Object>(&value.data)) {
        if (members->empty()) {
            out << "{}";
            return;
        }
        out << "{\n";
        for (std::size_t i = 0; i < members->size(); ++i) {
            out << inner;
            writeJsonString(out, (*members)[i].first);
            out << ": ";
            writeJsonValue(out, (*members)[i].second, depth + 1);
            out << (i + 1 < members->size() ? ",\n" : "\n");
        }
        out << outer << '}';
    }
}

void emitYaml(YAML::Emitter &out, const Value &value)
{
    if (std::holds_alternative<std::nullptr_t>(value.data)) {
        out << YAML::Null;
    } else if (const auto *number = std::get_if<long long>(&value.data)) {
        out << *number;
    } else if (const auto *text = std::get_if<std::string>(&value.data)) {
        out << YAML::DoubleQuoted << validUtf8(*text);
    } else if (const auto *items = std::get_if<Array>(&value.data)) {
        if (items->empty())
            out << YAML::Flow; // "[]" on the key's line
        out << YAML::BeginSeq;
        for (const Value &item : *items)
            emitYaml(out, item);
        out << YAML::EndSeq;
    } else if (const auto *members = std::get_if<Object>(&value.data)) {
        if (members->empty())
            out << YAML::Flow;
        out << YAML::BeginMap;
        for (const auto &[key, member] : *members) {
            out << YAML::Key << validUtf8(key) << YAML::Value;
            emitYaml(out, member);
        }
        out << YAML::EndMap;
    }
}

} // namespace

std::string validUtf8(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = sequenceLength(text, at);
        if (length == 0) {
            out += kReplacement;
            ++at;
        } else {
            out.append(text, at, length);
            at += length;
        }
    }
    return out;
}

void writeJson(std::ostream &out, const Value &value)
{
    writeJsonValue(out, value, 0);
    out << '\n';
}

void writeYaml(std::ostream &out, const Value &value)
{
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    emitter.SetNullFormat(YAML::TildeNull);
    emitYaml(emitter, value);
    out << emitter.c_str() << '\n';
}

} // namespace meshroute::cli
