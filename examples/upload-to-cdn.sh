#!/usr/bin/env bash
# ---------------------------------------------------------------------------
# Upload a built clusterpress site (the `public/` folder) to an object store
# or CDN, with sensible caching.
#
# Run without arguments, this script only prints how to use it; it never
# uploads anything unless you name a destination.
#
# Before uploading, build the site for the address it will be served at:
#
#     clusterpress build --base-url https://directory.example.org/
#
# then, for example:
#
#     examples/upload-to-cdn.sh s3 s3://my-bucket
#     DRY_RUN=1 examples/upload-to-cdn.sh s3 s3://my-bucket   # show, do not upload
#
# Caching, in short (docs/publishing.md explains why):
#   * pagefind/fragment/, pagefind/index/, pagefind/filter/ and the
#     pagefind/*.pf_meta files have a content hash in their names: a changed
#     file gets a new name, so browsers may keep them for a year.
#   * static/ (style sheet, scripts, icon) and media/ keep their names when
#     they change, so they are kept for one hour only.
#   * Everything else (every HTML page, pagefind-entry.json, pagefind.js,
#     pagefind-ui.*, pagefind-worker.js, wasm.*.pagefind) keeps its name too
#     and changes with every build: five minutes, then the browser asks again.
# ---------------------------------------------------------------------------
set -euo pipefail

# The folder to upload (default: public). Override with PUBLIC_DIR=folder.
PUBLIC_DIR="${PUBLIC_DIR:-public}"

LONG="public, max-age=31536000, immutable"
MEDIUM="public, max-age=3600"
SHORT="public, max-age=300, must-revalidate"

usage() {
    cat <<'EOF'
Usage: upload-to-cdn.sh DESTINATION-KIND DESTINATION

Uploads the built site in public/ (or $PUBLIC_DIR). Build it first with the
address it will be served at:  clusterpress build --base-url https://…/

  s3 s3://BUCKET[/PREFIX]       Amazon S3, or any S3-compatible store through
                                the aws command (set AWS_ENDPOINT_URL for R2,
                                MinIO, …). Optionally set
                                CLOUDFRONT_DISTRIBUTION_ID to refresh CloudFront.
  rclone REMOTE:BUCKET[/PREFIX] Any store rclone knows (S3, R2, GCS, Azure, …),
                                set up beforehand with `rclone config`.
  cloudflare PROJECT            Cloudflare Pages (wrangler pages deploy).
  netlify                       Netlify, production (netlify deploy --prod).

Options, as environment variables:
  PUBLIC_DIR=folder   upload this folder instead of public/
  DRY_RUN=1           show what would be uploaded, upload nothing (s3, rclone)

Examples:
  upload-to-cdn.sh s3 s3://directory-example-org
  DRY_RUN=1 upload-to-cdn.sh rclone r2:directory
  upload-to-cdn.sh cloudflare cluster-directory
EOF
}

die() {
    echo "error: $*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 || die "the \`$1\` command is not installed ($2)"
}

# Make sure there is a built site, and say which address it was built for:
# its links only work there.
check_built() {
    [ -f "$PUBLIC_DIR/index.html" ] ||
        die "$PUBLIC_DIR/index.html does not exist: run \`clusterpress build --base-url https://…/\` first"
    local canonical
    canonical=$(grep -o '<link[^>]*canonical[^>]*>' "$PUBLIC_DIR/index.html" |
        grep -o 'href="\{0,1\}[^" >]*' | head -n 1 | sed 's/^href="\{0,1\}//') || true
    echo "Uploading $PUBLIC_DIR/, built for ${canonical:-an unknown address}"
}

# Cache-Control headers for hosts that read a `_headers` file (Netlify and
# Cloudflare Pages). Their own default for everything else is already short.
write_headers_file() {
    cat >"$PUBLIC_DIR/_headers" <<EOF
/pagefind/fragment/*
  Cache-Control: $LONG
/pagefind/index/*
  Cache-Control: $LONG
/pagefind/filter/*
  Cache-Control: $LONG
/static/*
  Cache-Control: $MEDIUM
/media/*
  Cache-Control: $MEDIUM
EOF
    echo "wrote $PUBLIC_DIR/_headers (cache rules for the host)"
}

# ---- Amazon S3 and S3-compatible stores -----------------------------------
# Four passes, so that pages never point to files that are not there yet:
#   1. the content-hashed search files (new names, nothing is overwritten),
#   2. static/ and media/,
#   3. everything else: the pages and the search entry point,
#   4. delete what the new site no longer has (nothing is uploaded again).
upload_s3() {
    local dest="$1"
    [ -n "$dest" ] || die "say where to upload, for example: $0 s3 s3://my-bucket"
    need aws "see https://aws.amazon.com/cli/"
    check_built
    local dry=()
    if [ -n "${DRY_RUN:-}" ]; then dry=(--dryrun); fi
    local hashed=(--include "pagefind/fragment/*" --include "pagefind/index/*"
        --include "pagefind/filter/*" --include "pagefind/*.pf_meta")
    local assets=(--include "static/*" --include "media/*")

    aws s3 sync "$PUBLIC_DIR/" "$dest" ${dry[@]+"${dry[@]}"} --exclude "*" "${hashed[@]}" \
        --cache-control "$LONG"
    aws s3 sync "$PUBLIC_DIR/" "$dest" ${dry[@]+"${dry[@]}"} --exclude "*" "${assets[@]}" \
        --cache-control "$MEDIUM"
    aws s3 sync "$PUBLIC_DIR/" "$dest" ${dry[@]+"${dry[@]}"} \
        --exclude "pagefind/fragment/*" --exclude "pagefind/index/*" \
        --exclude "pagefind/filter/*" --exclude "pagefind/*.pf_meta" \
        --exclude "static/*" --exclude "media/*" \
        --cache-control "$SHORT"
    aws s3 sync "$PUBLIC_DIR/" "$dest" ${dry[@]+"${dry[@]}"} --delete

    # CloudFront keeps its own copies; ask it to fetch the pages again.
    if [ -n "${CLOUDFRONT_DISTRIBUTION_ID:-}" ] && [ -z "${DRY_RUN:-}" ]; then
        aws cloudfront create-invalidation --distribution-id "$CLOUDFRONT_DISTRIBUTION_ID" \
            --paths "/*"
    fi
}

# ---- rclone: S3, R2, Google Cloud Storage, Azure Blob, … ------------------
# Same passes as for S3. `--checksum` compares file contents, so only the
# files that really changed are uploaded (every build rewrites all files,
# which makes their dates useless for this).
upload_rclone() {
    local dest="$1"
    [ -n "$dest" ] || die "say where to upload, for example: $0 rclone remote:bucket"
    need rclone "see https://rclone.org/install/"
    check_built
    local dry=()
    if [ -n "${DRY_RUN:-}" ]; then dry=(--dry-run); fi
    local hashed=(--include "/pagefind/fragment/**" --include "/pagefind/index/**"
        --include "/pagefind/filter/**" --include "/pagefind/*.pf_meta")
    local assets=(--include "/static/**" --include "/media/**")

    rclone copy "$PUBLIC_DIR" "$dest" ${dry[@]+"${dry[@]}"} --checksum "${hashed[@]}" \
        --header-upload "Cache-Control: $LONG"
    rclone copy "$PUBLIC_DIR" "$dest" ${dry[@]+"${dry[@]}"} --checksum "${assets[@]}" \
        --header-upload "Cache-Control: $MEDIUM"
    rclone copy "$PUBLIC_DIR" "$dest" ${dry[@]+"${dry[@]}"} --checksum \
        --exclude "/pagefind/fragment/**" --exclude "/pagefind/index/**" \
        --exclude "/pagefind/filter/**" --exclude "/pagefind/*.pf_meta" \
        --exclude "/static/**" --exclude "/media/**" \
        --header-upload "Cache-Control: $SHORT"
    rclone sync "$PUBLIC_DIR" "$dest" ${dry[@]+"${dry[@]}"} --checksum
}

# ---- Cloudflare Pages ------------------------------------------------------
# Needs `wrangler` (npm install -g wrangler) and, outside your own computer,
# CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID. Cloudflare Pages shows the
# nearest 404.html by itself, so /en/… gets the English not-found page.
upload_cloudflare() {
    local project="$1"
    [ -n "$project" ] || die "name the Pages project, for example: $0 cloudflare my-directory"
    need wrangler "install it with: npm install -g wrangler"
    check_built
    write_headers_file
    wrangler pages deploy "$PUBLIC_DIR" --project-name "$project"
}

# ---- Netlify ---------------------------------------------------------------
# Needs `netlify` (npm install -g netlify-cli) and either a linked site
# (`netlify link`) or NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID. Netlify shows
# /404.html for missing pages by itself. For a preview address instead of
# the live site, run the same command without `--prod`.
upload_netlify() {
    need netlify "install it with: npm install -g netlify-cli"
    check_built
    write_headers_file
    netlify deploy --prod --dir "$PUBLIC_DIR"
}

case "${1:-}" in
    s3) upload_s3 "${2:-}" ;;
    rclone) upload_rclone "${2:-}" ;;
    cloudflare) upload_cloudflare "${2:-}" ;;
    netlify) upload_netlify ;;
    -h | --help | help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac
