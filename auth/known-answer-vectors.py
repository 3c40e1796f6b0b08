# Regenerate with: python3 auth/known-answer-vectors.py (needs the "cryptography" package).
# Prints the vectors pasted into the auth plugin tests; writes rsa-private.pem, copied to the
# tests as kat-rsa-private.pem (a fresh RSA key and ciphertext each run: copy both together).
# Independent known-answer vectors for Porpoise's auth plugin tests (Python hashlib + cryptography).
import hashlib, base64
from cryptography.hazmat.primitives.asymmetric import rsa, padding, ed25519
from cryptography.hazmat.primitives import hashes, serialization

# --- Ed25519 as MariaDB's client_ed25519 uses it: az = SHA512(password), RFC 8032 arithmetic.
p = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
d = -121665 * pow(121666, p - 2, p) % p
def inv(x): return pow(x, p - 2, p)
def add(P, Q):
    X1, Y1, Z1, T1 = P; X2, Y2, Z2, T2 = Q
    A = (Y1 - X1) * (Y2 - X2) % p; B = (Y1 + X1) * (Y2 + X2) % p
    C = T1 * 2 * d * T2 % p; D = Z1 * 2 * Z2 % p
    E, F, G, H = B - A, D - C, D + C, B + A
    return (E * F % p, G * H % p, F * G % p, E * H % p)
def mul(s, P):
    Q = (0, 1, 1, 0)
    while s > 0:
        if s & 1: Q = add(Q, P)
        P = add(P, P); s >>= 1
    return Q
gy = 4 * inv(5) % p
gx = 15112221349535400772501151409588531511454012693041857206046113283949847762202
G = (gx, gy, 1, gx * gy % p)
def enc(P):
    zi = inv(P[2]); x = P[0] * zi % p; y = P[1] * zi % p
    return int.to_bytes(y | ((x & 1) << 255), 32, "little")
def clamp(az):
    a = bytearray(az[:32]); a[0] &= 248; a[31] &= 63; a[31] |= 64
    return int.from_bytes(a, "little")
def pk(pw):
    return enc(mul(clamp(hashlib.sha512(pw).digest()), G))
def sign(pw, m):
    az = hashlib.sha512(pw).digest(); a = clamp(az); A = enc(mul(a, G))
    r = int.from_bytes(hashlib.sha512(az[32:] + m).digest(), "little") % L
    R = enc(mul(r, G))
    h = int.from_bytes(hashlib.sha512(R + A + m).digest(), "little") % L
    return R + int.to_bytes((r + h * a) % L, 32, "little")
def b64(x): return base64.b64encode(x).decode().rstrip("=")
for pw in [b"secret", b"foo", b"foobar", b"foo bar", b"bar", b""]:
    print("ed25519_password(%r) = %s" % (pw, b64(pk(pw))))
nonce = bytes(range(1, 33))
sig = sign(b"secret", nonce)
ed25519.Ed25519PublicKey.from_public_bytes(pk(b"secret")).verify(sig, nonce)  # raises if wrong
print("nonce", nonce.hex()); print("sig(secret)", sig.hex()); print("sig(empty)", sign(b"", nonce).hex())
# cross-check: for a 32-byte password MariaDB's key equals standard Ed25519 with that seed
seed = bytes(range(100, 132))
std = ed25519.Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
assert std == pk(seed)
print("seed32 pk", std.hex())

# --- PBKDF2-HMAC-SHA256 stored hash with salt 01..14
salt = bytes(range(1, 21))
print("pbkdf2(secret)", hashlib.pbkdf2_hmac("sha256", b"secret", salt, 5000, 32).hex())

# --- RSA-OAEP(SHA-1) of ("secret\0" XOR scramble 01..14)
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
scramble = bytes(range(1, 21))
plain = bytes(b ^ scramble[i % 20] for i, b in enumerate(b"secret\0"))
ct = key.public_key().encrypt(plain, padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None))
open("rsa-private.pem", "wb").write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
open("rsa-public.pem", "wb").write(key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
print("rsa ct", ct.hex())
# native hash of secret for clear-password's verification of *HEX
print("native", "*" + hashlib.sha1(hashlib.sha1(b"secret").digest()).hexdigest().upper())
