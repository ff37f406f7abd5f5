# Sourced by the scripts run by hand that need Debian packages (not by CI).
# ensure_debian_packages SCRIPT PACKAGE...: installs with apt-get the packages that are missing,
# or stops with an error naming SCRIPT and the packages.
ensure_debian_packages() {
  local script=$1
  shift
  local missing=()
  local package
  for package in "$@"; do
    dpkg -s "$package" > /dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ] && ! apt-get install -y -q "${missing[@]}" > /dev/null; then
    echo "$script: could not install ${missing[*]} with apt-get (root and a Debian mirror are needed)" >&2
    exit 1
  fi
}
