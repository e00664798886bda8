// Ed25519 signatures of bundle files through OpenSSL. Keys are PEM files (PKCS#8 private key,
// SubjectPublicKeyInfo public key) as `openssl genpkey -algorithm ed25519` writes them; the signature
// file is the raw 64-byte signature, which the browser checks with WebCrypto.
#pragma once

#include <string>
#include <string_view>

namespace exportcheck::cli {

std::string ed25519_sign(std::string_view message, const std::string& private_pem_path);
// False for a wrong signature; throws exportcheck::Error for an unreadable key or a malformed signature.
bool ed25519_verify(std::string_view message, std::string_view signature, const std::string& public_pem_path);
// Writes a new key pair.
void ed25519_generate(const std::string& private_pem_path, const std::string& public_pem_path);
// The 32-byte raw public key, base64: what a page pins.
std::string ed25519_public_raw_base64(const std::string& public_pem_path);

}  // namespace exportcheck::cli
