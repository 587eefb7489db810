#include "shopkit/store_service.h"

#include "common/context.h"

namespace shopkit {

StoreService::StoreService(internal::Context& context) : context_(context) {}

StoreService::~StoreService() = default;

}  // namespace shopkit
