#pragma once

// A small tree of JSON-like values (null, integers, strings, arrays, objects with their keys in
// order), built once per report and written as JSON or as YAML, so the two formats have one shape.
//
//   Value d = Value::object({{"code", "IST0101"}, {"line", 23}, {"file", nullptr}});
//   writeJson(std::cout, d);  // {"code": "IST0101", "line": 23, "file": null}, indented
//   writeYaml(std::cout, d);  // code: "IST0101" / line: 23 / file: ~

#include <cstddef>
#include <iosfwd>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace meshroute::cli {

struct Value;
using Array = std::vector<Value>;
using Member = std::pair<std::string, Value>;
using Object = std::vector<Member>;

struct Value
{
    Value() = default; // null
    Value(std::nullptr_t) {}
    Value(long long number)
        : data(number)
    {}
    Value(int number)
        : data(static_cast<long long>(number))
    {}
    Value(std::string text)
        : data(std::move(text))
    {}
    Value(const char *text)
        : data(std::string(text))
    {}
    Value(Array items)
        : data(std::move(items))
    {}
    static Value object(Object members)
    {
        Value v;
        v.data = std::move(members);
        return v;
    }

    std::variant<std::nullptr_t, long long, std::string, Array, Object> data;
};

// Indented JSON (two spaces), ending with a newline. Strings are written as UTF-8 with the
// characters JSON requires escaped (quote, backslash, U+0000..U+001F); bytes that are not
// UTF-8 (a file name can hold any) become U+FFFD, so the output is always valid JSON.
void writeJson(std::ostream &out, const Value &value);

// Block-style YAML through yaml-cpp's emitter, strings double-quoted (so "5432", "yes" or "~"
// read back as strings), null as ~; ends with a newline.
void writeYaml(std::ostream &out, const Value &value);

// `text` with every byte sequence that is not UTF-8 replaced by U+FFFD.
std::string validUtf8(const std::string &text);

} // namespace meshroute::cli
