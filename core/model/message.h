#pragma once

// Messages as data: a stable id and its arguments. The English text is one rendering of it;
// the studio's translations, the JSON/YAML/SARIF output and the one-click fixes are others,
// and none of them parses the English back.
//
//   Message m{"subset-not-defined", {MessageArg::fragmentOf("fragment-subset"), "v3", "default/tcp-echo",
//   "v1, v2"}}; render(m) == "subset \"v3\" is not defined in DestinationRule default/tcp-echo (it defines
//   v1, v2)"
//
// Every id is listed once, with its English template, in message.cpp (messageTemplates()).
// Ids are stable: a fix or a translation looks them up, so never reuse one for another meaning.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute {

// One argument: text shown as written (a name, a number, a path, a list of names), or, when
// `fragment` is set, the id of a fragment message that is rendered (and translated) in its turn:
// the words a template leaves open, such as "a list" in "%1 must be a mapping, not %2".
struct MessageArg
{
    MessageArg() = default;
    MessageArg(std::string value)
        : text(std::move(value))
    {}
    MessageArg(const char *value)
        : text(value)
    {}
    // A fragment; `params` fill its own %1..%9 (names, numbers: shown as written).
    static MessageArg fragmentOf(std::string_view id, std::vector<std::string> params = {})
    {
        MessageArg arg{std::string(id)};
        arg.fragment = true;
        arg.params = std::move(params);
        return arg;
    }

    std::string text; // the value, or the fragment's id
    bool fragment = false;
    std::vector<std::string> params; // a fragment's arguments
    friend bool operator==(const MessageArg &, const MessageArg &) = default;
};

struct Message
{
    std::string id;               // a key of messageTemplates()
    std::vector<MessageArg> args; // %1, %2, ... of the template
    friend bool operator==(const Message &, const Message &) = default;
};

// One entry of the catalogue. `text` is English with %1..%9 for the arguments; fragments have none.
struct MessageTemplate
{
    const char *id;
    const char *text;
};

// The translation context of the templates (the studio's catalogue, translations/*.ts).
inline constexpr const char *kMessageContext = "meshroute::studio::DiagnosticText";

std::span<const MessageTemplate> messageTemplates(); // every id, in catalogue order
const char *messageTemplate(std::string_view id);    // nullptr for an unknown id

// %1..%9 of `pattern` replaced by `arguments` in one pass, so that an argument containing "%2"
// stays as it is; a placeholder without an argument is kept.
std::string substitute(std::string_view pattern, const std::vector<std::string> &arguments);

// The English text of a message (fragments rendered in their turn). An unknown id renders as
// the id followed by its arguments, so nothing is lost.
std::string render(const Message &message);
std::string render(const MessageArg &arg); // an argument's English text

// The number of distinct placeholders %1..%n of `pattern` (n when they are %1..%n; -1 when
// they are not consecutive from %1).
int placeholderCount(std::string_view pattern);

} // namespace meshroute
