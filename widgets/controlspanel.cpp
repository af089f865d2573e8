#include "controlspanel.h"

#include "displaynames.h"

#include "session/sessionoptions.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rpcscope::widgets {

namespace {
QString describe(const char *option)
{
    const session::SessionOption *o = session::findSessionOption(QString::fromLatin1(option));
    return o ? QCoreApplication::translate("SessionOption", o->description) : QString();
}
} // namespace

ControlsPanel::ControlsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("controlsPanel"));
    auto *layout = new QVBoxLayout(this);

    auto *network = new QGroupBox(this);
    m_i18n.add([network] { network->setTitle(tr("Network (each way)")); });
    auto *nf = new QFormLayout(network);
    addNumeric(nf, "loss", QT_TR_NOOP("&Loss"), 0, 100, 1, 0, QT_TR_NOOP(" %"), 100);
    addChoice(nf, "loss-model", QT_TR_NOOP("Loss &model"));
    addNumeric(nf, "delay-ms", QT_TR_NOOP("&Delay"), 0, 1000, 1, 0, QT_TR_NOOP(" ms"));
    addNumeric(nf, "jitter-ms", QT_TR_NOOP("&Jitter"), 0, 500, 1, 0, QT_TR_NOOP(" ms"));
    addNumeric(nf, "dup", QT_TR_NOOP("D&uplicate"), 0, 100, 1, 0, QT_TR_NOOP(" %"), 100);
    addNumeric(nf, "reorder", QT_TR_NOOP("&Reorder"), 0, 100, 1, 0, QT_TR_NOOP(" %"), 100);
    addNumeric(nf, "corrupt", QT_TR_NOOP("&Corrupt"), 0, 100, 1, 0, QT_TR_NOOP(" %"), 100);
    layout->addWidget(network);

    auto *retry = new QGroupBox(this);
    m_i18n.add([retry] { retry->setTitle(tr("Timeouts and retries")); });
    auto *rf = new QFormLayout(retry);
    addNumeric(rf, "timeout-ms", QT_TR_NOOP("&Timeout"), 1, 5000, 10, 0, QT_TR_NOOP(" ms"));
    addChoice(rf, "backoff", QT_TR_NOOP("&Back-off"));
    addNumeric(rf, "backoff-factor", QT_TR_NOOP("Fact&or"), 1, 10, 0.1, 1, QT_TR_NOOP(" ×"));
    addNumeric(rf, "max-timeout-ms", QT_TR_NOOP("Ma&x timeout"), 1, 60000, 100, 0, QT_TR_NOOP(" ms"));
    addNumeric(rf, "max-attempts", QT_TR_NOOP("Max attem&pts"), 0, 50, 1, 0, nullptr);
    {
        QDoubleSpinBox *attempts = m_numeric.value(QStringLiteral("max-attempts")).spin;
        m_i18n.add([attempts] { attempts->setSpecialValueText(tr("no limit")); });
    }
    addNumeric(rf, "deadline-ms", QT_TR_NOOP("Deadl&ine"), 10, 60000, 100, 0, QT_TR_NOOP(" ms"));
    layout->addWidget(retry);

    auto *protocol = new QGroupBox(this);
    m_i18n.add([protocol] { protocol->setTitle(tr("Protocol and workload")); });
    auto *pf = new QFormLayout(protocol);
    addChoice(pf, "ack-mode", QT_TR_NOOP("Ac&k mode"));
    addChoice(pf, "checksum", QT_TR_NOOP("Ch&ecksum"));
    addChoice(pf, "delivery", QT_TR_NOOP("Deli&very"));
    addNumeric(pf, "clients", QT_TR_NOOP("Clie&nts"), 1, 50, 1, 0, nullptr);
    addNumeric(pf, "calls", QT_TR_NOOP("C&alls"), 1, 100000, 1, 0, nullptr);
    addNumeric(pf, "window", QT_TR_NOOP("&Window"), 1, 64, 1, 0, nullptr);
    addNumeric(pf, "call-rate", QT_TR_NOOP("Call rate"), 0, 1000, 1, 0, QT_TR_NOOP(" /s"));
    addNumeric(pf, "handler-ms", QT_TR_NOOP("Handler time"), 0, 2000, 1, 0, QT_TR_NOOP(" ms"));
    // The server's receive capacity (simulation): lower it mid-run to watch
    // the overload scenario's storm, and back-off calming it.
    addNumeric(pf, "server-rate", QT_TR_NOOP("Server rate"), 0, 20000, 10, 0, QT_TR_NOOP(" /s"));
    addNumeric(pf, "server-queue", QT_TR_NOOP("Server queue"), 1, 1000, 1, 0, nullptr);
    layout->addWidget(protocol);
    layout->addStretch(1);
    showConfig(session::SessionConfig{});
}

void ControlsPanel::addNumeric(QFormLayout *form, const char *option, const char *label, double min,
                               double max, double step, int decimals, const char *suffix, double scale)
{
    const QString name = QString::fromLatin1(option);
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *slider = new QSlider(Qt::Horizontal, row);
    auto *spin = new QDoubleSpinBox(row);
    spin->setRange(min, max);
    spin->setSingleStep(step);
    spin->setDecimals(decimals);
    spin->setKeyboardTracking(false);
    // The slider works in steps of the spin box.
    slider->setRange(0, int(std::lround((max - min) / step)));
    slider->setObjectName(name + QStringLiteral("Slider"));
    spin->setObjectName(name + QStringLiteral("Spin"));
    h->addWidget(slider, 1);
    h->addWidget(spin);
    auto *text = new QLabel(this);
    text->setBuddy(spin);
    m_i18n.add([=] {
        text->setText(tr(label));
        // Screen readers get the label without its mnemonic, and the option's help as the description.
        const QString spoken = tr(label).remove(u'&');
        const QString help = describe(option);
        const QString tip = help + QStringLiteral("\n(--%1)").arg(name);
        if (suffix)
            spin->setSuffix(tr(suffix));
        for (QWidget *w : {static_cast<QWidget *>(slider), static_cast<QWidget *>(spin)}) {
            w->setToolTip(tip);
            w->setAccessibleName(spoken);
            w->setAccessibleDescription(help);
        }
    });
    form->addRow(text, row);
    m_labels.insert(name, text);
    m_numeric.insert(name, {slider, spin, scale, min, max});

    connect(slider, &QSlider::valueChanged, this, [spin, min, step](int v) { spin->setValue(min + v * step); });
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, name, slider, min, step, scale](double v) {
        const QSignalBlocker block(slider);
        slider->setValue(int(std::lround((v - min) / step)));
        if (!m_showing)
            Q_EMIT optionChanged(name, QString::number(v / scale, 'g', 10));
    });
}

void ControlsPanel::addChoice(QFormLayout *form, const char *option, const char *label)
{
    const QString name = QString::fromLatin1(option);
    auto *combo = new QComboBox(this);
    // Shown in the language chosen; the item data is the command line's word.
    for (const QString &choice : session::optionChoices(name))
        combo->addItem(choice, choice);
    combo->setObjectName(name + QStringLiteral("Combo"));
    auto *text = new QLabel(this);
    text->setBuddy(combo);
    m_i18n.add([=] {
        text->setText(tr(label));
        const QString help = describe(option);
        combo->setToolTip(help + QStringLiteral("\n(--%1)").arg(name));
        combo->setAccessibleName(tr(label).remove(u'&'));
        combo->setAccessibleDescription(help);
        for (int i = 0; i < combo->count(); ++i)
            combo->setItemText(i, displaynames::choice(combo->itemData(i).toString()));
    });
    form->addRow(text, combo);
    m_labels.insert(name, text);
    m_choices.insert(name, combo);
    connect(combo, &QComboBox::currentIndexChanged, this, [this, name, combo](int i) {
        if (!m_showing && i >= 0)
            Q_EMIT optionChanged(name, combo->itemData(i).toString());
    });
}

void ControlsPanel::showConfig(const session::SessionConfig &config)
{
    m_showing = true;
    for (auto it = m_numeric.begin(); it != m_numeric.end(); ++it) {
        const session::SessionOption *o = session::findSessionOption(it.key());
        const double shown = o->current(config).toDouble() * it->scale;
        // The command line takes more than a slider covers (--clients 200):
        // the box stretches to show the session's value, the slider stays at
        // its end, and a later session within the slider's range narrows it again.
        it->spin->setRange(std::min(it->min, shown), std::max(it->max, shown));
        it->spin->setValue(shown);
    }
    for (auto it = m_choices.begin(); it != m_choices.end(); ++it) {
        const session::SessionOption *o = session::findSessionOption(it.key());
        it.value()->setCurrentIndex(it.value()->findData(o->current(config)));
    }
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
        setPending(it.key(), false);
    m_showing = false;
}

void ControlsPanel::setPending(const QString &option, bool pending)
{
    if (QWidget *label = m_labels.value(option)) {
        QFont f = label->font();
        f.setItalic(pending);
        label->setFont(f);
        label->setToolTip(pending ? tr("Applies when the scenario is reset") : QString());
        label->setProperty("pending", pending);
    }
}

void ControlsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_i18n.retranslate();
        for (QWidget *label : std::as_const(m_labels))
            if (label->property("pending").toBool())
                label->setToolTip(tr("Applies when the scenario is reset"));
    }
    QWidget::changeEvent(event);
}

} // namespace rpcscope::widgets
