#include "views/diagnostictext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstring>
#include <vector>

namespace meshroute::studio {

namespace {

constexpr const char *kContext = "meshroute::studio::DiagnosticText";

// One message shape. `pattern` matches the whole English text; each capture becomes
// an argument %1, %2, ... of `text` (in capture order; a translation may reorder
// them). `kinds` has one letter per capture saying how the argument is translated:
//   '-' kept as written (names, numbers, paths, lists, system messages)
//   any other letter: a fragment, translated through the shapes of that kind (below)
// An empty capture is an empty argument (optional suffixes).
struct Shape
{
    const char *code; // nullptr: a fragment shape (see `kind`)
    char kind;        // the fragment kind, for code == nullptr
    const char *pattern;
    const char *text;
    const char *kinds;
};

// clang-format off
const Shape kShapes[] = {
    // ---------------------------------------------------------------- core/model/parse.cpp
    {"MR0003", 0, R"re(^(.+) must be a mapping, not (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a mapping, not %2"), "-v"},
    {"MR0003", 0, R"re(^(.+) must be a list, not (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a list, not %2"), "-v"},
    {"MR0003", 0, R"re(^(.+) must be a string, not (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a string, not %2"), "-v"},
    {"MR0003", 0, R"re(^(.+) must be a number, not (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a number, not %2"), "-v"},
    {"MR0003", 0, R"re(^(.+) must be a whole number, not "(.*)"$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a whole number, not \"%2\""), "--"},
    {"MR0003", 0, R"re(^(.+) must be true or false, not (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be true or false, not %2"), "-v"},
    {"MR0003", 0, R"re(^(.+) "(.*)" is not a duration \(use a number with a unit: 500ms, 10s, 1m, 1h\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 \"%2\" is not a duration (use a number with a unit: 500ms, 10s, 1m, 1h)"), "--"},
    {"MR0004", 0, R"re(^(.+) (\S+) is outside (-?\d+)–(-?\d+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 %2 is outside %3–%4"), "----"},
    {"MR0005", 0, R"re(^(.+) "(.*)" is not one of (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" is not one of %3"), "---"},
    {"MR0006", 0, R"re(^(.+) is required$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is required"), "-"},
    {"MR0019", 0, R"re(^(.+) "(.*)" is not within any of spec\.hosts \((.*)\): Istio rejects it$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 \"%2\" is not within any of spec.hosts (%3): Istio rejects it"), "---"},
    {"MR0015", 0, R"re(^(.+) is required$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is required"), "-"},
    {"MR0015", 0, R"re(^the document is not a Kubernetes resource \(expected a mapping\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "the document is not a Kubernetes resource (expected a mapping)"), ""},
    {"MR0016", 0, R"re(^metadata\.name "(.*)" is not a valid name \(lower-case letters, digits, '-' and '\.', starting and ending with a letter or digit\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "metadata.name \"%1\" is not a valid name (lower-case letters, digits, '-' and '.', "
                       "starting and ending with a letter or digit)"), "-"},
    {"MR0016", 0, R"re(^metadata\.namespace "(.*)" is not a valid namespace name$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "metadata.namespace \"%1\" is not a valid namespace name"), "-"},
    {"MR0014", 0, R"re(^(.+) with apiVersion "(.*)" is not one Meshroute knows; it is kept as written but not checked$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 with apiVersion \"%2\" is not one Meshroute knows; it is kept as written but not checked"),
     "--"},
    {"MR0007", 0, R"re(^Deployment apiVersion "(.*)" was removed in Kubernetes 1\.16; use apps/v1 \(it also needs spec\.selector\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "Deployment apiVersion \"%1\" was removed in Kubernetes 1.16; use apps/v1 (it also needs "
                       "spec.selector)"), "-"},

    // ---------------------------------------------------------------- core/yaml/loader.cpp
    {"MR0002", 0, R"re(^the input is UTF-16 or UTF-32 text; save it as UTF-8$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input is UTF-16 or UTF-32 text; save it as UTF-8"),
     ""},
    {"MR0002", 0, R"re(^binary data \(byte (0x[0-9A-F]{2})\): this is not a YAML text file$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "binary data (byte %1): this is not a YAML text file"),
     "-"},
    {"MR0002", 0, R"re(^invalid UTF-8 \(byte (0x[0-9A-F]{2})\): this is not a YAML text file, or not saved as UTF-8$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "invalid UTF-8 (byte %1): this is not a YAML text file, or not saved as UTF-8"), "-"},
    {"MR0002", 0, R"re(^cannot read (.+): no such file or folder$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot read %1: no such file or folder"), "-"},
    {"MR0002", 0, R"re(^cannot read the folder (.+): (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot read the folder %1: %2"), "--"},
    {"MR0002", 0, R"re(^the folder (.+) contains no \.yaml or \.yml file$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the folder %1 contains no .yaml or .yml file"), "-"},
    {"MR0002", 0, R"re(^cannot read (.+): it is a folder$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot read %1: it is a folder"), "-"},
    {"MR0002", 0, R"re(^cannot open (.+): (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot open %1: %2"), "--"},
    {"MR0002", 0, R"re(^cannot read (.+): (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot read %1: %2"), "--"},
    {"MR0002", 0, R"re(^refusing to read (.+): it is (\d+\.\d) MB, more than the (\d+\.\d) MB limit$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "refusing to read %1: it is %2 MB, more than the %3 MB limit"), "---"},
    {"MR0002", 0, R"re(^refusing to read (.+): it is more than the (\d+\.\d) MB limit$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "refusing to read %1: it is more than the %2 MB limit"),
     "--"},
    {"MR0002", 0, R"re(^the input is (\d+) bytes, more than the limit of (\d+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input is %1 bytes, more than the limit of %2"),
     "--"},
    {"MR0002", 0, R"re(^the text is larger than (\d+) bytes$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the text is larger than %1 bytes"), "-"},
    {"MR0013", 0, R"re(^the input expands to more than (\d+) nodes through aliases; the document is not read$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "the input expands to more than %1 nodes through aliases; the document is not read"), "-"},
    {"MR0013", 0, R"re(^the document expands to more than (\d+) nodes \(alias expansion\); it is not read$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "the document expands to more than %1 nodes (alias expansion); it is not read"), "-"},
    {"MR0013", 0, R"re(^the document nests deeper than (\d+) levels; it is not read$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document nests deeper than %1 levels; it is not read"),
     "-"},
    {"MR0013", 0, R"re(^the document has more than (\d+) nodes; it is not read$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document has more than %1 nodes; it is not read"),
     "-"},
    {"MR0013", 0, R"re(^the input has more than (\d+) nodes; the rest is not read$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input has more than %1 nodes; the rest is not read"),
     "-"},
    {"MR0013", 0, R"re(^the document nests too deeply to be read$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document nests too deeply to be read"), ""},
    {"MR0013", 0, R"re(^the document is too large to be read in memory$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document is too large to be read in memory"), ""},
    {"MR0001", 0, R"re(^YAML syntax error: (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "YAML syntax error: %1"), "y"},
    {"MR0001", 0, R"re(^the text holds more than one document; one resource is expected$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "the text holds more than one document; one resource is expected"), ""},
    {"MR0003", 0, R"re(^items of a List must be a sequence$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "items of a List must be a sequence"), ""},
    {"MR0015", 0, R"re(^the document cannot be read: (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document cannot be read: %1"), "-"},
    {"MR0012", 0, R"re(^the input is empty$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input is empty"), ""},
    {"MR0012", 0, R"re(^the input contains no Kubernetes resource$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input contains no Kubernetes resource"), ""},
    {"MR0012", 0, R"re(^the text contains no resource$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the text contains no resource"), ""},

    // ---------------------------------------------------------------- core/analysis
    {"IST0101", 0, R"re(^gateway "(.*)" not found: there is no Gateway (\S+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "gateway \"%1\" not found: there is no Gateway %2"), "--"},
    {"IST0101", 0, R"re(^(subset|mirror subset) "(.*)" is defined in DestinationRule (\S+), which is not exported to namespace (\S+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 \"%2\" is defined in DestinationRule %3, which is not exported to namespace %4"), "k---"},
    {"IST0101", 0, R"re(^(subset|mirror subset) "(.*)" is not defined in DestinationRule (\S+) \(it defines no subsets\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 \"%2\" is not defined in DestinationRule %3 (it defines no subsets)"), "k--"},
    {"IST0101", 0, R"re(^(subset|mirror subset) "(.*)" is not defined in DestinationRule (\S+) \(it defines (.*)\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 \"%2\" is not defined in DestinationRule %3 (it defines %4)"), "k---"},
    {"IST0101", 0, R"re(^(subset|mirror subset) "(.*)" of host "(.*)" is not defined: no DestinationRule has host ([^\s;]+)((?:; write .*)?)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 \"%2\" of host \"%3\" is not defined: no DestinationRule has host %4%5"), "k---h"},
    {"IST0101", 0, R"re(^port (\d+) of host "(.*)" not found: (\S+ \S+) has (.*)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of host \"%2\" not found: %3 has %4"), "----"},
    {"IST0112", 0, R"re(^(destination|mirror) "(.*)" needs a port: (\S+ \S+) has several \((.*)\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" needs a port: %3 has several (%4)"), "d---"},
    {"IST0118", 0, R"re(^port (\d+) of Service (\S+) has appProtocol "(.*)", which is not a protocol Istio knows \(tcp, http, http2, grpc, tls, \.\.\.\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "port %1 of Service %2 has appProtocol \"%3\", which is not a protocol Istio knows (tcp, "
                       "http, http2, grpc, tls, ...)"), "---"},
    {"IST0118", 0, R"re(^port (\d+) of Service (\S+) has no name and no appProtocol, so Istio has to guess its protocol; name it <protocol>\[-<suffix>\], e\.g\. "tcp", or set appProtocol$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "port %1 of Service %2 has no name and no appProtocol, so Istio has to guess its protocol; "
                       "name it <protocol>[-<suffix>], e.g. \"tcp\", or set appProtocol"), "--"},
    {"IST0118", 0, R"re(^port (\d+) of Service (\S+) is named "(.*)", which does not follow Istio's <protocol>\[-<suffix>\] convention \(e\.g\. "(tcp-.*)"\), and has no appProtocol$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "port %1 of Service %2 is named \"%3\", which does not follow Istio's "
                       "<protocol>[-<suffix>] convention (e.g. \"%4\"), and has no appProtocol"), "----"},
    {"IST0130", 0, R"re(^(.+) is never used: only the last rule may have no match, and (.+) has none$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 is never used: only the last rule may have no match, and %2 has none"), "nn"},
    {"IST0130", 0, R"re(^(.+) is never used: (.+) before it has no match and takes all traffic$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 is never used: %2 before it has no match and takes all traffic"), "nn"},
    {"IST0130", 0, R"re(^(.+) is never used: all its matches are used by earlier rules$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is never used: all its matches are used by earlier rules"),
     "n"},
    {"IST0131", 0, R"re(^match (#\d+|".*") of (.+) is never used: (.+) has the same match$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "match %1 of %2 is never used: %3 has the same match"),
     "-nn"},
    {"IST0132", 0, R"re(^no host of (.+) \[(.*)\] is served by Gateway (\S+): it does not exist$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "no host of %1 [%2] is served by Gateway %3: it does not exist"), "---"},
    {"IST0132", 0, R"re(^no host of (.+) \[(.*)\] is served by Gateway (\S+): it has no server hosts$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "no host of %1 [%2] is served by Gateway %3: it has no server hosts"), "---"},
    {"IST0132", 0, R"re(^no host of (.+) \[(.*)\] is served by Gateway (\S+): its server hosts are (.*)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "no host of %1 [%2] is served by Gateway %3: its server hosts are %4"), "----"},
    {"IST0145", 0, R"re(^port (\d+) of Gateway (\S+) conflicts with (.+): both select (.*) and serve host "(.*)" on that port$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "port %1 of Gateway %2 conflicts with %3: both select %4 and serve host \"%5\" on that port"),
     "-----"},
    {"IST0162", 0, R"re(^port (\d+) of Gateway (\S+) is not exposed by (.+) \(ports (.*)\), so it cannot be reached from outside the cluster$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "port %1 of Gateway %2 is not exposed by %3 (ports %4), so it cannot be reached from outside "
                       "the cluster"), "--o-"},
    {"IST0173", 0, R"re(^subset "(.*)" of DestinationRule (\S+) selects no workload: (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "subset \"%1\" of DestinationRule %2 selects no workload: %3"),
     "--s"},
    {"IST0174", 0, R"re(^host "(.*)" of DestinationRule (\S+) \((\S+)\) matches no Service or ServiceEntry((?:; write .*)?)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "host \"%1\" of DestinationRule %2 (%3) matches no Service or ServiceEntry%4"), "---h"},
    {"IST0174", 0, R"re(^host "(.*)" of DestinationRule (\S+) matches no Service or ServiceEntry((?:; write .*)?)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "host \"%1\" of DestinationRule %2 matches no Service or ServiceEntry%3"), "--h"},
    {"MR0008", 0, R"re(^(.+) is defined twice \(first at (.*)\); kubectl would keep only the last one$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 is defined twice (first at %2); kubectl would keep only the last one"), "-l"},
    {"MR0009", 0, R"re(^the only destination of (.+) has weight (-?\d+), but a single destination takes all traffic; write 100 or leave the weight out$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "the only destination of %1 has weight %2, but a single destination takes all traffic; "
                       "write 100 or leave the weight out"), "n-"},
    {"MR0009", 0, R"re(^the weights of the (\d+) destinations of (.+) are all 0 or missing, so no destination takes traffic; Istio rejects a total of 0$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "the weights of the %1 destinations of %2 are all 0 or missing, so no destination takes "
                       "traffic; Istio rejects a total of 0"), "-n"},
    {"MR0009", 0, R"re(^the weights of the (\d+) destinations of (.+) total (-?\d+), not 100; Istio 1\.14 and older reject this$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "the weights of the %1 destinations of %2 total %3, not 100; Istio 1.14 and older reject this"),
     "-n-"},
    {"MR0010", 0, R"re(^gateway "(.*)" in ((?:tcp|tls|http) rule #\d+) match #(\d+) has no effect: (.+) is not bound to it \(its gateways: (.*), the default\), and match-level gateways only narrow a rule$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "gateway \"%1\" in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5, the "
                       "default), and match-level gateways only narrow a rule"), "-n---"},
    {"MR0010", 0, R"re(^gateway "(.*)" in ((?:tcp|tls|http) rule #\d+) match #(\d+) has no effect: (.+) is not bound to it \(its gateways: (.*)\), and match-level gateways only narrow a rule$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "gateway \"%1\" in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5), and "
                       "match-level gateways only narrow a rule"), "-n---"},
    {"MR0010", 0, R"re(^(\S+) of (tcp rule #\d+) match #(\d+) has no effect at Gateway (\S+): a gateway matches tcp rules on port and gateways only((?: \(it still applies to sidecars through mesh\))?)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tcp rules on port and "
                       "gateways only%5"), "-n--m"},
    {"MR0010", 0, R"re(^(\S+) of (tls rule #\d+) match #(\d+) has no effect at Gateway (\S+): a gateway matches tls rules on port, sniHosts and gateways only((?: \(it still applies to sidecars through mesh\))?)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tls rules on port, sniHosts "
                       "and gateways only%5"), "-n--m"},
    {"MR0011", 0, R"re(^port (\d+) of Gateway (\S+) has no route, so its connections are refused: (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "port %1 of Gateway %2 has no route, so its connections are refused: %3"), "--r"},

    // ---------------------------------------------------------------- core/compile (the local gateway)
    {"MR0011", 0, R"re(^port (\d+) of Gateway (\S+) gets no listener: (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Gateway %2 gets no listener: %3"), "--r"},
    {"MR0011", 0, R"re(^port (\d+) of Gateway (\S+) is AUTO_PASSTHROUGH, routed by SNI to mesh services without a VirtualService; the local gateway does not serve it$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "port %1 of Gateway %2 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a "
                       "VirtualService; the local gateway does not serve it"), "--"},
    {"MR0017", 0, R"re(^port (\d+) of Gateway (\S+) \((\S+)\) is not served by the local gateway, which runs TCP and TLS routes only$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "port %1 of Gateway %2 (%3) is not served by the local gateway, which runs TCP and TLS "
                       "routes only"), "---"},
    {"MR0020", 0, R"re(^ServiceEntry (\S+) has resolution NONE: Istio sends its traffic to the address the client dialled, which the local gateway cannot know, so connections routed to (\S+) are closed here \(endpoints with resolution STATIC or DNS let the local gateway try it\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "ServiceEntry %1 has resolution NONE: Istio sends its traffic to the address the client "
                       "dialled, which the local gateway cannot know, so connections routed to %2 are closed here "
                       "(endpoints with resolution STATIC or DNS let the local gateway try it)"), "--"},
    {"MR0018", 0, R"re(^server on port (\d+) of Gateway (\S+) is skipped: the port is already taken by Gateway (\S+), which came first$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "server on port %1 of Gateway %2 is skipped: the port is already taken by Gateway %3, which "
                       "came first"), "---"},
    {"MR0010", 0, R"re(^(\S+) of ((?:tcp|tls) rule #\d+) of VirtualService (\S+) has no effect at Gateway (\S+): it is kept, and the rule serves every client$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "%1 of %2 of VirtualService %3 has no effect at Gateway %4: it is kept, and the rule serves "
                       "every client"), "-n--"},
    {"MR0010", 0, R"re(^consistentHash (.+) of DestinationRule (\S+) has no effect on TCP connections \(only useSourceIp does\): they are spread at random$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "consistentHash %1 of DestinationRule %2 has no effect on TCP connections (only useSourceIp "
                       "does): they are spread at random"), "K-"},
    {"MR0010", 0, R"re(^loadBalancer PASSTHROUGH of DestinationRule (\S+) cannot be followed locally \(there is no original destination\): LEAST_REQUEST is used$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "loadBalancer PASSTHROUGH of DestinationRule %1 cannot be followed locally (there is no "
                       "original destination): LEAST_REQUEST is used"), "-"},

    // ---------------------------------------------------------------- fragments
    // 'v': what a value is
    {nullptr, 'v', R"re(^a mapping$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "a mapping"), ""},
    {nullptr, 'v', R"re(^a list$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "a list"), ""},
    {nullptr, 'v', R"re(^null$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "null"), ""},
    {nullptr, 'v', R"re(^nothing$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "nothing"), ""},
    {nullptr, 'v', R"re(^(".*")$)re", "%1", "-"},
    // 'n': a rule
    {nullptr, 'n', R"re(^(tcp|tls|http) rule #(\d+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 rule #%2"), "--"},
    {nullptr, 'n', R"re(^(tcp|tls|http) rule "(.*)"$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 rule \"%2\""), "--"},
    // 'k', 'd': which reference
    {nullptr, 'k', R"re(^subset$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "subset"), ""},
    {nullptr, 'k', R"re(^mirror subset$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "mirror subset"),
     ""},
    {nullptr, 'd', R"re(^destination$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "destination"), ""},
    {nullptr, 'd', R"re(^mirror$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "mirror"), ""},
    // 'h': the hint that Istio does not expand "name.namespace"
    {nullptr, 'h', R"re(^; write (\S+), Istio does not expand "(.*)"$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "; write %1, Istio does not expand \"%2\""), "--"},
    // 'm': a match that still applies to sidecars
    {nullptr, 'm', R"re(^ \(it still applies to sidecars through mesh\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", " (it still applies to sidecars through mesh)"), ""},
    // 'o': who exposes the ingress gateway's ports
    {nullptr, 'o', R"re(^the default ingress gateway Service$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the default ingress gateway Service"), ""},
    {nullptr, 'o', R"re(^(Service \S+(?:, Service \S+)*)$)re", "%1", "-"},
    // 'l': where a resource was first defined
    {nullptr, 'l', R"re(^line (\d+)$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "line %1"), "-"},
    {nullptr, 'l', R"re(^(.*)$)re", "%1", "-"},
    // 'K': a consistentHash key
    {nullptr, 'K', R"re(^its hash key$)re", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "its hash key"),
     ""},
    {nullptr, 'K', R"re(^(\S+)$)re", "%1", "-"},
    // 's': why a subset selects no workload
    {nullptr, 's', R"re(^no workload in the input belongs to (\S+ \S+) \(selector (.*)\)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no workload in the input belongs to %1 (selector %2)"),
     "--"},
    {nullptr, 's', R"re(^no workload in the input belongs to (\S+ \S+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no workload in the input belongs to %1"), "-"},
    {nullptr, 's', R"re(^no workload of (\S+ \S+) has the labels (.*)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no workload of %1 has the labels %2"), "--"},
    // 'r': why a gateway port has no route
    {nullptr, 'r', R"re(^no VirtualService is bound to the Gateway$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no VirtualService is bound to the Gateway"), ""},
    {nullptr, 'r', R"re(^no VirtualService bound to it has a host matching the server's hosts \[(.*)\]$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "no VirtualService bound to it has a host matching the server's hosts [%1]"), "-"},
    {nullptr, 'r', R"re(^no (tcp|tls) rule of VirtualService (.+) matches port (\d+) on this Gateway$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "no %1 rule of VirtualService %2 matches port %3 on this Gateway"), "---"},
    {nullptr, 'r', R"re(^no VirtualService visible to the gateway is bound to it with a host matching the server's hosts$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "no VirtualService visible to the gateway is bound to it with a host matching the server's "
                       "hosts"), ""},
    {nullptr, 'r', R"re(^no (tcp|tls) rule of (.+) matches port (\d+) on this Gateway$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no %1 rule of %2 matches port %3 on this Gateway"), "---"},
    // 'y': yaml-cpp's parser and scanner messages (yaml-cpp/exceptions.h, ErrorMsg)
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "YAML directives must have exactly one argument"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "YAML major version too large"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "repeated YAML directive"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "TAG directives must have exactly two arguments"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "repeated TAG directive"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal character found while scanning tag handle"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "tag handle with no suffix"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of verbatim tag not found"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of map not found"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of map flow not found"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of sequence not found"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of sequence flow not found"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot assign multiple tags to the same node"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot assign multiple anchors to the same node"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot assign multiple aliases to the same node"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "aliases can't have any content, *including* tags"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "bad character found while scanning hex number"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unknown token"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal document indicator in scalar"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal EOF in scalar"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal character in scalar"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal tab when looking for indentation"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal flow end"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal block entry"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal map key"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal map value"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "alias not found after *"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "anchor not found after &"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal character found while scanning alias"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal character found while scanning anchor"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot set zero indentation for a block scalar"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unexpected character in block scalar"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot assign the same alias to multiple nodes"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the referenced anchor is not defined"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unmatched group tag"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unexpected end sequence token"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unexpected end map token"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid character in single-quoted string"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid anchor"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid alias"), ""},
    {nullptr, 'y', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid tag"), ""},
    {nullptr, 'y', R"re(^bad YAML version: (.*)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "bad YAML version: %1"), "-"},
    {nullptr, 'y', R"re(^invalid unicode: (.*)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid unicode: %1"), "-"},
    {nullptr, 'y', R"re(^unknown escape character: (.*)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unknown escape character: %1"), "-"},
    // ---------------------------------------------------------------- proxy/engine (not diagnostics: the
    // local gateway's own messages, shown through engineMessage())
    {"ENGINE", 0, R"re(^cannot listen on (\S+) for gateway (\S+): (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot listen on %1 for gateway %2: %3"), "--e"},
    {"ENGINE", 0, R"re(^cannot listen on (\S+) \(port (\d+) \+ offset (-?\d+)\) for gateway (\S+): (.+)$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText",
                       "cannot listen on %1 (port %2 + offset %3) for gateway %4: %5"), "----e"},
    // Why: the system's words for the usual errors, else as the system wrote them.
    {nullptr, 'e', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Address already in use"), ""},
    {nullptr, 'e', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Permission denied"), ""},
    {nullptr, 'e', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Cannot assign requested address"), ""},
    {nullptr, 'e', nullptr, QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "bad bind address"), ""},
    {nullptr, 'e', R"re(^port (-?\d+) after the offset is out of range$)re",
     QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 after the offset is out of range"), "-"},
    {nullptr, 'e', R"re(^(.*)$)re", "%1", "-"},
};
// clang-format on

struct Compiled
{
    const Shape *shape;
    QRegularExpression regex; // invalid for literal shapes (pattern == nullptr)
};

const std::vector<Compiled> &compiled()
{
    static const std::vector<Compiled> all = [] {
        std::vector<Compiled> out;
        for (const Shape &shape : kShapes) {
            Compiled c{&shape, {}};
            if (shape.pattern) {
                c.regex.setPattern(QString::fromUtf8(shape.pattern));
                c.regex.optimize();
            }
            out.push_back(std::move(c));
        }
        return out;
    }();
    return all;
}

// Replaces %1..%9 in one pass, so an argument that contains "%2" stays as it is.
QString substitute(const QString &pattern, const QStringList &arguments)
{
    QString out;
    out.reserve(pattern.size() + 64);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern[i + 1].isDigit() &&
            pattern[i + 1] != QLatin1Char('0')) {
            const int n = pattern[i + 1].digitValue();
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

QString translateTemplate(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

// Translates `english` through the shapes of `code` (or of fragment `kind`); false when none fits.
bool translate(const char *code, char kind, const QString &english, QString &out)
{
    for (const Compiled &c : compiled()) {
        const Shape &shape = *c.shape;
        if (code ? (!shape.code || std::strcmp(shape.code, code) != 0) : (shape.code || shape.kind != kind))
            continue;
        if (!shape.pattern) { // a literal fragment
            if (english != QLatin1String(shape.text))
                continue;
            out = translateTemplate(shape.text);
            return true;
        }
        const QRegularExpressionMatch match = c.regex.match(english);
        if (!match.hasMatch())
            continue;
        QStringList arguments;
        bool ok = true;
        const int captures = static_cast<int>(std::strlen(shape.kinds));
        for (int i = 0; i < captures && ok; ++i) {
            const QString value = match.captured(i + 1);
            const char argumentKind = shape.kinds[i];
            if (argumentKind == '-' || value.isEmpty()) {
                arguments << value;
                continue;
            }
            QString translated;
            ok = translate(nullptr, argumentKind, value, translated);
            arguments << translated;
        }
        if (!ok)
            continue; // another shape may fit
        const bool placeholderOnly = std::strcmp(shape.text, "%1") == 0;
        out = substitute(placeholderOnly ? QString::fromLatin1(shape.text) : translateTemplate(shape.text),
                         arguments);
        return true;
    }
    return false;
}

} // namespace

QString diagnosticMessage(const Diagnostic &diagnostic, bool *known)
{
    const QString english = QString::fromStdString(diagnostic.message);
    QString out;
    const bool found = translate(diagnostic.code.c_str(), 0, english, out);
    if (known)
        *known = found;
    return found ? out : english;
}

QString engineMessage(const QString &english, bool *known)
{
    QString out;
    const bool found = translate("ENGINE", 0, english, out);
    if (known)
        *known = found;
    return found ? out : english;
}

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QCoreApplication::translate("meshroute::studio::DiagnosticText", "error");
    case Severity::Warning:
        return QCoreApplication::translate("meshroute::studio::DiagnosticText", "warning");
    case Severity::Info:
        break;
    }
    return QCoreApplication::translate("meshroute::studio::DiagnosticText", "info");
}

QString diagnosticLine(const Diagnostic &diagnostic)
{
    QString where =
        diagnostic.file.empty() ? QStringLiteral("<input>") : QString::fromStdString(diagnostic.file);
    if (diagnostic.position.known())
        where += QStringLiteral(":%1:%2").arg(diagnostic.position.line).arg(diagnostic.position.column);
    return QStringLiteral("%1: %2: %3 [%4]")
        .arg(where, severityText(diagnostic.severity), diagnosticMessage(diagnostic),
             QString::fromStdString(diagnostic.code));
}

QStringList diagnosticTemplates()
{
    QStringList out;
    for (const Shape &shape : kShapes)
        if (std::strcmp(shape.text, "%1") != 0 && !out.contains(QLatin1String(shape.text)))
            out << QString::fromUtf8(shape.text);
    out << QStringLiteral("error") << QStringLiteral("warning") << QStringLiteral("info");
    return out;
}

} // namespace meshroute::studio
