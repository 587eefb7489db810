// Everything a host needs: include this one header.
#pragma once

#include "shopkit/admin_service.h"
#include "shopkit/auth_service.h"
#include "shopkit/environment.h"
#include "shopkit/error.h"
#include "shopkit/money.h"
#include "shopkit/options.h"
#include "shopkit/platform.h"
#include "shopkit/store_service.h"
#include "shopkit/super_admin_service.h"
#include "shopkit/theme_service.h"
#include "shopkit/types.h"
