// The hand-written RequestBody and ReplyBody codec against protobuf itself:
// the same bytes written, the same bytes accepted and refused, the same
// fields read, over random bodies, their mutations and plain garbage.
#include "base/random.h"
#include "wire/bodycodec.h"

#include <QTest>

using namespace rpcscope;

namespace {

QByteArray randomBytes(core::Random &random, int most)
{
    QByteArray b(qsizetype(random.next() % std::uint64_t(most + 1)), Qt::Uninitialized);
    for (char &c : b)
        c = char(random.next());
    return b;
}

QByteArrayView view(const std::string &s)
{
    return {s.data(), qsizetype(s.size())};
}

// Sizes around the varint boundaries of a length (127/128, 16383/16384).
QByteArray sized(core::Random &random)
{
    static const int sizes[] = {0, 1, 2, 31, 127, 128, 129, 300, 16383, 16384, 70000};
    QByteArray b(sizes[random.next() % std::size(sizes)], Qt::Uninitialized);
    for (char &c : b)
        c = char(random.next());
    return b;
}

wire::Status randomStatus(core::Random &random)
{
    static const std::int32_t values[] = {0, 1, 7, 9, 127, 128, 300, -1, -2, 2147483647, -2147483647 - 1};
    return wire::Status(values[random.next() % std::size(values)]);
}

// A valid body with some of its bytes changed, cut short, grown or spliced.
QByteArray mutated(core::Random &random, QByteArray b)
{
    switch (random.next() % 5) {
    case 0:
        if (!b.isEmpty())
            b[qsizetype(random.next() % std::uint64_t(b.size()))] = char(random.next());
        break;
    case 1: b.truncate(qsizetype(random.next() % std::uint64_t(b.size() + 1))); break;
    case 2: b.append(randomBytes(random, 12)); break;
    case 3: b.prepend(randomBytes(random, 6)); break;
    default: {
        // Unknown fields of every wire type, groups included, before and after.
        static const QByteArray extras[] = {QByteArray("\x20\x05", 2), QByteArray("\x29\1\2\3\4\5\6\7\x08", 9),
                                            QByteArray("\x32\x02hi", 4), QByteArray("\x3d\1\2\3\4", 5),
                                            QByteArray("\x43\x48\x01\x44", 4), QByteArray("\x0b\x0c", 2),
                                            QByteArray("\x08\x01", 2), QByteArray("\x8a\x00\x01x", 4)};
        const QByteArray &e = extras[random.next() % std::size(extras)];
        b = random.next() % 2 ? e + b : b + e;
        break;
    }
    }
    return b;
}

} // namespace

class TestBodyCodec : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatProtobufWrites()
    {
        core::Random random(21);
        QByteArray ours;
        for (int i = 0; i < 3000; ++i) {
            const QByteArray method = i % 5 == 0 ? QByteArray() : randomBytes(random, 40);
            const QByteArray args = sized(random);
            wire::RequestBody request;
            request.set_method(method.toStdString());
            request.set_args(args.toStdString());
            wire::encodeRequestBody(method, args, ours);
            QCOMPARE(ours, QByteArray::fromStdString(request.SerializeAsString()));

            const wire::Status status = randomStatus(random);
            const QByteArray message = i % 3 == 0 ? QByteArray() : randomBytes(random, 60);
            const QByteArray result = sized(random);
            wire::ReplyBody reply;
            reply.set_status(status);
            reply.set_message(message.toStdString());
            reply.set_result(result.toStdString());
            wire::encodeReplyBody(status, message, result, ours);
            QCOMPARE(ours, QByteArray::fromStdString(reply.SerializeAsString()));
        }
    }

    void readsWhatProtobufReads()
    {
        core::Random random(22);
        int accepted = 0, refused = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray bytes;
            if (i % 4 == 0) {
                bytes = randomBytes(random, 24); // garbage
            } else if (i % 2 == 0) {
                wire::encodeRequestBody(randomBytes(random, 20), randomBytes(random, 300), bytes);
                bytes = mutated(random, bytes);
            } else {
                wire::encodeReplyBody(randomStatus(random), randomBytes(random, 20), randomBytes(random, 300), bytes);
                bytes = mutated(random, bytes);
            }
            const QByteArray what = bytes.toHex();

            wire::RequestBody theirs, scratch;
            wire::RequestBodyView ours;
            const bool theyRead = theirs.ParseFromArray(bytes.constData(), int(bytes.size()));
            QVERIFY2(wire::decodeRequestBody(bytes, ours, scratch) == theyRead, what.constData());
            if (theyRead) {
                QVERIFY2(ours.method == view(theirs.method()), what.constData());
                QVERIFY2(ours.args == view(theirs.args()), what.constData());
            }

            wire::ReplyBody theirReply, replyScratch;
            wire::ReplyBodyView ourReply;
            const bool theyReadReply = theirReply.ParseFromArray(bytes.constData(), int(bytes.size()));
            QVERIFY2(wire::decodeReplyBody(bytes, ourReply, replyScratch) == theyReadReply, what.constData());
            if (theyReadReply) {
                QVERIFY2(ourReply.status == theirReply.status(), what.constData());
                QVERIFY2(ourReply.message == view(theirReply.message()), what.constData());
                QVERIFY2(ourReply.result == view(theirReply.result()), what.constData());
            }
            (theyRead ? accepted : refused) += 1;
        }
        // Both kinds of input were seen, in numbers.
        QVERIFY2(accepted > 2000 && refused > 2000, qPrintable(QStringLiteral("%1 read, %2 refused").arg(accepted).arg(refused)));
    }

    // A body that repeats a field keeps the last, as protobuf does; one that
    // names a known field with another wire type is still read as protobuf
    // reads it (as an unknown field, leaving the known one empty).
    void repeatsAndStrangeWireTypes()
    {
        wire::RequestBody scratch;
        wire::RequestBodyView v;
        QVERIFY(wire::decodeRequestBody(QByteArrayView("\x0a\x01" "a\x0a\x02" "bc\x12\x01x", 10), v, scratch));
        QCOMPARE(v.method, QByteArrayView("bc"));
        QCOMPARE(v.args, QByteArrayView("x"));
        QVERIFY(wire::decodeRequestBody(QByteArrayView("\x08\x05\x12\x01y", 5), v, scratch));
        QVERIFY(v.method.isEmpty());
        QCOMPARE(v.args, QByteArrayView("y"));
        // A length past the end, and a tag of field 0, are refused.
        QVERIFY(!wire::decodeRequestBody(QByteArrayView("\x0a\x05" "ab", 4), v, scratch));
        QVERIFY(!wire::decodeRequestBody(QByteArrayView("\x02\x01" "a", 3), v, scratch));
        wire::ReplyBody replyScratch;
        wire::ReplyBodyView r;
        QVERIFY(wire::decodeReplyBody(QByteArrayView("\x08\x03\x08\x07", 4), r, replyScratch));
        QCOMPARE(r.status, wire::Status(7));
        QVERIFY(wire::decodeReplyBody(QByteArrayView(), r, replyScratch));
        QCOMPARE(r.status, wire::STATUS_OK);
    }
};

QTEST_GUILESS_MAIN(TestBodyCodec)
#include "tst_bodycodec.moc"
