/**
 * The MySQL client/server wire protocol: framing, payload data types, packets, capability and
 * status flags, and the MySQL error table.
 */
module io.porpoise.wire {
    requires transitive io.netty.buffer;
    requires transitive io.netty.transport;
    requires transitive io.netty.codec;
    requires static osgi.annotation;

    exports io.porpoise.wire;
    exports io.porpoise.wire.packet;
    exports io.porpoise.wire.frame;
    exports io.porpoise.wire.binary;
}
