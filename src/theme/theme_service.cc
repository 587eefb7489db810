#include "shopkit/theme_service.h"

#include "common/context.h"

namespace shopkit {

ThemeService::ThemeService(internal::Context& context) : context_(context) {}

ThemeService::~ThemeService() = default;

}  // namespace shopkit
