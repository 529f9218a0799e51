#include "window/mainwindow.h"

#include "document/document.h"
#include "editing/fixes.h"
#include "editing/routeedits.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/layoutstore.h"
#include "model/names.h"
#include "traffic/trafficcontroller.h"
#include "views/diagnosticsview.h"
#include "views/inspector.h"
#include "views/resourcetree.h"
#include "views/yamlpane.h"
#include "window/exportdialog.h"
#include "window/preferences.h"
#include "window/startup.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoView>

#include <set>

namespace meshroute::studio {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QIcon kindIcon(const QColor &color, const QString &letters)
{
    // A small coloured tag with the kind's initials, the colours of the graph's columns.
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color.darker(130), size / 16.0));
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(size * 0.06, size * 0.16, size * 0.88, size * 0.68), size * 0.14,
                                size * 0.14);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(static_cast<int>(size * (letters.size() > 1 ? 0.36 : 0.5)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, letters);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_scene(new GraphScene(this))
    , m_view(new GraphView(m_scene, this))
    , m_tree(new ResourceTree(m_document, this))
    , m_inspector(new Inspector(m_document, this))
    , m_yaml(new YamlPane(m_document, this))
    , m_diagnostics(new DiagnosticsView(m_document, this))
    , m_history(new QUndoView(m_document->undoStack(), this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_zoomLabel(new QLabel(this))
    , m_autosave(new QTimer(this))
    , m_preferences(Preferences::load())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/meshroute-studio.svg")));
    setAcceptDrops(true);
    setCentralWidget(m_view);
    m_view->setObjectName(QStringLiteral("graphView"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    createActions();
    createMenus();
    createDocks();
    // The local gateway: its menu before Help, its toolbar, docks and status.
    m_traffic = new TrafficController(this, m_document, m_scene);
    m_traffic->install(menuBar()->findChild<QMenu *>(QStringLiteral("menuView")),
                       menuBar()->findChild<QMenu *>(QStringLiteral("menuHelp"))->menuAction());

    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_traffic->statusLabel());
    statusBar()->addPermanentWidget(m_zoomLabel);

    connect(m_document, &Document::documentChanged, this, &MainWindow::refreshGraph);
    connect(m_document, &Document::documentReset, this, [this] {
        m_unsavedPositions.clear();
        m_inspector->clear();
        const QHash<QString, QPointF> manual = LayoutStore::load(m_document->layoutFolder());
        m_scene->setGraph(GraphModel::build(m_document->set(), m_document->diagnostics()), manual);
        QTimer::singleShot(0, m_view, &GraphView::fitAll);
    });
    connect(m_document, &Document::titleChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::onSceneSelectionChanged);
    connect(m_scene, &GraphScene::connectionRequested, this, &MainWindow::connectNodes);
    connect(m_scene, &GraphScene::edgeActivated, this, &MainWindow::onEdgeActivated);
    connect(m_scene, &GraphScene::manualPositionsChanged, this, &MainWindow::onManualPositionsChanged);
    connect(m_scene, &GraphScene::nodeActivated, this, [this](const QString &id) {
        if (const GraphNode *node = m_scene->graph().node(id); node && node->resource >= 0) {
            m_yaml->showResource(node->resource);
            m_yaml->editor()->setFocus();
        }
    });
    connect(m_view, &GraphView::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_view, &GraphView::zoomChanged, this,
            [this](qreal zoom) { m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(zoom * 100))); });
    connect(m_tree, &ResourceTree::resourceSelected, this, &MainWindow::onResourceSelected);
    connect(m_inspector, &Inspector::showYamlRequested, this, [this](int index) {
        m_yaml->showResource(index);
        m_yaml->editor()->setFocus();
    });
    connect(m_diagnostics, &DiagnosticsView::diagnosticActivated, this, &MainWindow::onDiagnosticActivated);
    connect(m_diagnostics, &DiagnosticsView::summaryChanged, m_status, &QLabel::setText);
    connect(m_diagnostics, &DiagnosticsView::fixRequested, this, [this](const Diagnostic &diagnostic) {
        const Fix fix = fixFor(diagnostic);
        if (fix.apply)
            fix.apply();
    });
    m_diagnostics->setFixDescriber([this](const Diagnostic &diagnostic) { return fixFor(diagnostic).label; });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QStringList matches = m_scene->setFilter(text.trimmed());
        if (!text.trimmed().isEmpty() && !matches.isEmpty())
            m_view->centreOn(matches.front());
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QStringList matches = m_scene->setFilter(m_search->text().trimmed());
        if (!matches.isEmpty())
            selectNode(matches.front());
    });
    connect(m_autosave, &QTimer::timeout, this, &MainWindow::autosave);

    QSettings settings;
    if (!restoreGeometry(settings.value(settingsKeys::geometry).toByteArray()))
        resize(1440, 900);
    restoreState(settings.value(settingsKeys::state).toByteArray());
    applyPreferences(m_preferences);
    m_document->newDocument();
    retranslate();
}

MainWindow::~MainWindow()
{
    // The gateway first: it listens to the document and the scene, which go before it otherwise.
    delete m_traffic;
    m_traffic = nullptr;
    // Children outlive this class's part of the object while QObject destroys them; none may call back.
    for (QObject *sender :
         std::initializer_list<QObject *>{m_document, m_document->undoStack(), m_scene, m_view, m_tree,
                                          m_inspector, m_yaml, m_diagnostics, m_search, m_autosave})
        sender->disconnect(this);
    m_autosave->stop();
}

// ------------------------------------------------------------------ construction

void MainWindow::createActions()
{
    QStyle *style = QApplication::style();
    // Texts are kept untranslated in a property, so that a language change can translate them again.
    auto make = [this](const char *text, const QKeySequence &shortcut, const QString &name) {
        auto *action = new QAction(tr(text), this);
        action->setProperty("source", QByteArray(text));
        action->setShortcut(shortcut);
        action->setObjectName(name);
        return action;
    };
    m_newAction = make(QT_TR_NOOP("&New"), QKeySequence::New, QStringLiteral("actionNew"));
    m_newAction->setIcon(style->standardIcon(QStyle::SP_FileIcon));
    m_openAction = make(QT_TR_NOOP("&Open Files…"), QKeySequence::Open, QStringLiteral("actionOpen"));
    m_openAction->setIcon(style->standardIcon(QStyle::SP_DialogOpenButton));
    m_openFolderAction = make(QT_TR_NOOP("Open &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                              QStringLiteral("actionOpenFolder"));
    m_openFolderAction->setIcon(style->standardIcon(QStyle::SP_DirOpenIcon));
    m_saveAction = make(QT_TR_NOOP("&Save"), QKeySequence::Save, QStringLiteral("actionSave"));
    m_saveAction->setIcon(style->standardIcon(QStyle::SP_DialogSaveButton));
    // Some platforms (Linux outside GNOME and KDE, offscreen) define no Save As, Quit or Preferences
    // keys: the usual ones then.
    auto standardOr = [](QKeySequence::StandardKey key, const QKeySequence &fallback) {
        const QKeySequence standard(key);
        return standard.isEmpty() ? fallback : standard;
    };
    m_saveAsAction = make(QT_TR_NOOP("Save &As…"),
                          standardOr(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)),
                          QStringLiteral("actionSaveAs"));
    m_exportAction = make(QT_TR_NOOP("&Export for kubectl…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                          QStringLiteral("actionExport"));
    m_exportAction->setIcon(style->standardIcon(QStyle::SP_ArrowUp));
    m_quitAction =
        make(QT_TR_NOOP("&Quit"), standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)),
             QStringLiteral("actionQuit"));
    m_undoAction = make(QT_TR_NOOP("&Undo"), QKeySequence::Undo, QStringLiteral("actionUndo"));
    m_undoAction->setIcon(style->standardIcon(QStyle::SP_ArrowBack));
    m_redoAction = make(QT_TR_NOOP("&Redo"), QKeySequence::Redo, QStringLiteral("actionRedo"));
    m_redoAction->setIcon(style->standardIcon(QStyle::SP_ArrowForward));
    QUndoStack *stack = m_document->undoStack();
    connect(m_undoAction, &QAction::triggered, stack, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoTexts);
    connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoTexts);
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    m_deleteAction = make(QT_TR_NOOP("&Delete"), QKeySequence::Delete, QStringLiteral("actionDelete"));
    m_deleteAction->setIcon(style->standardIcon(QStyle::SP_TrashIcon));
    m_renameAction = make(QT_TR_NOOP("Re&name…"), QKeySequence(Qt::Key_F2), QStringLiteral("actionRename"));
    m_preferencesAction = make(QT_TR_NOOP("&Preferences…"),
                               standardOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)),
                               QStringLiteral("actionPreferences"));
    m_zoomInAction = make(QT_TR_NOOP("Zoom &In"), QKeySequence::ZoomIn, QStringLiteral("actionZoomIn"));
    m_zoomOutAction = make(QT_TR_NOOP("Zoom &Out"), QKeySequence::ZoomOut, QStringLiteral("actionZoomOut"));
    m_fitAction =
        make(QT_TR_NOOP("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0), QStringLiteral("actionFit"));
    m_resetZoomAction = make(QT_TR_NOOP("&Actual Size"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_0),
                             QStringLiteral("actionActualSize"));
    m_relayoutAction =
        make(QT_TR_NOOP("&Relayout"), QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("actionRelayout"));
    m_relayoutAction->setProperty(
        "tooltipSource",
        QByteArray(QT_TR_NOOP("Lay the graph out automatically again, forgetting manual moves")));
    m_findAction = make(QT_TR_NOOP("&Find…"), QKeySequence::Find, QStringLiteral("actionFind"));
    m_aboutAction = make(QT_TR_NOOP("&About Meshroute Studio"), {}, QStringLiteral("actionAbout"));

    connect(m_newAction, &QAction::triggered, this, [this] {
        if (maybeSave())
            m_document->newDocument();
    });
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openFiles);
    connect(m_openFolderAction, &QAction::triggered, this, &MainWindow::openFolder);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveDocument);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportForKubectl);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelection);
    connect(m_renameAction, &QAction::triggered, this, &MainWindow::rename);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_zoomInAction, &QAction::triggered, m_view, &GraphView::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_view, &GraphView::zoomOut);
    connect(m_fitAction, &QAction::triggered, m_view, &GraphView::fitAll);
    connect(m_resetZoomAction, &QAction::triggered, m_view, &GraphView::resetZoom);
    connect(m_relayoutAction, &QAction::triggered, m_scene, &GraphScene::relayout);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);

    const GraphPalette palette = GraphPalette::forTheme(false);
    const QHash<QString, QString> initials{{QStringLiteral("Gateway"), QStringLiteral("G")},
                                           {QStringLiteral("VirtualService"), QStringLiteral("VS")},
                                           {QStringLiteral("DestinationRule"), QStringLiteral("DR")},
                                           {QStringLiteral("Service"), QStringLiteral("S")},
                                           {QStringLiteral("Deployment"), QStringLiteral("D")},
                                           {QStringLiteral("WorkloadEntry"), QStringLiteral("WE")}};
    const QList<std::tuple<QString, const char *, QColor, QKeySequence>> creatable{
        {QStringLiteral("Gateway"), QT_TR_NOOP("New &Gateway"), palette.gateway,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G)},
        {QStringLiteral("VirtualService"), QT_TR_NOOP("New &VirtualService"), palette.route,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V)},
        {QStringLiteral("DestinationRule"), QT_TR_NOOP("New &DestinationRule"), palette.destination,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D)},
        {QStringLiteral("Service"), QT_TR_NOOP("New &Service"), palette.destination,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)},
        {QStringLiteral("Deployment"), QT_TR_NOOP("New De&ployment"), palette.workload,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P)},
        {QStringLiteral("WorkloadEntry"), QT_TR_NOOP("New &WorkloadEntry"), palette.workload,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_W)},
    };
    for (const auto &[kind, text, color, shortcut] : creatable) {
        auto *action = make(text, shortcut, QStringLiteral("actionNew") + kind);
        action->setIcon(kindIcon(color, initials.value(kind)));
        action->setProperty("tooltipSource", QByteArray(QT_TR_NOOP("Create a %1")));
        action->setProperty("tooltipArgument", kind);
        const QString k = kind;
        connect(action, &QAction::triggered, this, [this, k] { createResource(k); });
        m_createActions << action;
    }
}

void MainWindow::createMenus()
{
    QMenu *file = addTranslatedMenu(menuBar(), QT_TR_NOOP("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addAction(m_openFolderAction);
    m_recentMenu = addTranslatedMenu(file, QT_TR_NOOP("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_deleteAction);
    edit->addAction(m_renameAction);
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu *insert = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Create"));
    insert->setObjectName(QStringLiteral("menuCreate"));
    insert->addActions(m_createActions);

    QMenu *view = addTranslatedMenu(menuBar(), QT_TR_NOOP("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_resetZoomAction);
    view->addAction(m_fitAction);
    view->addAction(m_relayoutAction);
    view->addSeparator();
    view->setProperty("docksAt", view->actions().size());

    QMenu *help = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_aboutAction);

    QToolBar *main = addTranslatedToolBar(QT_TR_NOOP("Main"));
    main->setObjectName(QStringLiteral("mainToolBar"));
    main->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    main->addAction(m_newAction);
    main->addAction(m_openAction);
    main->addAction(m_saveAction);
    main->addAction(m_exportAction);
    main->addSeparator();
    main->addAction(m_undoAction);
    main->addAction(m_redoAction);
    main->addAction(m_deleteAction);
    // Undo and Redo carry the step's description in their text: icons only here, the text is the tooltip.
    for (QAction *action : {m_undoAction, m_redoAction})
        if (auto *button = qobject_cast<QToolButton *>(main->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);

    QToolBar *create = addTranslatedToolBar(QT_TR_NOOP("Create"));
    create->setObjectName(QStringLiteral("createToolBar"));
    create->setToolButtonStyle(Qt::ToolButtonIconOnly);
    create->addActions(m_createActions);

    QToolBar *graph = addTranslatedToolBar(QT_TR_NOOP("Graph"));
    graph->setObjectName(QStringLiteral("graphToolBar"));

    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(240);
    m_search->setObjectName(QStringLiteral("graphFilter"));
    graph->addWidget(m_search);
    graph->addAction(m_zoomOutAction);
    graph->addAction(m_zoomInAction);
    graph->addAction(m_fitAction);
    graph->addAction(m_relayoutAction);
}

void MainWindow::createDocks()
{
    auto dock = [this](const char *title, const QString &name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(tr(title), this);
        d->setProperty("titleSource", QByteArray(title));
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    QDockWidget *resources =
        dock(QT_TR_NOOP("Resources"), QStringLiteral("resourcesDock"), m_tree, Qt::LeftDockWidgetArea);
    QDockWidget *inspector =
        dock(QT_TR_NOOP("Inspector"), QStringLiteral("inspectorDock"), m_inspector, Qt::RightDockWidgetArea);
    QDockWidget *yaml = dock(QT_TR_NOOP("YAML"), QStringLiteral("yamlDock"), m_yaml, Qt::RightDockWidgetArea);
    QDockWidget *diagnostics = dock(QT_TR_NOOP("Diagnostics"), QStringLiteral("diagnosticsDock"),
                                    m_diagnostics, Qt::BottomDockWidgetArea);
    QDockWidget *history =
        dock(QT_TR_NOOP("Undo History"), QStringLiteral("historyDock"), m_history, Qt::BottomDockWidgetArea);
    tabifyDockWidget(diagnostics, history);
    diagnostics->raise();
    resizeDocks({resources}, {260}, Qt::Horizontal);
    resizeDocks({inspector, yaml}, {420, 420}, Qt::Horizontal);
    resizeDocks({inspector, yaml}, {330, 420}, Qt::Vertical);
    resizeDocks({diagnostics}, {170}, Qt::Vertical);

    QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
    for (QDockWidget *d : {resources, inspector, yaml, diagnostics, history})
        view->addAction(d->toggleViewAction());
}

QMenu *MainWindow::addTranslatedMenu(QWidget *parent, const char *title)
{
    QMenu *menu = nullptr;
    if (auto *bar = qobject_cast<QMenuBar *>(parent))
        menu = bar->addMenu(tr(title));
    else
        menu = static_cast<QMenu *>(parent)->addMenu(tr(title));
    menu->menuAction()->setProperty("source", QByteArray(title));
    return menu;
}

QToolBar *MainWindow::addTranslatedToolBar(const char *title)
{
    QToolBar *bar = addToolBar(tr(title));
    bar->setProperty("titleSource", QByteArray(title));
    return bar;
}

void MainWindow::retranslate()
{
    for (QAction *action : findChildren<QAction *>()) {
        const QByteArray source = action->property("source").toByteArray();
        if (!source.isEmpty())
            action->setText(tr(source.constData()));
        const QByteArray tip = action->property("tooltipSource").toByteArray();
        if (!tip.isEmpty()) {
            const QString argument = action->property("tooltipArgument").toString();
            action->setToolTip(argument.isEmpty() ? tr(tip.constData()) : tr(tip.constData()).arg(argument));
        }
    }
    for (QWidget *widget : findChildren<QWidget *>()) {
        const QByteArray title = widget->property("titleSource").toByteArray();
        if (!title.isEmpty())
            widget->setWindowTitle(tr(title.constData()));
    }
    m_search->setPlaceholderText(tr("Filter by name…"));
    m_history->setEmptyLabel(tr("<original document>"));
    m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(m_view->zoom() * 100)));
    updateUndoTexts();
    updateTitle();
}

void MainWindow::updateUndoTexts()
{
    const QUndoStack *stack = m_document->undoStack();
    m_undoAction->setText(stack->undoText().isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(stack->undoText()));
    m_redoAction->setText(stack->redoText().isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(stack->redoText()));
    m_undoAction->setToolTip(m_undoAction->text().remove(QLatin1Char('&')));
    m_redoAction->setToolTip(m_redoAction->text().remove(QLatin1Char('&')));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refreshGraph(); // node subtitles and tooltips are translated text
    }
    QMainWindow::changeEvent(event);
}

// ------------------------------------------------------------------ document

void MainWindow::refreshGraph()
{
    QHash<QString, QPointF> manual = m_scene->manualPositions();
    // The scene restores its selection after the rebuild; that is not a new selection to show.
    m_syncing = true;
    m_scene->setGraph(GraphModel::build(m_document->set(), m_document->diagnostics()), manual);
    m_syncing = false;
    m_scene->setFilter(m_search->text().trimmed());
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Meshroute Studio").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return saveDocument();
    return true;
}

bool MainWindow::openPaths(const QStringList &paths)
{
    QString error;
    if (!m_document->open(paths, &error)) {
        QMessageBox::warning(this, tr("Cannot open"), error);
        return false;
    }
    addRecentDocument(m_document->openedPaths());
    Recovery::discard();
    return true;
}

void MainWindow::openFiles()
{
    if (!maybeSave())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open YAML files"), QString(),
                                                            tr("YAML files (*.yaml *.yml);;All files (*)"));
    if (!files.isEmpty())
        openPaths(files);
}

void MainWindow::openFolder()
{
    if (!maybeSave())
        return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of YAML files"));
    if (!folder.isEmpty())
        openPaths({folder});
}

bool MainWindow::saveDocument()
{
    if (m_document->needsSaveAs()) {
        saveAs();
        return !m_document->isModified();
    }
    QString error;
    if (!m_document->save(&error)) {
        QMessageBox::critical(this, tr("Save failed"), error);
        return false;
    }
    Recovery::discard();
    statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 4000);
    return true;
}

bool MainWindow::saveDocumentAs(const QString &path)
{
    QString error;
    if (!m_document->saveAs(path, &error)) {
        QMessageBox::critical(this, tr("Save failed"), error);
        return false;
    }
    Recovery::discard();
    addRecentDocument(m_document->openedPaths());
    // Positions moved before the document had a folder go with it now.
    QHash<QString, QPointF> positions = m_scene->manualPositions();
    if (!positions.isEmpty())
        LayoutStore::save(m_document->layoutFolder(), positions);
    return true;
}

void MainWindow::saveAs()
{
    QString path;
    if (m_document->set().files.size() > 1)
        path = QFileDialog::getExistingDirectory(this, tr("Save into folder"), m_document->layoutFolder());
    else
        path = QFileDialog::getSaveFileName(this, tr("Save As"), m_document->layoutFolder(),
                                            tr("YAML files (*.yaml *.yml)"));
    if (!path.isEmpty())
        saveDocumentAs(path);
}

void MainWindow::exportForKubectl()
{
    ExportDialog dialog(m_document->set(), m_document->layoutFolder(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Exported to %1").arg(dialog.target()), 5000);
}

bool MainWindow::autosave()
{
    if (!m_document->isModified()) {
        Recovery::discard();
        return true;
    }
    return Recovery::write(*m_document);
}

void MainWindow::restoreRecovery(const RecoveredDocument &recovered)
{
    m_document->restore(recovered.files);
    Recovery::remove(recovered);
    autosave(); // the recovered state is now this session's
}

void MainWindow::startUp()
{
    const QList<RecoveredDocument> pending = Recovery::pending();
    if (!pending.isEmpty()) {
        const RecoveredDocument &latest = pending.front();
        QStringList names;
        for (const auto &file : latest.files)
            names << QFileInfo(file.first).fileName();
        const auto answer = QMessageBox::question(
            this, tr("Restore unsaved changes?"),
            tr("Meshroute Studio did not close properly. Unsaved changes to %1 from %2 were kept. Restore "
               "them?")
                .arg(names.join(QStringLiteral(", ")),
                     QLocale().toString(latest.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            restoreRecovery(latest);
            for (int i = 1; i < pending.size(); ++i)
                Recovery::remove(pending[i]);
            return;
        }
        for (const RecoveredDocument &recovered : pending)
            Recovery::remove(recovered);
    }
    const QStringList initial = startup::initialDocument();
    if (!initial.isEmpty())
        openPaths(initial);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QList<QStringList> recent = recentDocuments();
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent documents"))->setEnabled(false);
        return;
    }
    for (const QStringList &paths : recent) {
        QStringList names;
        for (const QString &path : paths)
            names << QFileInfo(path).fileName();
        QAction *action = m_recentMenu->addAction(names.join(QStringLiteral(", ")));
        action->setToolTip(paths.join(QLatin1Char('\n')));
        connect(action, &QAction::triggered, this, [this, paths] {
            if (maybeSave())
                openPaths(paths);
        });
    }
}

// ------------------------------------------------------------------ selection

void MainWindow::selectNode(const QString &id)
{
    m_scene->selectNodes({id});
    m_view->centreOn(id);
}

void MainWindow::onSceneSelectionChanged()
{
    if (m_syncing)
        return;
    const QStringList ids = m_scene->selectedNodeIds();
    if (m_scene->selectedItems().isEmpty()) {
        m_yaml->showDocument(); // nothing selected: the YAML of the whole document
        return;
    }
    if (ids.size() != 1) {
        if (ids.isEmpty()) {
            for (QGraphicsItem *item : m_scene->selectedItems())
                if (item->type() == EdgeItem::Type) {
                    const GraphEdge &edge = static_cast<EdgeItem *>(item)->edge();
                    if (const GraphNode *route = m_scene->graph().node(edge.from);
                        route && route->kind == NodeKind::Route)
                        m_inspector->inspectRoute(route->route);
                }
        }
        return;
    }
    const GraphNode *node = m_scene->graph().node(ids.front());
    if (!node)
        return;
    m_syncing = true;
    m_inspector->inspectNode(*node);
    if (node->resource >= 0) {
        m_tree->selectResource(node->resource);
        m_yaml->showResource(node->resource);
    }
    m_syncing = false;
}

void MainWindow::onResourceSelected(int index)
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QString id = m_scene->graph().nodeOfResource(index);
    m_scene->selectNodes(id.isEmpty() ? QStringList() : QStringList{id});
    if (!id.isEmpty())
        m_view->centreOn(id);
    m_inspector->inspectResource(index);
    m_yaml->showResource(index);
    m_syncing = false;
}

void MainWindow::onDiagnosticActivated(const Diagnostic &diagnostic)
{
    const int index = m_document->resourceOfDiagnostic(diagnostic);
    if (index < 0)
        return;
    onResourceSelected(index);
    m_tree->selectResource(index);
    const int line = m_document->lineInYaml(static_cast<std::size_t>(index), diagnostic.position.line);
    if (line > 0)
        m_yaml->goToLine(line);
}

void MainWindow::onManualPositionsChanged()
{
    // One drag (of one or many nodes) or one relayout is one undo step; each step places the nodes and
    // writes the sidecar. Steps of positions do not count as changes of the manifests.
    const QHash<QString, QPointF> before = m_scene->manualPositionsBefore();
    const QHash<QString, QPointF> after = m_scene->manualPositions();
    int moved = 0;
    for (auto it = after.begin(); it != after.end(); ++it)
        moved += before.value(it.key(), QPointF(qQNaN(), qQNaN())) != it.value() ? 1 : 0;
    const QString text = after.isEmpty() ? tr("Relayout") : tr("Move %n node(s)", nullptr, moved);
    m_document->moveNodes(before, after, text, [this](const QHash<QString, QPointF> &positions) {
        m_scene->setManualPositions(positions);
        const QString folder = m_document->layoutFolder();
        if (!folder.isEmpty())
            LayoutStore::save(folder, positions);
    });
}

// ------------------------------------------------------------------ editing

void MainWindow::connectNodes(const QString &fromNode, int fromSocket, const QString &toNode, int toSocket)
{
    const GraphModel &graph = m_scene->graph();
    const GraphNode *from = graph.node(fromNode);
    const GraphNode *to = graph.node(toNode);
    if (!from || !to || to->kind != NodeKind::Destination || toSocket < 0 || toSocket >= to->sockets.size())
        return;
    const ResourceSet &set = m_document->set();
    const std::string subset = to->sockets[toSocket].key == QLatin1String("*")
                                   ? std::string()
                                   : to->sockets[toSocket].key.toStdString();
    const std::string host = to->host.toStdString();
    std::optional<std::uint32_t> destinationPort;
    for (int index : to->resources)
        if (const auto *service = set.resources[static_cast<std::size_t>(index)].as<ServiceSpec>())
            if (!service->ports.empty())
                destinationPort = service->ports.front().port;

    if (from->kind == NodeKind::Route) {
        const edits::RouteRef route = from->route;
        const Resource &vs = set.resources[static_cast<std::size_t>(route.resource)];
        m_document->replaceResource(
            static_cast<std::size_t>(route.resource),
            edits::withSplit(vs.node, route.section, route.rule, host, subset, destinationPort),
            tr("Split %1 to %2").arg(from->title, q(subset.empty() ? host : subset)));
        selectNode(graph.nodeOfRoute(route));
        return;
    }
    if (from->kind != NodeKind::Gateway || fromSocket < 0)
        return;
    const Resource &gateway = set.resources[static_cast<std::size_t>(from->resource)];
    const auto *gatewaySpec = gateway.as<GatewaySpec>();
    if (!gatewaySpec || static_cast<std::size_t>(fromSocket) >= gatewaySpec->servers.size())
        return;
    const Server &server = gatewaySpec->servers[static_cast<std::size_t>(fromSocket)];
    const std::uint32_t port = server.port.number;
    // A TLS port routes by SNI: a tls rule matching the server's hosts; every other port gets a tcp rule.
    const bool tls = server.port.protocol == "TLS" ||
                     (server.port.protocol == "HTTPS" && server.tls && server.tls->mode == "PASSTHROUGH");
    std::vector<std::string> serverHosts;
    for (const std::string &serverHost : server.hosts)
        serverHosts.push_back(
            parseGatewayHost(serverHost, gateway.effectiveNamespace(set.defaultNamespace)).host);
    auto withRoute = [&](const YAML::Node &vsNode, const std::string &ref) {
        if (!tls)
            return edits::withTcpRoute(vsNode, port, ref, host, subset, destinationPort);
        std::vector<std::string> vsHosts;
        if (const YAML::Node hosts = vsNode["spec"]["hosts"]; hosts && hosts.IsSequence())
            for (const auto &h : hosts)
                if (h.IsScalar())
                    vsHosts.push_back(h.Scalar());
        return edits::withTlsRoute(vsNode, port, ref, edits::sniHostsFor(serverHosts, vsHosts), host, subset,
                                   destinationPort);
    };
    const edits::Section section = tls ? edits::Section::Tls : edits::Section::Tcp;
    const std::string gatewayNs = gateway.effectiveNamespace(set.defaultNamespace);
    const QualifiedName gatewayName{gatewayNs, gateway.name};

    // The VirtualService bound to this gateway, else one in its namespace, else a new one.
    int target = -1;
    for (std::size_t i = 0; i < set.resources.size() && target < 0; ++i)
        if (const auto *vs = set.resources[i].as<VirtualServiceSpec>())
            for (const std::string &ref : vs->effectiveGateways())
                if (resolveGatewayRef(ref, set.resources[i].effectiveNamespace(set.defaultNamespace)) ==
                    gatewayName)
                    target = static_cast<int>(i);
    for (std::size_t i = 0; i < set.resources.size() && target < 0; ++i)
        if (set.resources[i].kind == Kind::VirtualService &&
            set.resources[i].effectiveNamespace(set.defaultNamespace) == gatewayNs)
            target = static_cast<int>(i);

    const QString text =
        tr("Route %1 port %2 to %3").arg(q(gateway.name)).arg(port).arg(q(subset.empty() ? host : subset));
    edits::RouteRef created;
    if (target >= 0) {
        const Resource &vs = set.resources[static_cast<std::size_t>(target)];
        const std::string vsNs = vs.effectiveNamespace(set.defaultNamespace);
        const std::string ref = vsNs == gatewayNs ? gateway.name : gatewayNs + "/" + gateway.name;
        const auto *spec = vs.as<VirtualServiceSpec>();
        created = {target, section, static_cast<int>(tls ? spec->tls.size() : spec->tcp.size())};
        m_document->replaceResource(static_cast<std::size_t>(target), withRoute(vs.node, ref), text);
    } else {
        const std::string name =
            edits::unusedName(set, Kind::VirtualService, gatewayNs, gateway.name + "-routes");
        YAML::Node node = edits::newVirtualService(name, gateway.name);
        if (!gateway.namespace_.empty())
            node["metadata"]["namespace"] = gateway.namespace_;
        node = withRoute(node, gateway.name);
        const std::size_t index = m_document->addResource(node, text);
        created = {static_cast<int>(index), section, 0};
    }
    const QString id = m_scene->graph().nodeOfRoute(created);
    if (!id.isEmpty())
        selectNode(id);
}

void MainWindow::onEdgeActivated(const GraphEdge &edge)
{
    // Edit the weight in place: a spin box over the edge's label, Enter or leaving it applies, Escape
    // cancels.
    if (edge.kind != EdgeKind::RouteToSubset || edge.destination < 0)
        return;
    const GraphNode *route = m_scene->graph().node(edge.from);
    EdgeItem *item = m_scene->edgeItem(edge.from, edge.to, edge.destination);
    if (!route || route->kind != NodeKind::Route || !item)
        return;
    const int index = route->route.resource;
    const edits::RouteRef ref = route->route;
    const int destination = edge.destination;
    const int current = edge.label.isEmpty() ? 100 : edge.label.chopped(1).toInt();
    const QPointF at =
        item->labelRect().isNull() ? item->boundingRect().center() : item->labelRect().center();

    delete m_view->viewport()->findChild<QSpinBox *>(QStringLiteral("inlineWeight"));
    auto *editor = new QSpinBox(m_view->viewport());
    editor->setObjectName(QStringLiteral("inlineWeight"));
    editor->setRange(0, 100);
    editor->setSuffix(QStringLiteral(" %"));
    editor->setValue(current);
    editor->setKeyboardTracking(false);
    editor->setToolTip(tr("Share of new connections; Enter applies, Escape cancels"));
    editor->adjustSize();
    editor->move(m_view->mapFromScene(at) - QPoint(editor->width() / 2, editor->height() / 2));
    editor->show();
    editor->setFocus();
    editor->selectAll();
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), editor, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, editor, [editor] {
        editor->setProperty("cancelled", true);
        editor->hide();
        editor->deleteLater();
    });
    connect(editor, &QSpinBox::editingFinished, this, [this, editor, index, ref, destination, current] {
        if (editor->property("cancelled").toBool() || editor->property("done").toBool())
            return;
        editor->setProperty("done", true);
        const int weight = editor->value();
        editor->hide();
        editor->deleteLater();
        if (weight == current || index >= static_cast<int>(m_document->set().resources.size()))
            return;
        const Resource &vs = m_document->set().resources[static_cast<std::size_t>(index)];
        m_document->replaceResource(static_cast<std::size_t>(index),
                                    edits::withWeight(vs.node, ref.section, ref.rule, destination, weight),
                                    tr("Set weight in %1").arg(q(vs.name)));
    });
}

void MainWindow::deleteSelection()
{
    const GraphModel &graph = m_scene->graph();
    const ResourceSet &set = m_document->set();
    std::set<int> resources;
    std::vector<edits::RouteRef> rules;
    std::vector<GraphEdge> destinations;
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (item->type() == NodeItem::Type) {
            const GraphNode &node = static_cast<NodeItem *>(item)->node();
            if (node.kind == NodeKind::Route)
                rules.push_back(node.route);
            else
                for (int index : node.resources)
                    resources.insert(index);
        } else if (item->type() == EdgeItem::Type) {
            const GraphEdge &edge = static_cast<EdgeItem *>(item)->edge();
            if (edge.kind == EdgeKind::RouteToSubset)
                destinations.push_back(edge);
        }
    }
    if (resources.empty() && rules.empty() && destinations.empty()) {
        const int index = m_tree->currentResource();
        if (index < 0)
            return;
        resources.insert(index);
    }
    QStringList names;
    std::set<std::string> dependents;
    for (int index : resources) {
        names << q(set.resources[static_cast<std::size_t>(index)].displayName(set.defaultNamespace));
        for (const std::string &dependent : edits::dependentsOf(set, static_cast<std::size_t>(index)))
            dependents.insert(dependent);
    }
    for (const edits::RouteRef &rule : rules)
        names << tr("%1 rule %2 of %3")
                     .arg(QLatin1String(edits::sectionKey(rule.section)))
                     .arg(rule.rule + 1)
                     .arg(q(set.resources[static_cast<std::size_t>(rule.resource)].name));
    if (!destinations.empty())
        names << tr("%n route destination(s)", nullptr, static_cast<int>(destinations.size()));
    QString message = tr("Delete %1?").arg(names.join(QStringLiteral(", ")));
    if (!dependents.empty()) {
        QStringList list;
        for (const std::string &dependent : dependents)
            list << q(dependent);
        message +=
            QStringLiteral("\n\n") +
            tr("These refer to it and will have broken references:\n%1").arg(list.join(QLatin1Char('\n')));
    }
    if (QMessageBox::question(this, tr("Delete"), message, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    m_document->editSet(tr("Delete %1").arg(names.join(QStringLiteral(", "))), [&](ResourceSet &after) {
        // Rules and destinations first, from the back so indices stay valid; then whole resources.
        std::sort(destinations.begin(), destinations.end(),
                  [](const GraphEdge &a, const GraphEdge &b) { return a.destination > b.destination; });
        for (const GraphEdge &edge : destinations) {
            const GraphNode *route = graph.node(edge.from);
            if (!route)
                continue;
            const auto index = static_cast<std::size_t>(route->route.resource);
            after.replaceNode(index,
                              edits::withoutDestination(after.resources[index].node, route->route.section,
                                                        route->route.rule, edge.destination));
        }
        std::sort(rules.begin(), rules.end(), [](const auto &a, const auto &b) { return a.rule > b.rule; });
        for (const edits::RouteRef &rule : rules) {
            const auto index = static_cast<std::size_t>(rule.resource);
            after.replaceNode(index,
                              edits::withoutRule(after.resources[index].node, rule.section, rule.rule));
        }
        for (auto it = resources.rbegin(); it != resources.rend(); ++it)
            after.remove(static_cast<std::size_t>(*it));
    });
}

void MainWindow::rename()
{
    const QStringList ids = m_scene->selectedNodeIds();
    int index = -1;
    if (ids.size() == 1)
        if (const GraphNode *node = m_scene->graph().node(ids.front()))
            index = node->kind == NodeKind::Route ? node->route.resource : node->resource;
    if (index < 0)
        index = m_tree->currentResource();
    if (index < 0)
        return;
    const Resource &resource = m_document->set().resources[static_cast<std::size_t>(index)];
    bool ok = false;
    const QString name =
        QInputDialog::getText(
            this, tr("Rename"),
            tr("New name of %1:").arg(q(resource.displayName(m_document->set().defaultNamespace))),
            QLineEdit::Normal, q(resource.name), &ok)
            .trimmed();
    if (!ok || name.isEmpty() || name == q(resource.name))
        return;
    if (resource.kind == Kind::Gateway) {
        m_document->editSet(
            tr("Rename gateway %1 to %2").arg(q(resource.name), name), [&](ResourceSet &after) {
                edits::renameGateway(after, static_cast<std::size_t>(index), name.toStdString());
            });
    } else {
        m_document->replaceResource(static_cast<std::size_t>(index),
                                    edits::withName(resource.node, name.toStdString()),
                                    tr("Rename %1 to %2").arg(q(resource.name), name));
    }
}

void MainWindow::createResource(const QString &kind)
{
    const ResourceSet &set = m_document->set();
    const std::string ns = set.defaultNamespace;
    auto fresh = [&](Kind k, const std::string &base) { return edits::unusedName(set, k, ns, base); };
    YAML::Node node;
    std::string selectedHost;
    for (const QString &id : m_scene->selectedNodeIds())
        if (const GraphNode *n = m_scene->graph().node(id); n && n->kind == NodeKind::Destination)
            selectedHost = n->host.toStdString();
    if (kind == QLatin1String("Gateway")) {
        std::uint32_t port = 31400;
        std::set<std::uint32_t> used;
        for (const Resource *gateway : set.ofKind(Kind::Gateway))
            for (const Server &server : gateway->as<GatewaySpec>()->servers)
                used.insert(server.port.number);
        while (used.count(port))
            ++port;
        node = edits::newGateway(fresh(Kind::Gateway, "tcp-gateway"), port, "TCP");
    } else if (kind == QLatin1String("VirtualService")) {
        std::string gateway;
        if (!set.ofKind(Kind::Gateway).empty())
            gateway = set.ofKind(Kind::Gateway).front()->name;
        node = edits::newVirtualService(fresh(Kind::VirtualService, "tcp-routes"), gateway);
    } else if (kind == QLatin1String("DestinationRule")) {
        std::string host = selectedHost;
        if (host.empty() && !set.ofKind(Kind::Service).empty())
            host = set.ofKind(Kind::Service).front()->name;
        if (host.empty())
            host = "tcp-echo";
        std::string base = host.substr(0, host.find('.'));
        node = edits::newDestinationRule(fresh(Kind::DestinationRule, base), host);
        node = edits::withSubset(node, "v1", {{"version", "v1"}});
    } else if (kind == QLatin1String("Service")) {
        node = edits::newService(fresh(Kind::Service, "tcp-service"), 3333);
    } else if (kind == QLatin1String("Deployment")) {
        const std::string name = fresh(Kind::Deployment, "tcp-echo-v1");
        node = edits::newDeployment(name, {{"app", "tcp-echo"}, {"version", "v1"}}, 3333);
    } else if (kind == QLatin1String("WorkloadEntry")) {
        node = edits::newWorkloadEntry(fresh(Kind::WorkloadEntry, "local-process"), "127.0.0.1",
                                       {{"app", "tcp-echo"}, {"version", "local"}});
    } else {
        return;
    }
    const std::size_t index = m_document->addResource(node, tr("Create %1").arg(kind));
    onResourceSelected(static_cast<int>(index));
}

void MainWindow::addPortToGateway(int index)
{
    const Resource &gateway = m_document->set().resources[static_cast<std::size_t>(index)];
    std::uint32_t next = 31400;
    for (const Server &server : gateway.as<GatewaySpec>()->servers)
        next = std::max(next, server.port.number + 1);
    m_document->replaceResource(static_cast<std::size_t>(index), edits::withServer(gateway.node, next, "TCP"),
                                tr("Add port %1 to %2").arg(next).arg(q(gateway.name)));
}

void MainWindow::addSubsetTo(int index)
{
    const Resource &rule = m_document->set().resources[static_cast<std::size_t>(index)];
    std::set<std::string> taken;
    for (const Subset &subset : rule.as<DestinationRuleSpec>()->subsets)
        taken.insert(subset.name);
    int n = 1;
    while (taken.count("v" + std::to_string(n)))
        ++n;
    const std::string name = "v" + std::to_string(n);
    m_document->replaceResource(static_cast<std::size_t>(index),
                                edits::withSubset(rule.node, name, {{"version", name}}),
                                tr("Add subset %1 to %2").arg(q(name), q(rule.name)));
}

void MainWindow::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    const QPointF scenePos = m_view->mapToScene(pos);
    NodeItem *nodeItem = nullptr;
    for (QGraphicsItem *item : m_scene->items(scenePos))
        if (item->type() == NodeItem::Type) {
            nodeItem = static_cast<NodeItem *>(item);
            break;
        }
    if (nodeItem) {
        if (!nodeItem->isSelected())
            m_scene->selectNodes({nodeItem->id()});
        const GraphNode node = nodeItem->node();
        const ResourceSet &set = m_document->set();
        if (node.kind == NodeKind::Gateway)
            menu.addAction(tr("Add Port"), this, [this, node] { addPortToGateway(node.resource); });
        for (int index : node.resources)
            if (set.resources[static_cast<std::size_t>(index)].kind == Kind::DestinationRule)
                menu.addAction(
                    tr("Add Subset to %1").arg(q(set.resources[static_cast<std::size_t>(index)].name)), this,
                    [this, index] { addSubsetTo(index); });
        if (node.resource >= 0)
            menu.addAction(tr("Show YAML"), this, [this, node] {
                m_yaml->showResource(node.resource);
                m_yaml->editor()->setFocus();
            });
        menu.addSeparator();
        menu.addAction(m_renameAction);
        menu.addAction(m_deleteAction);
    } else {
        menu.addActions(m_createActions);
        menu.addSeparator();
        menu.addAction(m_fitAction);
        menu.addAction(m_relayoutAction);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

Fix MainWindow::fixFor(const Diagnostic &diagnostic) const
{
    return studio::fixFor(*m_document, diagnostic);
}

// ------------------------------------------------------------------ preferences, window

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
        applyTheme(*app, preferences.theme);
        const bool dark = isDarkTheme(*app);
        m_scene->setDarkTheme(dark);
        m_yaml->setDarkTheme(dark);
    }
    setAutosaveInterval(preferences.autosaveSeconds);
    m_traffic->setGatewayOptions(preferences.bindAddress, preferences.portOffset);
}

void MainWindow::setAutosaveInterval(int seconds)
{
    m_autosave->stop();
    if (seconds > 0)
        m_autosave->start(seconds * 1000);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_preferences, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Preferences chosen = dialog.preferences();
    const bool languageChanged = chosen.language != m_preferences.language;
    chosen.save();
    applyPreferences(chosen);
    if (languageChanged)
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
            installTranslation(*app, chosen.language); // every window follows through LanguageChange
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Meshroute Studio"),
        tr("<h3>Meshroute Studio %1</h3><p>A desktop console for Istio ingress routing of TCP traffic: "
           "edit gateways, routes and subsets as a graph, check them as you go, and export YAML that "
           "<tt>kubectl apply</tt> accepts.</p>")
            .arg(QStringLiteral(MESHROUTE_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_yaml->apply() &&
        QMessageBox::question(this, tr("Discard YAML edit?"),
                              tr("The YAML pane holds an edit that is not valid. Close anyway?")) !=
            QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(settingsKeys::geometry, saveGeometry());
    settings.setValue(settingsKeys::state, saveState());
    Recovery::discard();
    m_traffic->stop(); // the window goes: so do the gateway's listeners and connections
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty() || !maybeSave())
        return;
    event->acceptProposedAction();
    openPaths(paths);
}

} // namespace meshroute::studio
