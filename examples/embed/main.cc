// The smallest host: open a data folder, use it, close it.
// Usage: embed DATA_DIR
#include <shopkit/shopkit.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: embed DATA_DIR\n";
    return 2;
  }
  try {
    auto platform = shopkit::Platform::open({.data_dir = argv[1]});
    std::cout << "opened " << platform->options().data_dir.string() << "\n";
    shopkit::Money price = shopkit::Money::parse("19.99", "USD");
    std::cout << "a price: " << price.to_decimal_string() << " "
              << price.currency() << "\n";
    std::cout << "embed: ok\n";
    return 0;
  } catch (const shopkit::Error& error) {
    std::cerr << "embed: " << shopkit::to_string(error.code()) << ": "
              << error.what() << "\n";
    return 1;
  }
}
