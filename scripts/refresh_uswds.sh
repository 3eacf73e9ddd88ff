#!/usr/bin/env bash
# Refresh the vendored U.S. Web Design System (USWDS) assets in
# soars/core/static/uswds/ from the npm package @uswds/uswds.
#
# Usage: scripts/refresh_uswds.sh [VERSION]
#   VERSION defaults to the pinned version in soars/core/static/uswds/VERSION.
#   To upgrade: npm view @uswds/uswds versions --json   (pick the newest 3.x)
#               scripts/refresh_uswds.sh 3.x.y
#
# Node.js/npm is needed ONLY to run this script (it uses `npm pack` to fetch
# the published tarball). Running, testing or deploying SOARS never needs
# Node: the compiled files are committed to the repository.
#
# What is copied (from the package's dist/):
#   css/uswds.min.css, js/uswds.min.js, js/uswds-init.min.js
#     (their sourceMappingURL comments are removed: the .map files are not
#      vendored, and ManifestStaticFilesStorage would fail on them)
#   every font/image file referenced by url(...) in uswds.min.css
#   img/us_flag_small.png, img/icon-dot-gov.svg, img/icon-https.svg,
#   img/sprite.svg, img/usa-icons/, img/usa-icons-bg/
#   LICENSE.md (package root)
# README.md in the target directory is kept; its version line is updated.
# Finally scripts/check_uswds_refs.py verifies every url(...) resolves.
set -euo pipefail

PACKAGE="@uswds/uswds"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/.." && pwd)"
DEST="${REPO_ROOT}/soars/core/static/uswds"
CHECK="${SCRIPT_DIR}/check_uswds_refs.py"

# Files/folders this script owns inside DEST (README.md is hand-written).
MANAGED=(css js fonts img LICENSE.md VERSION)
# Images a page needs even though the CSS does not reference them.
EXTRA_IMAGES=(us_flag_small.png icon-dot-gov.svg icon-https.svg sprite.svg)
EXTRA_IMAGE_DIRS=(usa-icons usa-icons-bg)

die() { echo "refresh_uswds: $*" >&2; exit 1; }

if [[ $# -gt 1 ]]; then
    die "usage: $0 [VERSION]"
fi
if [[ $# -eq 1 ]]; then
    VERSION="$1"
elif [[ -f "${DEST}/VERSION" ]]; then
    VERSION="$(tr -d '[:space:]' < "${DEST}/VERSION")"
else
    die "no version given and ${DEST}/VERSION does not exist"
fi
[[ "${VERSION}" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "not an exact version: '${VERSION}'"
[[ "${VERSION}" == 3.* ]] || echo "refresh_uswds: warning: ${VERSION} is not a 3.x release" >&2

command -v npm >/dev/null 2>&1 || die "npm is required to refresh USWDS (it is not needed to run the site)"
command -v python3 >/dev/null 2>&1 || die "python3 is required"

TMP="$(mktemp -d)"
trap 'rm -rf "${TMP}"' EXIT

echo "Fetching ${PACKAGE}@${VERSION} ..."
(cd "${TMP}" && npm pack --silent "${PACKAGE}@${VERSION}" >/dev/null)
TARBALL="$(find "${TMP}" -maxdepth 1 -name '*.tgz' -print -quit)"
[[ -n "${TARBALL}" ]] || die "npm pack produced no tarball"
tar -xzf "${TARBALL}" -C "${TMP}"
PKG="${TMP}/package"
DIST="${PKG}/dist"

PKG_VERSION="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "${PKG}/package.json")"
[[ "${PKG_VERSION}" == "${VERSION}" ]] || die "tarball is version ${PKG_VERSION}, expected ${VERSION}"

# Build the new tree in a staging directory first.
STAGE="${TMP}/stage"
mkdir -p "${STAGE}/css" "${STAGE}/js" "${STAGE}/img"

# CSS/JS, without sourceMappingURL comments (the .map files are not vendored).
sed -E '/^\/\*# sourceMappingURL=.*\*\/$/d' "${DIST}/css/uswds.min.css" > "${STAGE}/css/uswds.min.css"
for js in uswds.min.js uswds-init.min.js; do
    sed -E '/^\/\/# sourceMappingURL=/d' "${DIST}/js/${js}" > "${STAGE}/js/${js}"
done

# Everything url(...) in the CSS points at (fonts and images).
python3 "${CHECK}" --list-css-refs "${DIST}/css/uswds.min.css" "${DIST}" > "${TMP}/css-refs.txt"
while IFS= read -r ref; do
    [[ -n "${ref}" ]] || continue
    [[ -f "${DIST}/${ref}" ]] || die "uswds.min.css references ${ref}, which is not in the package"
    mkdir -p "${STAGE}/$(dirname "${ref}")"
    cp "${DIST}/${ref}" "${STAGE}/${ref}"
done < "${TMP}/css-refs.txt"

# Images the templates use directly.
for img in "${EXTRA_IMAGES[@]}"; do
    cp "${DIST}/img/${img}" "${STAGE}/img/${img}"
done
for dir in "${EXTRA_IMAGE_DIRS[@]}"; do
    mkdir -p "${STAGE}/img/${dir}"
    cp -R "${DIST}/img/${dir}/." "${STAGE}/img/${dir}/"
done

cp "${PKG}/LICENSE.md" "${STAGE}/LICENSE.md"
printf '%s\n' "${VERSION}" > "${STAGE}/VERSION"

# Normalise permissions (tarball modes vary) so refreshes diff cleanly.
find "${STAGE}" -type d -exec chmod 755 {} +
find "${STAGE}" -type f -exec chmod 644 {} +

echo "Checking references in the staged tree ..."
python3 "${CHECK}" "${STAGE}"

# Swap the managed files into place.
mkdir -p "${DEST}"
for item in "${MANAGED[@]}"; do
    rm -rf "${DEST:?}/${item}"
done
cp -R "${STAGE}/." "${DEST}/"

# Keep the version line in README.md in step with VERSION.
if [[ -f "${DEST}/README.md" ]]; then
    sed -i -E "s/^(- \*\*Version:\*\* \`${PACKAGE//\//\\/}@)[^\`]*(\`)/\1${VERSION}\2/" "${DEST}/README.md"
fi

echo "Checking references in ${DEST} ..."
python3 "${CHECK}" "${DEST}"
echo "USWDS ${VERSION} vendored into ${DEST#"${REPO_ROOT}/"} ($(du -sh "${DEST}" | cut -f1))"
