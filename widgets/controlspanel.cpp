#include "controlspanel.h"

#include "core/retrypolicy.h"
#include "session/sessionoptions.h"
#include "wire/checksum.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

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

    auto *network = new QGroupBox(tr("Network (each way)"), this);
    auto *nf = new QFormLayout(network);
    addNumeric(nf, "loss", tr("&Loss"), 0, 100, 1, 0, tr(" %"), 100);
    {
        QStringList models{netem::lossModelName(netem::LossModel::Bernoulli),
                           netem::lossModelName(netem::LossModel::Gilbert)};
        addChoice(nf, "loss-model", tr("Loss &model"), models);
    }
    addNumeric(nf, "delay-ms", tr("&Delay"), 0, 1000, 1, 0, tr(" ms"));
    addNumeric(nf, "jitter-ms", tr("&Jitter"), 0, 500, 1, 0, tr(" ms"));
    addNumeric(nf, "dup", tr("D&uplicate"), 0, 100, 1, 0, tr(" %"), 100);
    addNumeric(nf, "reorder", tr("&Reorder"), 0, 100, 1, 0, tr(" %"), 100);
    addNumeric(nf, "corrupt", tr("&Corrupt"), 0, 100, 1, 0, tr(" %"), 100);
    layout->addWidget(network);

    auto *retry = new QGroupBox(tr("Timeouts and retries"), this);
    auto *rf = new QFormLayout(retry);
    addNumeric(rf, "timeout-ms", tr("&Timeout"), 1, 5000, 10, 0, tr(" ms"));
    {
        QStringList names;
        for (int i = 0; i < core::kBackoffCount; ++i)
            names << core::backoffName(core::Backoff(i));
        addChoice(rf, "backoff", tr("&Back-off"), names);
    }
    addNumeric(rf, "backoff-factor", tr("&Factor"), 1, 10, 0.1, 1, tr(" ×"));
    addNumeric(rf, "max-timeout-ms", tr("Ma&x timeout"), 1, 60000, 100, 0, tr(" ms"));
    addNumeric(rf, "max-attempts", tr("Max &attempts"), 1, 50, 1, 0, QString());
    addNumeric(rf, "deadline-ms", tr("Dead&line"), 10, 60000, 100, 0, tr(" ms"));
    layout->addWidget(retry);

    auto *protocol = new QGroupBox(tr("Protocol and workload"), this);
    auto *pf = new QFormLayout(protocol);
    addChoice(pf, "ack-mode", tr("Ac&k mode"), {core::ackModeName(core::AckMode::Explicit),
                                                core::ackModeName(core::AckMode::Implicit)});
    {
        QStringList names;
        for (int i = 0; i < wire::kChecksumKindCount; ++i)
            names << wire::checksumName(wire::ChecksumKind(i));
        addChoice(pf, "checksum", tr("C&hecksum"), names);
    }
    addNumeric(pf, "clients", tr("Cl&ients"), 1, 50, 1, 0, QString());
    addNumeric(pf, "calls", tr("Ca&lls"), 1, 100000, 1, 0, QString());
    addNumeric(pf, "window", tr("&Window"), 1, 64, 1, 0, QString());
    addNumeric(pf, "call-rate", tr("Call &rate"), 0, 1000, 1, 0, tr(" /s"));
    addNumeric(pf, "handler-ms", tr("&Handler time"), 0, 2000, 1, 0, tr(" ms"));
    layout->addWidget(protocol);
    layout->addStretch(1);
    showConfig(session::SessionConfig{});
}

void ControlsPanel::addNumeric(QFormLayout *form, const char *option, const QString &label, double min,
                               double max, double step, int decimals, const QString &suffix, double scale)
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
    spin->setSuffix(suffix);
    spin->setKeyboardTracking(false);
    // The slider works in steps of the spin box.
    slider->setRange(0, int(std::lround((max - min) / step)));
    slider->setObjectName(name + QStringLiteral("Slider"));
    spin->setObjectName(name + QStringLiteral("Spin"));
    const QString tip = describe(option) + QStringLiteral("\n(--%1)").arg(name);
    slider->setToolTip(tip);
    spin->setToolTip(tip);
    spin->setAccessibleName(label);
    slider->setAccessibleName(label);
    h->addWidget(slider, 1);
    h->addWidget(spin);
    auto *text = new QLabel(label, this);
    text->setBuddy(spin);
    form->addRow(text, row);
    m_labels.insert(name, text);
    m_numeric.insert(name, {slider, spin, scale});

    connect(slider, &QSlider::valueChanged, this, [spin, min, step](int v) { spin->setValue(min + v * step); });
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, name, slider, min, step, scale](double v) {
        const QSignalBlocker block(slider);
        slider->setValue(int(std::lround((v - min) / step)));
        if (!m_showing)
            Q_EMIT optionChanged(name, QString::number(v / scale, 'g', 10));
    });
}

void ControlsPanel::addChoice(QFormLayout *form, const char *option, const QString &label, const QStringList &choices)
{
    const QString name = QString::fromLatin1(option);
    auto *combo = new QComboBox(this);
    combo->addItems(choices);
    combo->setObjectName(name + QStringLiteral("Combo"));
    combo->setToolTip(describe(option) + QStringLiteral("\n(--%1)").arg(name));
    combo->setAccessibleName(label);
    auto *text = new QLabel(label, this);
    text->setBuddy(combo);
    form->addRow(text, combo);
    m_labels.insert(name, text);
    m_choices.insert(name, combo);
    connect(combo, &QComboBox::currentTextChanged, this, [this, name](const QString &v) {
        if (!m_showing)
            Q_EMIT optionChanged(name, v);
    });
}

void ControlsPanel::showConfig(const session::SessionConfig &config)
{
    m_showing = true;
    for (auto it = m_numeric.begin(); it != m_numeric.end(); ++it) {
        const session::SessionOption *o = session::findSessionOption(it.key());
        it->spin->setValue(o->current(config).toDouble() * it->scale);
    }
    for (auto it = m_choices.begin(); it != m_choices.end(); ++it) {
        const session::SessionOption *o = session::findSessionOption(it.key());
        it.value()->setCurrentText(o->current(config));
    }
    for (QWidget *label : std::as_const(m_labels))
        label->setProperty("pending", false);
    m_showing = false;
}

void ControlsPanel::setPending(const QString &option, bool pending)
{
    if (QWidget *label = m_labels.value(option)) {
        QFont f = label->font();
        f.setItalic(pending);
        label->setFont(f);
        label->setToolTip(pending ? tr("Applies when the scenario is reset") : QString());
    }
}

} // namespace rpcscope::widgets
