#include "files.hpp"

#include <exportcheck/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

namespace exportcheck::cli {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("file_unreadable", fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_file(const std::string& path, std::string_view data) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out || !out.write(data.data(), static_cast<std::streamsize>(data.size())))
        throw Error("file_unwritable", fmt::format("cannot write {}: {}", path, std::strerror(errno)));
}

bool file_exists(const std::string& path) { return std::filesystem::is_regular_file(path); }

std::string read_input(const std::string& path) {
    if (path != "-") return read_file(path);
    std::ostringstream in;
    in << std::cin.rdbuf();
    return in.str();
}

nlohmann::ordered_json read_rules_dir(const std::string& dir) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(dir)) throw Error("rules_missing", fmt::format("{}: not a folder of rules documents", dir));
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(dir))
        if (f.path().extension() == ".json") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    auto rules = nlohmann::ordered_json::object();
    for (const auto& f : files) {
        try {
            auto doc = nlohmann::ordered_json::parse(read_file(f.string()));
            if (!doc.is_object()) throw Error("rules_invalid", fmt::format("{}: must hold a JSON object", f.string()));
            rules[f.stem().string()] = std::move(doc);
        } catch (const nlohmann::ordered_json::exception& e) {
            throw Error("rules_invalid", fmt::format("{}: {}", f.string(), e.what()));
        }
    }
    return rules;
}

bool is_gzip(std::string_view b) {
    return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1F && static_cast<unsigned char>(b[1]) == 0x8B;
}

std::string gunzip(std::string_view bytes) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) throw Error("gzip_invalid", "cannot start gzip decompression");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buf[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
    }
    inflateEnd(&zs);
    if (rc == Z_STREAM_END) return out;
    if (rc == Z_BUF_ERROR || rc == Z_OK)
        throw Error("bundle_truncated", "the compressed bundle is truncated (an interrupted download?)");
    throw Error("gzip_invalid", fmt::format("the compressed bundle is damaged: {}", zs.msg ? zs.msg : "inflate failed"));
}

std::string gzip(std::string_view bytes) {
    z_stream zs{};
    if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("gzip_failed", "cannot start gzip compression");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buf[1 << 16];
    int rc;
    do {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = deflate(&zs, Z_FINISH);
        out.append(buf, sizeof buf - zs.avail_out);
    } while (rc == Z_OK);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw Error("gzip_failed", "gzip compression failed");
    return out;
}

std::string read_bundle_bytes(const std::string& path) {
    auto bytes = read_file(path);
    return is_gzip(bytes) ? gunzip(bytes) : bytes;
}

}  // namespace exportcheck::cli
