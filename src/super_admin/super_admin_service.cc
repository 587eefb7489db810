#include "shopkit/super_admin_service.h"

#include "common/context.h"

namespace shopkit {

SuperAdminService::SuperAdminService(internal::Context& context)
    : context_(context) {}

SuperAdminService::~SuperAdminService() = default;

}  // namespace shopkit
