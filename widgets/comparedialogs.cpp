#include "comparedialogs.h"

#include "comparewindow.h"
#include "controlspanel.h"

#include "session/sessionoptions.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace rpcscope::widgets {

namespace {

QScrollArea *scrolled(QWidget *inside)
{
    auto *area = new QScrollArea;
    area->setWidget(inside);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setMinimumWidth(inside->sizeHint().width() + 24);
    return area;
}

} // namespace

CompareDialog::CompareDialog(const session::SessionConfig &base, QWidget *parent)
    : QDialog(parent)
    , m_configs{base, base}
{
    setObjectName(QStringLiteral("compareDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel;
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    QLabel *titles[2] = {new QLabel, new QLabel};
    for (int side = 0; side < 2; ++side) {
        QFont bold = titles[side]->font();
        bold.setBold(true);
        titles[side]->setFont(bold);
        grid->addWidget(titles[side], 0, side);
        m_panels[side] = new ControlsPanel;
        m_panels[side]->setObjectName(side == 0 ? QStringLiteral("controlsA") : QStringLiteral("controlsB"));
        m_panels[side]->showConfig(base);
        connect(m_panels[side], &ControlsPanel::optionChanged, this,
                [this, side](const QString &option, const QString &value) { setOption(side, option, value); });
        grid->addWidget(scrolled(m_panels[side]), 1, side);
    }
    layout->addLayout(grid, 1);
    m_differences = new QLabel;
    m_differences->setObjectName(QStringLiteral("compareDifferences"));
    m_differences->setWordWrap(true);
    m_differences->setTextFormat(Qt::PlainText);
    layout->addWidget(m_differences);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_i18n.add([=, this] {
        setWindowTitle(tr("Compare Two Runs"));
        intro->setText(tr("The same scenario and seed, run twice on one clock. Set what A and B differ in; the "
                          "rest is the session's."));
        titles[0]->setText(tr("A"));
        titles[1]->setText(tr("B"));
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Compare"));
        showDifferences();
    });
    resize(760, 720);
}

QString CompareDialog::setOption(int side, const QString &option, const QString &value)
{
    const session::SessionOption *o = session::findSessionOption(option);
    if (!o)
        return tr("unknown option '%1'").arg(option);
    if (QString e = o->apply(m_configs[side], value); !e.isEmpty())
        return e;
    showDifferences();
    return {};
}

void CompareDialog::showDifferences()
{
    const QStringList diff = CompareWindow::differences(m_configs[1], m_configs[0]);
    m_differences->setText(diff.isEmpty() ? tr("A and B are the same so far: they will run event for event alike.")
                                          : tr("B differs from A in: %1").arg(diff.join(QStringLiteral(", "))));
}

void CompareDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_i18n.retranslate();
    QDialog::changeEvent(event);
}

ForkDialog::ForkDialog(const session::SessionConfig &atFork, core::TimePoint at, QWidget *parent)
    : QDialog(parent)
    , m_start(atFork)
    , m_config(atFork)
    , m_at(at)
{
    setObjectName(QStringLiteral("forkDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel;
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_panel = new ControlsPanel;
    m_panel->setObjectName(QStringLiteral("forkControls"));
    m_panel->showConfig(atFork);
    connect(m_panel, &ControlsPanel::optionChanged, this, &ForkDialog::setOption);
    layout->addWidget(scrolled(m_panel), 1);
    m_refused = new QLabel;
    m_refused->setWordWrap(true);
    m_refused->setObjectName(QStringLiteral("forkRefused"));
    layout->addWidget(m_refused);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("forkSummary"));
    layout->addWidget(m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_i18n.add([=, this] {
        setWindowTitle(tr("Fork from Here"));
        intro->setText(tr("The fork is this session, event for event, up to %1 ms; from there on it runs with what "
                          "you change below, and opens beside the original to compare.")
                           .arg(QLocale().toString(double(m_at.count()) / 1000.0, 'f', 1)));
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Fork"));
        showSettings();
    });
    resize(420, 720);
}

QString ForkDialog::setOption(const QString &option, const QString &value)
{
    const session::SessionOption *o = session::findSessionOption(option);
    if (!o)
        return tr("unknown option '%1'").arg(option);
    session::SessionConfig after = m_config;
    if (QString e = o->apply(after, value); !e.isEmpty())
        return e;
    if (!session::changesLive(option, m_config, after)) {
        m_refused->setText(tr("%1 shapes a session from its start and cannot change at a fork.").arg(option));
        const QSignalBlocker quiet(m_panel);
        m_panel->showConfig(m_config);
        return m_refused->text();
    }
    m_refused->clear();
    m_config = after;
    // One entry per option, at its latest value; back at the fork's value, none.
    std::erase_if(m_settings, [&](const auto &s) { return s.first == option; });
    if (o->current(m_config) != o->current(m_start))
        m_settings.emplace_back(option, value);
    showSettings();
    return {};
}

void ForkDialog::showSettings()
{
    QStringList parts;
    for (const auto &[option, value] : m_settings)
        parts << option + u'=' + value;
    m_summary->setText(parts.isEmpty() ? tr("Nothing changed yet: the fork would run as the original does.")
                                       : tr("The fork changes: %1").arg(parts.join(QStringLiteral(", "))));
}

void ForkDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_i18n.retranslate();
    QDialog::changeEvent(event);
}

} // namespace rpcscope::widgets
