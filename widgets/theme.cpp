#include "theme.h"

#include <QApplication>
#include <QColor>
#include <QSettings>

#include <algorithm>

namespace rpcscope::widgets::theme {

namespace {

const auto kDarkKey = QStringLiteral("view/dark");

} // namespace

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2e, 0x33));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x20, 0x24));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    return p;
}

void setDark(bool dark)
{
    // The palette before the first change: the platform's, to return to.
    static const QPalette light = QApplication::palette();
    QApplication::setPalette(dark ? darkPalette() : light);
    QSettings().setValue(kDarkKey, dark);
}

bool darkChosen()
{
    return QSettings().value(kDarkKey, false).toBool();
}

double presentationScale(QSize screen)
{
    return std::clamp(std::min(screen.width() / 1000.0, screen.height() / 620.0), 1.15, 1.6);
}

} // namespace rpcscope::widgets::theme
