#include "model/duration.h"

#include <cctype>
#include <cstdint>

namespace meshroute {

std::optional<std::chrono::milliseconds> parseDuration(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    // Work in nanoseconds with doubles per component; a day of nanoseconds fits easily.
    double totalNs = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
            ++i;
        if (i == start)
            return std::nullopt;
        const std::string number(text.substr(start, i - start));
        if (number == "." || number.find('.') != number.rfind('.'))
            return std::nullopt;
        const std::size_t unitStart = i;
        while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
            ++i;
        const std::string_view unit = text.substr(unitStart, i - unitStart);
        double scale = 0;
        if (unit == "h")
            scale = 3600e9;
        else if (unit == "m")
            scale = 60e9;
        else if (unit == "s")
            scale = 1e9;
        else if (unit == "ms")
            scale = 1e6;
        else if (unit == "us" || unit == "µs")
            scale = 1e3;
        else if (unit == "ns")
            scale = 1;
        else
            return std::nullopt;
        totalNs += std::stod(number) * scale;
        if (totalNs > 315576000000.0 * 1e9) // protobuf Duration's limit: 10,000 years
            return std::nullopt;
    }
    return std::chrono::milliseconds(static_cast<std::int64_t>(totalNs / 1e6 + 0.5));
}

std::string formatDuration(std::chrono::milliseconds duration)
{
    std::int64_t ms = duration.count();
    if (ms == 0)
        return "0s";
    std::string out;
    if (ms % 1000 != 0) {
        if (ms < 1000)
            return std::to_string(ms) + "ms";
        const std::int64_t seconds = ms / 1000;
        std::string fraction = std::to_string(ms % 1000);
        fraction.insert(0, 3 - fraction.size(), '0');
        while (!fraction.empty() && fraction.back() == '0')
            fraction.pop_back();
        return std::to_string(seconds) + "." + fraction + "s";
    }
    std::int64_t s = ms / 1000;
    if (s >= 3600) {
        out += std::to_string(s / 3600) + "h";
        s %= 3600;
    }
    if (s >= 60) {
        out += std::to_string(s / 60) + "m";
        s %= 60;
    }
    if (s > 0)
        out += std::to_string(s) + "s";
    return out;
}

} // namespace meshroute
