-- Wireshark dissector for RpcScope datagrams (engine/wire/datagram.h).
--
-- Every datagram: a 32-byte big-endian header, an 8-byte address token when
-- flag bit 4 says so, a protobuf body (engine/wire/bodies.proto) and a
-- 4-byte big-endian checksum over everything before it. Registered as a
-- heuristic on UDP, so any port works, and on UDP port 7000 (a preference).
--
-- Installed by the rpcscope package into Wireshark's global plugin folder;
-- by hand: wireshark -X lua_script:rpcscope.lua capture.pcapng
--
-- A damaged or short datagram never makes the dissector fail: what cannot
-- be read is marked with expert info.

local rpcscope = Proto("rpcscope", "RpcScope RPC")

local kinds = {
    [1] = "REQ", [2] = "REPLY", [3] = "ACK", [4] = "WORKING", [5] = "PROBE", [6] = "ERROR", [7] = "SACK",
}
local checksums = { [0] = "none", [1] = "sum", [2] = "xor", [3] = "fletcher16", [4] = "crc32c" }
local statuses = {
    [0] = "ok", [1] = "unknown-method", [2] = "invalid-argument", [3] = "busy", [4] = "too-large",
    [5] = "server-restarted", [6] = "unknown-call", [7] = "handler-error", [8] = "reply-not-cached",
    [9] = "result-forgotten",
}
local checksum_statuses = { [0] = "not verified", [1] = "good", [2] = "bad" }

local f = rpcscope.fields
f.magic = ProtoField.uint16("rpcscope.magic", "Magic", base.HEX)
f.version = ProtoField.uint8("rpcscope.version", "Version", base.DEC)
f.kind = ProtoField.uint8("rpcscope.kind", "Kind", base.DEC, kinds)
f.flags = ProtoField.uint8("rpcscope.flags", "Flags", base.HEX)
f.checksum_kind = ProtoField.uint8("rpcscope.flags.checksum_kind", "Checksum kind", base.DEC, checksums, 0x07)
f.ack_requested = ProtoField.bool("rpcscope.flags.ack_requested", "Ack requested", 8, nil, 0x08)
f.has_token = ProtoField.bool("rpcscope.flags.token", "Address token follows", 8, nil, 0x10)
f.ordered = ProtoField.bool("rpcscope.flags.ordered", "Ordered client", 8, nil, 0x20)
f.reserved = ProtoField.uint8("rpcscope.reserved", "Reserved", base.HEX)
f.attempt = ProtoField.uint16("rpcscope.attempt", "Attempt", base.DEC)
f.epoch = ProtoField.uint32("rpcscope.epoch", "Server epoch", base.HEX)
f.client = ProtoField.uint32("rpcscope.client", "Client id", base.HEX)
f.call = ProtoField.uint32("rpcscope.call", "Call id", base.DEC)
f.fragment = ProtoField.uint16("rpcscope.fragment", "Fragment index", base.DEC)
f.fragment_count = ProtoField.uint16("rpcscope.fragment_count", "Fragment count", base.DEC)
f.ack_below = ProtoField.uint32("rpcscope.ack_below", "Ack below", base.DEC)
f.body_length = ProtoField.uint32("rpcscope.body_length", "Body length", base.DEC)
f.token = ProtoField.uint64("rpcscope.token", "Address token", base.HEX)
f.body = ProtoField.bytes("rpcscope.body", "Body")
f.method = ProtoField.string("rpcscope.method", "Method")
f.args = ProtoField.bytes("rpcscope.args", "Arguments")
f.status = ProtoField.uint32("rpcscope.status", "Status", base.DEC, statuses)
f.message = ProtoField.string("rpcscope.message", "Message")
f.result = ProtoField.bytes("rpcscope.result", "Result")
f.held = ProtoField.bytes("rpcscope.held", "Fragments held (bitmap)")
f.checksum = ProtoField.uint32("rpcscope.checksum", "Checksum", base.HEX)
f.checksum_computed = ProtoField.uint32("rpcscope.checksum.computed", "Checksum computed", base.HEX)
f.checksum_status = ProtoField.uint8("rpcscope.checksum.status", "Checksum status", base.DEC, checksum_statuses)

local e_bad_checksum = ProtoExpert.new("rpcscope.checksum.bad", "Checksum mismatch: the datagram was damaged",
    expert.group.CHECKSUM, expert.severity.WARN)
local e_malformed = ProtoExpert.new("rpcscope.malformed", "Malformed RpcScope datagram",
    expert.group.MALFORMED, expert.severity.ERROR)
local e_body = ProtoExpert.new("rpcscope.body.undecodable", "Body does not decode as protobuf",
    expert.group.MALFORMED, expert.severity.NOTE)
rpcscope.experts = { e_bad_checksum, e_malformed, e_body }

rpcscope.prefs.port = Pref.uint("UDP port", 7000, "A UDP port that always carries RpcScope")

local HEADER = 32
local TRAILER = 4
local TOKEN = 8

-- Checksums, as engine/wire/checksum.cpp computes them, over bytes [0, n).

local crc32c_table = nil
local function crc32c(bytes, n)
    if not crc32c_table then
        crc32c_table = {}
        for i = 0, 255 do
            local c = i
            for _ = 1, 8 do
                if bit32.band(c, 1) ~= 0 then
                    c = bit32.bxor(bit32.rshift(c, 1), 0x82F63B78)
                else
                    c = bit32.rshift(c, 1)
                end
            end
            crc32c_table[i] = c
        end
    end
    local crc = 0xFFFFFFFF
    for i = 0, n - 1 do
        crc = bit32.bxor(bit32.rshift(crc, 8), crc32c_table[bit32.band(bit32.bxor(crc, bytes:get_index(i)), 0xFF)])
    end
    return bit32.bxor(crc, 0xFFFFFFFF)
end

local function sum32(bytes, n)
    local s = 0
    for i = 0, n - 1 do
        s = (s + bytes:get_index(i)) % 4294967296
    end
    return s
end

local function xor8(bytes, n)
    local x = 0
    for i = 0, n - 1 do
        x = bit32.bxor(x, bytes:get_index(i))
    end
    return x
end

local function fletcher16(bytes, n)
    local s1, s2 = 0, 0
    for i = 0, n - 1 do
        s1 = (s1 + bytes:get_index(i)) % 255
        s2 = (s2 + s1) % 255
    end
    return s2 * 256 + s1
end

local function compute_checksum(kind, bytes, n)
    if kind == 0 then return 0 end
    if kind == 1 then return sum32(bytes, n) end
    if kind == 2 then return xor8(bytes, n) end
    if kind == 3 then return fletcher16(bytes, n) end
    if kind == 4 then return crc32c(bytes, n) end
    return nil
end

-- The protobuf bodies, read field by field: a varint, or a length and bytes.
-- Returns a list of {number, wiretype, value or range}, or nil if the bytes
-- are not protobuf.
local function read_varint(tvb, pos, limit)
    local value, shift = 0, 0
    while pos < limit and shift < 64 do
        local b = tvb(pos, 1):uint()
        pos = pos + 1
        value = value + bit32.band(b, 0x7F) * 2 ^ shift
        if b < 0x80 then return value, pos end
        shift = shift + 7
    end
    return nil, pos
end

local function read_fields(tvb, start, length)
    local fields, pos, limit = {}, start, start + length
    while pos < limit do
        local key
        key, pos = read_varint(tvb, pos, limit)
        if not key then return nil end
        local number, wiretype = math.floor(key / 8), key % 8
        if wiretype == 0 then
            local v
            v, pos = read_varint(tvb, pos, limit)
            if not v then return nil end
            fields[#fields + 1] = { number, 0, v }
        elseif wiretype == 2 then
            local len
            len, pos = read_varint(tvb, pos, limit)
            if not len or pos + len > limit then return nil end
            fields[#fields + 1] = { number, 2, tvb(pos, len), pos }
            pos = pos + len
        else
            return nil
        end
    end
    return fields
end

local function add_body(tree, tvb, kind, at, length)
    if length == 0 then return "" end
    local body = tree:add(f.body, tvb(at, length))
    if kind == 7 then -- SACK: a bitmap, not protobuf
        body:add(f.held, tvb(at, length))
        return ""
    end
    local fields = read_fields(tvb, at, length)
    if not fields then
        body:add_proto_expert_info(e_body)
        return ""
    end
    local summary = ""
    for _, fd in ipairs(fields) do
        local number, wiretype, value = fd[1], fd[2], fd[3]
        if kind == 1 or kind == 5 then -- RequestBody
            if number == 1 and wiretype == 2 then
                body:add(f.method, value)
                summary = " " .. value:string()
            elseif number == 2 and wiretype == 2 then
                body:add(f.args, value)
            end
        elseif kind == 2 or kind == 6 then -- ReplyBody
            if number == 1 and wiretype == 0 then
                body:add(f.status, tvb(at, length), value):set_generated(false)
                summary = " " .. (statuses[value] or tostring(value))
            elseif number == 2 and wiretype == 2 then
                body:add(f.message, value)
            elseif number == 3 and wiretype == 2 then
                body:add(f.result, value)
            end
        end
    end
    -- A reply's status OK is the default and so not on the wire.
    if (kind == 2 or kind == 6) and summary == "" then
        body:add(f.status, tvb(at, length), 0):set_generated(true)
        summary = " ok"
    end
    return summary
end

local function dissect(tvb, pinfo, root)
    local size = tvb:captured_len()
    pinfo.cols.protocol = "RpcScope"
    local tree = root:add(rpcscope, tvb())
    if size < HEADER + TRAILER then
        tree:add_proto_expert_info(e_malformed, "Shorter than a header and a checksum")
        pinfo.cols.info = "RpcScope, too short"
        return
    end
    tree:add(f.magic, tvb(0, 2))
    tree:add(f.version, tvb(2, 1))
    local kind = tvb(3, 1):uint()
    tree:add(f.kind, tvb(3, 1))
    local flags = tvb(4, 1):uint()
    local flags_tree = tree:add(f.flags, tvb(4, 1))
    flags_tree:add(f.checksum_kind, tvb(4, 1))
    flags_tree:add(f.ack_requested, tvb(4, 1))
    flags_tree:add(f.has_token, tvb(4, 1))
    flags_tree:add(f.ordered, tvb(4, 1))
    tree:add(f.reserved, tvb(5, 1))
    local attempt = tvb(6, 2):uint()
    tree:add(f.attempt, tvb(6, 2))
    tree:add(f.epoch, tvb(8, 4))
    tree:add(f.client, tvb(12, 4))
    local call = tvb(16, 4):uint()
    tree:add(f.call, tvb(16, 4))
    local fragment, count = tvb(20, 2):uint(), tvb(22, 2):uint()
    tree:add(f.fragment, tvb(20, 2))
    tree:add(f.fragment_count, tvb(22, 2))
    tree:add(f.ack_below, tvb(24, 4))
    local body_length = tvb(28, 4):uint()
    tree:add(f.body_length, tvb(28, 4))

    local info = string.format("%s call %d", kinds[kind] or ("kind " .. kind), call)
    if attempt > 1 then info = info .. " attempt " .. attempt end
    if count > 1 then info = info .. string.format(" frag %d/%d", fragment + 1, count) end

    -- As the engine reads it (decodeDatagram): the body length must fit the
    -- datagram's size, with the token or, if the token flag was flipped on
    -- the way, without it; the checksum then names the damage.
    local checksum_at = size - TRAILER
    local has_token = bit32.band(flags, 0x10) ~= 0
    local function fits(token)
        local at = HEADER + (token and TOKEN or 0)
        return at <= checksum_at and at + body_length == checksum_at
    end
    if not fits(has_token) then
        if not fits(not has_token) then
            tree:add_proto_expert_info(e_malformed,
                string.format("Body length %d disagrees with the datagram's size", body_length))
            pinfo.cols.info = info .. " [malformed]"
            return
        end
        has_token = not has_token
    end
    local at = HEADER
    if has_token then
        tree:add(f.token, tvb(at, TOKEN))
        at = at + TOKEN
    end
    if kind < 1 or kind > 7 then
        tree:add_proto_expert_info(e_malformed, "Unknown kind " .. kind)
    end
    if count == 0 or fragment >= count then
        tree:add_proto_expert_info(e_malformed, "Fragment index beyond the fragment count")
    end

    -- The checksum first: the body of a damaged datagram may read as anything.
    local checksum_kind = bit32.band(flags, 0x07)
    local sent = tvb(checksum_at, TRAILER):uint()
    local checksum_item = tree:add(f.checksum, tvb(checksum_at, TRAILER))
    local computed = compute_checksum(checksum_kind, tvb:bytes(0, checksum_at), checksum_at)
    local status = 0
    if computed == nil then
        tree:add_proto_expert_info(e_malformed, "Unknown checksum kind " .. checksum_kind)
        status = 2
    elseif checksum_kind ~= 0 then
        tree:add(f.checksum_computed, tvb(checksum_at, TRAILER), computed):set_generated(true)
        status = (computed == sent) and 1 or 2
    elseif sent ~= 0 then
        -- "No checksum" sends zero: a trailer that is not zero means the
        -- flags were damaged on the way (or the trailer itself was).
        status = 2
    end
    tree:add(f.checksum_status, tvb(checksum_at, TRAILER), status):set_generated(true)
    if status == 2 then
        checksum_item:add_proto_expert_info(e_bad_checksum,
            string.format("Checksum mismatch (%s): sent 0x%08x, computed 0x%08x",
                checksums[checksum_kind] or ("kind " .. checksum_kind), sent, computed or 0))
        info = info .. " [bad checksum]"
    else
        info = info .. add_body(tree, tvb, kind, at, body_length)
    end
    pinfo.cols.info = info
end

function rpcscope.dissector(tvb, pinfo, root)
    -- Whatever the bytes, the dissector itself never fails: a Lua error
    -- becomes expert info on the packet.
    local ok, err = pcall(dissect, tvb, pinfo, root)
    if not ok then
        root:add(rpcscope, tvb()):add_proto_expert_info(e_malformed, "Cannot be read: " .. tostring(err))
    end
    return tvb:captured_len()
end

local function heuristic(tvb, pinfo, root)
    if tvb:captured_len() < HEADER + TRAILER then return false end
    -- The magic alone: a datagram whose version byte was damaged on the way
    -- is still RpcScope's, and its checksum says so.
    if tvb(0, 2):uint() ~= 0x5253 then return false end
    rpcscope.dissector(tvb, pinfo, root)
    return true
end

rpcscope:register_heuristic("udp", heuristic)

local registered_port = nil
function rpcscope.init()
    local udp = DissectorTable.get("udp.port")
    if registered_port then udp:remove(registered_port, rpcscope) end
    registered_port = rpcscope.prefs.port
    if registered_port ~= 0 then udp:add(registered_port, rpcscope) end
end
