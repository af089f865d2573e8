#pragma once

#include "wire/bodies.pb.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace rpcscope::wire {

// RequestBody and ReplyBody (bodies.proto) on the hot path of every call,
// written and read without building a message: the bytes written are
// exactly what protobuf's serializer writes (fields in number order, empty
// and zero fields left out), and reading accepts exactly what protobuf's
// parser accepts, into views of the datagram rather than copies.
//
// Written by hand because protobuf has no way to read `bytes` fields
// without copying them into std::string, and these two messages, with two
// and three fields, are a call's whole framing: their parse and serialize,
// with the strings they allocate, were a tenth of a simulated call. What
// the hand reader does not know for certain (groups, a known field with an
// unexpected wire type, oversized varints) it hands to protobuf itself, so
// the two never disagree; tst_bodycodec checks both ways on random input.

struct RequestBodyView
{
    QByteArrayView method;
    QByteArrayView args;
};

struct ReplyBodyView
{
    Status status = STATUS_OK; // any int32 a sender wrote, as proto3 keeps unknown enum values
    QByteArrayView message;
    QByteArrayView result;
};

// Writes the encoded body into `out`, resized to fit (its capacity is reused).
void encodeRequestBody(QByteArrayView method, QByteArrayView args, QByteArray &out);
void encodeReplyBody(Status status, QByteArrayView message, QByteArrayView result, QByteArray &out);

// False if protobuf would refuse the bytes. The views point into `bytes`,
// or, when protobuf had to read them, into `scratch`, which must outlive
// them.
bool decodeRequestBody(QByteArrayView bytes, RequestBodyView &out, RequestBody &scratch);
bool decodeReplyBody(QByteArrayView bytes, ReplyBodyView &out, ReplyBody &scratch);

} // namespace rpcscope::wire
