#include "shopkit/auth_service.h"

#include "common/context.h"

namespace shopkit {

AuthService::AuthService(internal::Context& context) : context_(context) {}

AuthService::~AuthService() = default;

}  // namespace shopkit
