#include "geometry.h"

#include <algorithm>

namespace rpcscope::diagram {

double Geometry::fitScale(core::TimePoint end) const
{
    const double ms = std::max(1.0, double(end.count()) / 1000.0);
    return std::max(1e-6, (height - header() - topPad() - bottomPad()) / ms);
}

double Geometry::laneX(core::HostId host) const
{
    const int hosts = clients + 1;
    if (hosts > 3) {
        // Many clients: they share the left, the server stands apart on the right.
        const double left = ruler() + 40 * scale;
        const double server = lanesRight() - 150 * scale;
        const double last = server - std::max(110.0 * scale, (server - left) / hosts);
        if (host == core::kServerHost)
            return server;
        return left + (last - left) * (std::min<int>(host, clients) - 1) / std::max(1, clients - 1);
    }
    // One or two clients: room beside the outer lanes for labels and badges.
    const int index = host == core::kServerHost ? clients : std::min<int>(host, clients) - 1;
    // Room beside the outer lanes for their labels, less when the window
    // (or the counter tracks) leave little.
    const double room = lanesRight() - ruler();
    const double left = ruler() + std::clamp(room * 0.3, 60.0 * scale, 230.0 * scale);
    const double usable = std::max(120.0, lanesRight() - left - std::clamp(room * 0.22, 60.0 * scale, 270.0 * scale));
    const double spacing = std::min(usable / std::max(1, hosts - 1), 560.0 * scale);
    // Centre the lanes in the room they have.
    const double span = spacing * (hosts - 1);
    const double start = left + std::max(0.0, (usable - span) / 2);
    return start + spacing * index;
}

double Geometry::laneSpacing() const
{
    return clients > 1 ? std::abs(laneX(2) - laneX(1)) : std::abs(laneX(core::kServerHost) - laneX(1));
}

} // namespace rpcscope::diagram
