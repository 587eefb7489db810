#include "shopkit/platform.h"

#include "common/context.h"
#include "shopkit/admin_service.h"
#include "shopkit/auth_service.h"
#include "shopkit/store_service.h"
#include "shopkit/super_admin_service.h"
#include "shopkit/theme_service.h"

namespace shopkit {

std::unique_ptr<Platform> Platform::open(Options options) {
  auto context = std::make_unique<internal::Context>(std::move(options));
  return std::unique_ptr<Platform>(new Platform(std::move(context)));
}

Platform::Platform(std::unique_ptr<internal::Context> context)
    : context_(std::move(context)),
      auth_(std::make_unique<AuthService>(*context_)),
      stores_(std::make_unique<StoreService>(*context_)),
      themes_(std::make_unique<ThemeService>(*context_)),
      admin_(std::make_unique<AdminService>(*context_)),
      super_admin_(std::make_unique<SuperAdminService>(*context_)) {}

Platform::~Platform() {
  // Services go first: they hold references into the context.
  super_admin_.reset();
  admin_.reset();
  themes_.reset();
  stores_.reset();
  auth_.reset();
  context_->storage->close();
}

AuthService& Platform::auth() { return *auth_; }
StoreService& Platform::stores() { return *stores_; }
ThemeService& Platform::themes() { return *themes_; }
AdminService& Platform::admin() { return *admin_; }
SuperAdminService& Platform::super_admin() { return *super_admin_; }

MigrationReport Platform::migrate_all_stores(
    const std::function<void(const MigrationReport&)>& progress) {
  return context_->storage->migrate_all_stores(progress);
}

void Platform::close() { context_->storage->close(); }

const Options& Platform::options() const { return context_->options; }

}  // namespace shopkit
