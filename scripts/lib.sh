# Shared by scripts/test and scripts/demo: installs the Debian packages
# shopkit needs, only those that are missing, so a second run installs
# nothing.

SHOPKIT_PACKAGES=(
  build-essential cmake pkg-config
  libsqlite3-dev libsqlitecpp-dev libssl-dev nlohmann-json3-dev
  doctest-dev pybind11-dev python3-dev python3-pytest python3-jwt
  libcpp-httplib-dev libjemalloc-dev curl iproute2
  clang libclang-rt-14-dev
)

install_missing_packages() {
  local missing=()
  local package
  for package in "${SHOPKIT_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
        grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "installing missing packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends "${missing[@]}"
}

build_jobs() {
  nproc 2>/dev/null || echo 2
}
