// A store's customers, in its file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shopkit/types.h"

namespace shopkit::storage {

// A buyer of the store, made at their first checkout. `email` is stored
// lower-cased and is unique in the store.
struct CustomerRecord {
  CustomerId id;
  std::string email;
  std::string name;
  std::optional<UserId> user_id;  // Set once they check out signed in.
  Timestamp created_at;
  Timestamp updated_at;
};

class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
  virtual std::optional<CustomerRecord> find_by_email(
      std::string_view email) = 0;
  // Raises already_exists when the email is taken.
  virtual void insert(const CustomerRecord& customer) = 0;
  // Writes name, user_id and updated_at.
  virtual void update(const CustomerRecord& customer) = 0;
};

}  // namespace shopkit::storage
