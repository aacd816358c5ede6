#!/usr/bin/env bash
# Replace the Cucumber HTML formatter's published assets (MIT, @cucumber/html-formatter on npm) that
# `xingtu-sim run --format html` builds its report from. Usage: scripts/update-html-formatter.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-latest}
target=xingtu_sim/runner/html_formatter
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@cucumber/html-formatter@$version" >/dev/null && tar xzf ./*.tgz)
package=$work/package
for file in dist/main.js dist/main.css dist/main.js.LICENSE.txt dist/src/index.mustache dist/src/icon.url LICENSE; do
  cp "$package/$file" "$target/$(basename "$file")"
done
node -e 'console.log(require(process.argv[1]).version)' "$package/package.json" > "$target/VERSION"
echo "@cucumber/html-formatter $(cat "$target/VERSION") copied to $target; run the report tests: pytest tests/test_run_reports_cucumber.py"
