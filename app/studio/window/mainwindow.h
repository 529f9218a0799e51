#pragma once

// The studio's main window: the graph in the centre, the resource tree, the
// inspector, the YAML pane, the diagnostics and the undo history in docks. It
// wires: views report what the person did, the editing layer (editing/) decides
// what that changes, the document applies it as one undo step, and every view
// follows the document and the one Selection.

#include "document/recovery.h"
#include "document/selection.h"
#include "editing/fixes.h"
#include "graph/graphmodel.h"
#include "window/convertdialog.h"
#include "window/settings.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QToolBar;
class QUndoView;

namespace meshroute::studio {

class Document;
class DiagnosticsView;
class DocumentFiles;
class GraphScene;
class GraphView;
class Inspector;
class ResourceTree;
class TrafficController;
class YamlPane;

namespace edits {
struct Change;
}

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    Selection *selection() const { return m_selection; }
    GraphScene *scene() const { return m_scene; }
    GraphView *graphView() const { return m_view; }
    Inspector *inspector() const { return m_inspector; }
    YamlPane *yamlPane() const { return m_yaml; }
    ResourceTree *resourceTree() const { return m_tree; }
    DiagnosticsView *diagnosticsView() const { return m_diagnostics; }
    TrafficController *traffic() const { return m_traffic; }

    // A large document is read on a worker thread: true at once, isOpening() until it is in.
    bool openPaths(const QStringList &paths);
    bool isOpening() const;
    bool saveDocument();
    bool saveDocumentAs(const QString &path);
    void restoreRecovery(const RecoveredDocument &recovered);
    // Write the recovery file now (the autosave timer does this on its own).
    bool autosave();
    // The one-click fix for a diagnostic, when there is an unambiguous one.
    Fix fixFor(const Diagnostic &diagnostic) const;
    void applyPreferences(const Preferences &preferences);
    // Tools ▸ Convert…: core's conversion of the document, shown in a ConvertDialog; what the person
    // chooses there is then done (applyConversion). False when cancelled or nothing changed.
    bool convertDocument(ConvertDirection direction);
    // Replace: the converted resources replace the document's as one undo step. NewDocument: the
    // result becomes a new, untitled document (after asking to save changes). SavedToFile: nothing.
    bool applyConversion(const gatewayapi::Conversion &conversion, ConvertDirection direction,
                         ConvertDialog::Outcome outcome);
    // File ▸ Open Sample: a writable copy of the bundled sample (startup::sampleCopy), opened.
    bool openSample(const QString &name);

public slots:
    // Offer recovery when a previous session crashed, else open the initial document.
    void startUp();
    // A drag from a gateway port (server index) or a route (-1) onto a destination socket.
    void connectNodes(const QString &fromNode, int fromSocket, const QString &toNode, int toSocket);
    void selectNode(const QString &id);
    void deleteSelection();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    QMenu *addTranslatedMenu(QWidget *parent, const char *title);
    QToolBar *addTranslatedToolBar(const char *title);
    void retranslate();
    void updateUndoTexts();
    void refreshGraph();
    void updateTitle();
    void updateTargetLabel();
    void showPreferences();
    void rename();
    void about();
    void onSceneSelectionChanged();
    void selectResource(int index);
    void showSelection();
    void onDiagnosticActivated(const Diagnostic &diagnostic);
    void onEdgeActivated(const GraphEdge &edge);
    void showContextMenu(const QPoint &pos);
    void createResource(Kind kind);
    // Apply a change the editing layer decided, then select what it made.
    void applyEdit(const edits::Change &change);
    void setAutosaveInterval(int seconds);

    Document *m_document;
    Selection *m_selection;
    GraphScene *m_scene;
    GraphView *m_view;
    ResourceTree *m_tree;
    Inspector *m_inspector;
    YamlPane *m_yaml;
    DiagnosticsView *m_diagnostics;
    QUndoView *m_history;
    TrafficController *m_traffic = nullptr;
    QLineEdit *m_search;
    QLabel *m_status;
    QLabel *m_zoomLabel;
    QLabel *m_targetLabel;
    QTimer *m_autosave;
    DocumentFiles *m_files;
    QMenu *m_recentMenu = nullptr;
    Preferences m_preferences;

    QAction *m_newAction, *m_openAction, *m_openFolderAction, *m_saveAction, *m_saveAsAction, *m_exportAction;
    QAction *m_quitAction, *m_undoAction, *m_redoAction, *m_deleteAction, *m_renameAction,
        *m_preferencesAction;
    QAction *m_zoomInAction, *m_zoomOutAction, *m_fitAction, *m_resetZoomAction, *m_relayoutAction,
        *m_findAction;
    QAction *m_aboutAction;
    QList<QAction *> m_createActions;
};

} // namespace meshroute::studio
