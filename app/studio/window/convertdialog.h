#pragma once

// Tools ▸ Convert to Gateway API… / Convert to Istio classic API…: core's conversion
// (gatewayapi::toGatewayApi / toIstio, with the route apiVersions the document's target reads)
// shown before anything changes: what each resource becomes (added, replaced, kept, removed), its
// YAML, and core's conversion diagnostics (MR0040-MR0042) at the field that was not carried, under
// the resource they concern. The person then replaces the converted resources in the document (one
// undo step), opens the result as a new document, or saves it to a file (atomically). The studio
// derives nothing: the result is core's documents, placed into the set.

#include "gatewayapi/convert.h"
#include "gatewayapi/targets.h"
#include "model/resourceset.h"

#include <QDialog>

#include <string>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace meshroute::studio {

enum class ConvertDirection { ToGatewayApi, ToIstio };

// The options core converts with for a target: the route apiVersions are those the target's Istio
// reads (core's readingOf), the rest core's defaults.
gatewayapi::ConvertOptions convertOptionsFor(const gatewayapi::Target &target);
gatewayapi::Conversion convertSet(const ResourceSet &set, ConvertDirection direction,
                                  const gatewayapi::Target &target);

// What applying a conversion does to one resource. Resources are matched by kind, namespace and
// name; a kept one is a resource core wrote back exactly as exportResource() writes it.
struct ConversionEntry
{
    enum class Change { Added, Replaced, Kept, Removed };
    Change change = Change::Added;
    std::string kind, ns, name; // ns: the effective namespace (the set's default when absent)
    int source = -1;            // the document's resource (Replaced, Kept, Removed), else -1
    int output = -1;            // the conversion's document (Added, Replaced, Kept), else -1
};
// In the conversion's order, then the removed resources in the set's order.
std::vector<ConversionEntry> conversionEntries(const ResourceSet &set,
                                               const gatewayapi::Conversion &conversion);
// Make `set` hold the conversion's result: replaced resources in place (their file and document),
// removed ones dropped, added ones appended to the file of the first resource the conversion took
// away (or the first file). Afterwards exportResource() of every resource is one of the
// conversion's documents, each once. False (the set untouched) when a document does not parse.
bool applyConversion(ResourceSet &set, const gatewayapi::Conversion &conversion);

class ConvertDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Outcome { Cancelled, Replace, NewDocument, SavedToFile };

    ConvertDialog(const ResourceSet &set, ConvertDirection direction, const gatewayapi::Target &target,
                  QWidget *parent = nullptr);

    const gatewayapi::Conversion &conversion() const { return m_conversion; }
    const std::vector<ConversionEntry> &entries() const { return m_entries; }
    Outcome outcome() const { return m_outcome; }
    // The resources and what becomes of them; a row's children are its conversion diagnostics.
    QTreeWidget *resultList() const { return m_results; }
    // Every conversion diagnostic: severity, the field (file:line:column), resource, message.
    QTreeWidget *diagnosticsList() const { return m_diagnostics; }
    QPlainTextEdit *preview() const { return m_preview; }
    // Write the whole converted stream to `path` atomically (QSaveFile).
    bool saveTo(const QString &path, QString *error = nullptr) const;
    // Save to `path` and close with SavedToFile (what Save to File… does after its file dialog).
    bool saveAndClose(const QString &path);

private:
    void fill(const ResourceSet &set);
    void showEntry();
    void finish(Outcome outcome);

    gatewayapi::Conversion m_conversion;
    std::vector<ConversionEntry> m_entries;
    std::vector<std::string> m_sourceYaml; // exportResource() of the document's resources
    Outcome m_outcome = Outcome::Cancelled;
    QLabel *m_summary;
    QTreeWidget *m_results;
    QTreeWidget *m_diagnostics;
    QPlainTextEdit *m_preview;
};

} // namespace meshroute::studio
