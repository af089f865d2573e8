// The inventory example: a server of shop.v1.Inventory that overrides
// three of its five methods, and a client that calls all five.
//
//   inventory serve [PORT]        serve on every IPv4 address (PORT, else any free one)
//   inventory call HOST:PORT      call a server started with `serve`, on this or another machine
//   inventory demo                both in one process, over 127.0.0.1
#include "shop/v1/inventory.rpcscope.h"

#include "rpc/hostport.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>
#include <map>
#include <string>

namespace {

using rpcscope::codegen::HandlerStatus;

// The stock, in memory. Procedures run on the server's handler threads,
// several at once: every one takes the lock.
class Inventory final : public shop::v1::InventoryServer
{
public:
    HandlerStatus AddItem(const shop::v1::Item &item, google::protobuf::Empty &) override
    {
        const QMutexLocker lock(&m_mutex);
        m_items[item.sku()] = item;
        return {};
    }

    HandlerStatus GetItem(const shop::v1::ItemRef &ref, shop::v1::Item &item) override
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_items.find(ref.sku());
        if (it == m_items.end())
            return HandlerStatus::failure(QStringLiteral("no item with SKU %1").arg(QString::fromStdString(ref.sku())));
        item = it->second;
        return {};
    }

    HandlerStatus ListItems(const google::protobuf::Empty &, shop::v1::ItemList &list) override
    {
        const QMutexLocker lock(&m_mutex);
        for (const auto &[sku, item] : m_items)
            *list.add_items() = item;
        return {};
    }

    // RemoveItem and Restock are not overridden: they answer
    // "unimplemented: shop.v1.Inventory/RemoveItem" and so on.

private:
    QMutex m_mutex;
    std::map<std::string, shop::v1::Item> m_items;
};

shop::v1::Item item(const char *sku, const char *name, int quantity, long cents)
{
    shop::v1::Item i;
    i.set_sku(sku);
    i.set_name(name);
    i.set_quantity(quantity);
    i.mutable_price()->set_currency("EUR");
    i.mutable_price()->set_cents(cents);
    return i;
}

// Calls every method once (and GetItem for a SKU that is not there), and
// prints what each answered. 0 if every answer was the one expected.
int callEveryMethod(rpcscope::rpc::RpcClient &rpc)
{
    shop::v1::InventoryClient inventory(rpc);
    int wrong = 0;
    for (const shop::v1::Item &i : {item("A-100", "anchor", 3, 1250), item("B-200", "buoy", 12, 899)}) {
        const auto added = inventory.AddItemBlocking(i);
        std::printf("AddItem %s: %s\n", i.sku().c_str(), added.ok() ? "ok" : qPrintable(added.message));
        wrong += !added.ok();
    }
    shop::v1::ItemRef ref;
    ref.set_sku("A-100");
    const auto got = inventory.GetItemBlocking(ref);
    if (got.ok())
        std::printf("GetItem A-100: %s, %d in stock at %lld.%02lld %s\n", got.response.name().c_str(),
                    got.response.quantity(), static_cast<long long>(got.response.price().cents() / 100),
                    static_cast<long long>(got.response.price().cents() % 100), got.response.price().currency().c_str());
    else
        std::printf("GetItem A-100: %s\n", qPrintable(got.message));
    wrong += !got.ok();

    ref.set_sku("Z-999");
    const auto missing = inventory.GetItemBlocking(ref);
    std::printf("GetItem Z-999: %s\n", missing.ok() ? "found?" : qPrintable(missing.message));
    wrong += missing.ok();

    const auto listed = inventory.ListItemsBlocking(google::protobuf::Empty());
    std::printf("ListItems: %d items\n", listed.ok() ? listed.response.items_size() : -1);
    wrong += !listed.ok() || listed.response.items_size() != 2;

    // Not served: the server answers with the method's name.
    const auto removed = inventory.RemoveItemBlocking(ref);
    std::printf("RemoveItem: %s\n", removed.ok() ? "ok?" : qPrintable(removed.message));
    wrong += removed.status != rpcscope::wire::STATUS_UNKNOWN_METHOD;
    shop::v1::RestockRequest restock;
    restock.set_sku("A-100");
    restock.set_add(5);
    const auto restocked = inventory.RestockBlocking(restock);
    std::printf("Restock: %s\n", restocked.ok() ? "ok?" : qPrintable(restocked.message));
    wrong += restocked.status != rpcscope::wire::STATUS_UNKNOWN_METHOD;
    return wrong == 0 ? 0 : 1;
}

int usage()
{
    std::fprintf(stderr, "usage: inventory serve [PORT] | inventory call HOST:PORT | inventory demo\n");
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0);
    QString error;

    if (mode == u"serve" && args.size() <= 2) {
        rpcscope::rpc::ServerOptions options;
        options.bindAddress = QHostAddress(QHostAddress::AnyIPv4); // reachable from other machines
        bool ok = true;
        options.port = args.size() == 2 ? args[1].toUShort(&ok) : 0;
        if (!ok)
            return usage();
        rpcscope::rpc::RpcServer server(options);
        Inventory inventory;
        inventory.registerOn(server);
        if (!server.start(&error)) {
            std::fprintf(stderr, "inventory: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("serving shop.v1.Inventory on UDP port %u; Ctrl+C stops\n", server.port());
        std::fflush(stdout);
        return app.exec();
    }

    if (mode == u"call" && args.size() == 2) {
        rpcscope::rpc::HostPort where;
        if (const QString e = rpcscope::rpc::parseHostPort(args[1], false, where); !e.isEmpty()) {
            std::fprintf(stderr, "inventory: %s\n", qPrintable(e));
            return 2;
        }
        rpcscope::rpc::ClientOptions options;
        options.serverAddress = where.address;
        options.serverPort = where.port;
        options.bindAddress = rpcscope::rpc::clientBindAddressFor(where.address);
        rpcscope::rpc::RpcClient client(options);
        if (!client.start(&error)) {
            std::fprintf(stderr, "inventory: %s\n", qPrintable(error));
            return 1;
        }
        return callEveryMethod(client);
    }

    if (mode == u"demo" && args.size() == 1) {
        rpcscope::rpc::RpcServer server({}); // 127.0.0.1, any free port
        Inventory inventory;
        inventory.registerOn(server);
        if (!server.start(&error)) {
            std::fprintf(stderr, "inventory: %s\n", qPrintable(error));
            return 1;
        }
        rpcscope::rpc::ClientOptions options;
        options.serverPort = server.port();
        rpcscope::rpc::RpcClient client(options);
        if (!client.start(&error)) {
            std::fprintf(stderr, "inventory: %s\n", qPrintable(error));
            return 1;
        }
        return callEveryMethod(client);
    }
    return usage();
}
