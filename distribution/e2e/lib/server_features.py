"""Prints the optional protocol features the server offers, read from its initial handshake
packet (Protocol::HandshakeV10), as words separated by spaces:

  tls               CLIENT_SSL
  compress          CLIENT_COMPRESS (zlib)
  zstd              CLIENT_ZSTD_COMPRESSION_ALGORITHM
  multi-statements  CLIENT_MULTI_STATEMENTS

The runner exports them as PORPOISE_FEATURES: a suite runs the check of such a feature only when
the server offers it (or E2E_PENDING=1), else it reports the check as pending. No login: the
handshake is read and the connection closed.

  server_features.py HOST PORT
"""
import socket
import struct
import sys

CLIENT_COMPRESS = 1 << 5
CLIENT_SSL = 1 << 11
CLIENT_MULTI_STATEMENTS = 1 << 16
CLIENT_ZSTD_COMPRESSION_ALGORITHM = 1 << 26
FEATURES = [("tls", CLIENT_SSL), ("compress", CLIENT_COMPRESS),
            ("zstd", CLIENT_ZSTD_COMPRESSION_ALGORITHM),
            ("multi-statements", CLIENT_MULTI_STATEMENTS)]


def read_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError(f"connection closed after {len(data)} of {n} bytes")
        data += chunk
    return data


def handshake_capabilities(host, port):
    with socket.create_connection((host, port), timeout=10) as sock:
        length = int.from_bytes(read_exactly(sock, 4)[:3], "little")
        payload = read_exactly(sock, length)
    if payload[0] != 10:
        raise ValueError(f"protocol version {payload[0]} (expected: 10; an ERR packet is 255)")
    # version NUL-terminated, connection id (4), auth-plugin-data-part-1 (8), filler (1)
    pos = payload.index(b"\0", 1) + 1 + 4 + 8 + 1
    lower, = struct.unpack_from("<H", payload, pos)
    # character set (1), status flags (2), then the upper two bytes of the capabilities
    upper, = struct.unpack_from("<H", payload, pos + 5)
    return lower | (upper << 16)


def main():
    caps = handshake_capabilities(sys.argv[1], int(sys.argv[2]))
    print(" ".join(name for name, flag in FEATURES if caps & flag))


if __name__ == "__main__":
    main()
