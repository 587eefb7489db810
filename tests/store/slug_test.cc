#include <doctest/doctest.h>

#include "store/slug.h"

using shopkit::internal::first_free_handle;
using shopkit::internal::slugify;

TEST_CASE("slug drops diacritics") {
  CHECK(slugify("Café Crème") == "cafe-creme");
  CHECK(slugify("Ærøskøbing Straße") == "aeroskobing-strasse");
  CHECK(slugify("Łódź Żółć") == "lodz-zolc");
}

TEST_CASE("slug joins words with one dash") {
  CHECK(slugify("  Linen   Shirt -- Blue!  ") == "linen-shirt-blue");
  CHECK(slugify("Men's T-Shirt (XL)") == "mens-t-shirt-xl");
  CHECK(slugify("100% Cotton") == "100-cotton");
}

TEST_CASE("slug transliterates Cyrillic and Greek") {
  CHECK(slugify("Кофе Чёрный") == "kofe-chernyy");
  CHECK(slugify("Ελληνικό Μέλι") == "elliniko-meli");
}

TEST_CASE("slug of other scripts is empty") {
  CHECK(slugify("緑茶") == "");
  CHECK(slugify("!!!") == "");
  CHECK(slugify("緑茶 Sencha") == "sencha");
}

TEST_CASE("slug is cut at a word boundary") {
  std::string title;
  for (int i = 0; i < 40; ++i) title += "word ";
  const std::string slug = slugify(title);
  CHECK(slug.size() <= shopkit::internal::kMaxSlugLength);
  CHECK(slug.back() != '-');
  CHECK(slug.rfind("word-word", 0) == 0);
}

TEST_CASE("slug survives malformed UTF-8") {
  CHECK(slugify(std::string("ab\xC3") + "cd") == "ab-cd");
  CHECK(slugify(std::string("\xFF\xFE") + "x") == "x");
}

TEST_CASE("free handle counts up from two") {
  CHECK(first_free_handle("tee", {}) == "tee");
  CHECK(first_free_handle("tee", {"tee"}) == "tee-2");
  CHECK(first_free_handle("tee", {"tee", "tee-2", "tee-3"}) == "tee-4");
  CHECK(first_free_handle("tee", {"tee", "tee-3"}) == "tee-2");
  CHECK(first_free_handle("tee", {"tee-2"}) == "tee");
}
