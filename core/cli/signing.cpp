#include "signing.hpp"

#include "files.hpp"

#include <exportcheck/error.hpp>

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace exportcheck::cli {
namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::string openssl_error() {
    const auto code = ERR_get_error();
    char buf[256] = "unknown OpenSSL error";
    if (code) ERR_error_string_n(code, buf, sizeof buf);
    return buf;
}

PKey load_key(const std::string& path, bool is_private) {
    const auto pem = read_file(path);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    PKey key(is_private ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                        : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr),
             EVP_PKEY_free);
    if (!key)
        throw Error("key_invalid", fmt::format("{} is not a PEM {} key: {}", path, is_private ? "private" : "public",
                                               openssl_error()));
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        throw Error("key_invalid", fmt::format("{} is not an Ed25519 key", path));
    return key;
}

}  // namespace

std::string ed25519_sign(std::string_view message, const std::string& private_pem_path) {
    auto key = load_key(private_pem_path, true);
    MdCtx ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::string sig(64, '\0');
    std::size_t len = sig.size();
    if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
        throw Error("sign_failed", "signing failed: " + openssl_error());
    sig.resize(len);
    return sig;
}

bool ed25519_verify(std::string_view message, std::string_view signature, const std::string& public_pem_path) {
    auto key = load_key(public_pem_path, false);
    if (signature.size() != 64)
        throw Error("signature_invalid",
                    fmt::format("the signature must be 64 bytes (raw Ed25519); this one has {}", signature.size()));
    MdCtx ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        throw Error("verify_failed", "verification failed to start: " + openssl_error());
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

void ed25519_generate(const std::string& private_pem_path, const std::string& public_pem_path) {
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
    if (!key) throw Error("keygen_failed", "key generation failed: " + openssl_error());
    auto write_pem = [&](const std::string& path, bool is_private) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        const int ok = is_private ? PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
                                  : PEM_write_bio_PUBKEY(bio.get(), key.get());
        if (ok != 1) throw Error("keygen_failed", "cannot encode the key: " + openssl_error());
        char* data = nullptr;
        const long len = BIO_get_mem_data(bio.get(), &data);
        write_file(path, std::string_view(data, static_cast<std::size_t>(len)));
    };
    write_pem(private_pem_path, true);
    write_pem(public_pem_path, false);
}

std::string ed25519_public_raw_base64(const std::string& public_pem_path) {
    auto key = load_key(public_pem_path, false);
    unsigned char raw[32];
    std::size_t len = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(key.get(), raw, &len) != 1 || len != 32)
        throw Error("key_invalid", "cannot read the raw public key: " + openssl_error());
    unsigned char b64[64] = {};
    const int n = EVP_EncodeBlock(b64, raw, 32);
    return std::string(reinterpret_cast<char*>(b64), static_cast<std::size_t>(n));
}

}  // namespace exportcheck::cli
