// The data folder that the crash-safety test and its writer process
// share: the names, the options both open it with, and the fixed
// catalog the writer works on.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "shopkit/options.h"

namespace shopkit::testing::crash {

inline constexpr std::string_view kOwnerEmail = "owner@example.com";
inline constexpr std::string_view kPassword = "correct horse battery";
inline constexpr std::string_view kStoreHandle = "crash-main";
inline constexpr int kProducts = 3;
// Large enough that no checkout of the bounded rounds runs out.
inline constexpr std::int64_t kInitialStock = 100000;

inline std::string product_handle(int index) {
  return "crash-product-" + std::to_string(index);
}

inline std::string sku(int index) { return "CRASH-" + std::to_string(index); }

// The title an edit with `sequence` writes; the sequence grows, so the
// newest committed edit has the largest number.
inline std::string edited_title(std::int64_t sequence) {
  return "Edited " + std::to_string(sequence);
}

// The options of both processes: the system clock (the two processes
// must agree on time) and a cheap password hash.
inline Options options(const std::filesystem::path& dir) {
  Options options;
  options.data_dir = dir;
  options.auth.scrypt_log2_n = 4;
  return options;
}

}  // namespace shopkit::testing::crash
