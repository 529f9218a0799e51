#pragma once

// The demo pods' logs, like `kubectl logs -f <pod>`: a selector with one entry per
// demo pod (and one for all of them), the tutorial server's lines ("Received Raw
// Data: [...]"), follow mode (the view keeps to the newest line until the user
// scrolls up, and again once they scroll back to the end), a filter, and a bound
// on the lines kept per pod.

#include "pods/podlog.h"

#include <QStringList>
#include <QWidget>

#include <deque>
#include <map>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace meshroute::studio {

class LiveSession;

class PodLogView : public QWidget
{
    Q_OBJECT

public:
    explicit PodLogView(LiveSession *session, QWidget *parent = nullptr);

    void setCapacity(int linesPerPod); // at least 1
    int capacity() const { return m_capacity; }

    QStringList podNames() const;                  // the selector's pods, in order (without "all pods")
    QString currentPod() const;                    // "" when showing all pods
    void setCurrentPod(const QString &pod);        // "" for all pods
    QStringList visibleLines() const;              // what the view shows now
    QStringList linesOf(const QString &pod) const; // kept lines of one pod, oldest first

    void setFilterText(const QString &text);
    bool follows() const { return m_follow; }
    void setFollow(bool follow);
    void clear(); // the lines of the shown pod (or of all pods)

    QPlainTextEdit *textView() const { return m_text; }

    // Plain functions, not slots: the session's signal carries a type that livesession.h declares.
    void appendLines(const std::vector<meshroute::proxy::PodLogLine> &lines);
    void refreshPods(); // after a start or an apply: the pods may have changed

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuild();
    bool shows(const QString &pod, const QString &text) const;
    QString lineText(const QString &pod, const QString &text) const;
    void scrollToEnd();
    void ensurePod(const QString &pod);
    void onScrolled();

    struct Line
    {
        QString pod;
        QString text;
    };

    LiveSession *m_session;
    QComboBox *m_pods;
    QLineEdit *m_filter;
    QCheckBox *m_followBox;
    QPushButton *m_clear;
    QPlainTextEdit *m_text;
    QLabel *m_empty;
    std::map<QString, std::deque<QString>> m_lines; // pod -> its lines
    std::deque<Line> m_all;                         // every pod's lines, in order
    int m_capacity = 5000;
    bool m_follow = true;
    bool m_programmatic = false; // scroll-bar moves we make are not the user's
};

} // namespace meshroute::studio
