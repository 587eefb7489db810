#include "shopkit/admin_service.h"

#include "common/context.h"

namespace shopkit {

AdminService::AdminService(internal::Context& context) : context_(context) {}

AdminService::~AdminService() = default;

}  // namespace shopkit
