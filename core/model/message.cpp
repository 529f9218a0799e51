#include "model/message.h"

#include <algorithm>
#include <unordered_map>

// The templates are marked for Qt's lupdate (the studio translates them by id through this
// table); core has no Qt, so the marker is only a marker here.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace meshroute {
namespace {

// clang-format off
const MessageTemplate kTemplates[] = {
    // ---------------------------------------------------------------- core/analysis
    {"subset-not-defined", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                                             "%1 \"%2\" is not defined in DestinationRule %3 (it defines %4)")},
    // ---------------------------------------------------------------- fragments
    {"fragment-subset", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "subset")},
    {"fragment-mirror-subset", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "mirror subset")},
};
// clang-format on

const std::unordered_map<std::string_view, const char *> &byId()
{
    static const std::unordered_map<std::string_view, const char *> index = [] {
        std::unordered_map<std::string_view, const char *> out;
        for (const MessageTemplate &t : kTemplates)
            out.emplace(t.id, t.text);
        return out;
    }();
    return index;
}

} // namespace

std::span<const MessageTemplate> messageTemplates()
{
    return kTemplates;
}

const char *messageTemplate(std::string_view id)
{
    const auto &index = byId();
    const auto found = index.find(id);
    return found == index.end() ? nullptr : found->second;
}

std::string substitute(std::string_view pattern, const std::vector<std::string> &arguments)
{
    std::string out;
    out.reserve(pattern.size() + 64);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (n <= arguments.size()) {
                out += arguments[n - 1];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string render(const Message &message)
{
    std::vector<std::string> arguments;
    arguments.reserve(message.args.size());
    for (const MessageArg &arg : message.args) {
        if (!arg.fragment) {
            arguments.push_back(arg.text);
            continue;
        }
        const char *fragment = messageTemplate(arg.text);
        arguments.push_back(fragment ? fragment : arg.text);
    }
    if (const char *pattern = messageTemplate(message.id))
        return substitute(pattern, arguments);
    std::string out = message.id;
    for (const std::string &argument : arguments)
        out += " " + argument;
    return out;
}

} // namespace meshroute
