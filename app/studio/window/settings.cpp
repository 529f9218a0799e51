#include "window/settings.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace meshroute::studio {

Preferences Preferences::load()
{
    QSettings settings;
    Preferences p;
    p.language = settings.value(settingsKeys::language, p.language).toString();
    p.bindAddress = settings.value(settingsKeys::bindAddress, p.bindAddress).toString();
    p.portOffset = settings.value(settingsKeys::portOffset, p.portOffset).toInt();
    p.theme = static_cast<Theme>(std::clamp(settings.value(settingsKeys::theme, 0).toInt(), 0, 2));
    p.autosaveSeconds = settings.value(settingsKeys::autosave, p.autosaveSeconds).toInt();
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(settingsKeys::language, language);
    settings.setValue(settingsKeys::bindAddress, bindAddress);
    settings.setValue(settingsKeys::portOffset, portOffset);
    settings.setValue(settingsKeys::theme, static_cast<int>(theme));
    settings.setValue(settingsKeys::autosave, autosaveSeconds);
}

QList<QPair<QString, QString>> availableLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString installTranslation(QApplication &app, const QString &language)
{
    static QTranslator *ours = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **translator : {&ours, &qt}) {
        if (*translator) {
            QApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
    QString code = language;
    if (code.isEmpty())
        code = QLocale::system().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                        : QStringLiteral("en");
    ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/meshroute-studio_%1.qm").arg(code)))
        QApplication::installTranslator(ours);
    qt = new QTranslator(&app);
    // Qt's own strings (standard buttons) when the system has them.
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    return code;
}

void applyTheme(QApplication &app, Theme theme)
{
    static const QString platformStyle = app.style()->name();
    static const QPalette platformPalette = app.palette();
    if (theme == Theme::System) {
        if (QStyle *style = QStyleFactory::create(platformStyle))
            QApplication::setStyle(style);
        QApplication::setPalette(platformPalette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    if (theme == Theme::Dark) {
        const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x25), text(0xe6, 0xe8, 0xeb);
        const QColor button(0x35, 0x38, 0x3d), highlight(0x3d, 0x8b, 0xfd), disabled(0x80, 0x86, 0x8f);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2d));
        p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x43));
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, disabled);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, button);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        p.setColor(QPalette::Highlight, highlight);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x7c, 0xb7, 0xff));
        p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
        p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
        p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2b));
        p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
        p.setColor(QPalette::Shadow, Qt::black);
        for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, disabled);
    } else {
        p = QApplication::style()->standardPalette();
        p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
        p.setColor(QPalette::Highlight, QColor(0x1a, 0x73, 0xe8));
    }
    QApplication::setPalette(p);
}

bool isDarkTheme(const QApplication &app)
{
    return app.palette().color(QPalette::Window).lightness() < 128;
}

QList<QStringList> recentDocuments()
{
    QSettings settings;
    QList<QStringList> result;
    for (const QVariant &entry : settings.value(settingsKeys::recent).toList())
        if (!entry.toStringList().isEmpty())
            result << entry.toStringList();
    return result;
}

void addRecentDocument(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    QList<QStringList> list = recentDocuments();
    list.removeAll(paths);
    list.prepend(paths);
    while (list.size() > 10)
        list.removeLast();
    QVariantList stored;
    for (const QStringList &entry : list)
        stored << QVariant(entry);
    QSettings settings;
    settings.setValue(settingsKeys::recent, stored);
    settings.setValue(settingsKeys::lastDocument, QVariant(paths));
}

} // namespace meshroute::studio
