#!/usr/bin/env bash
# Scaffolds an Nx project: tools/new-project.sh <dir> <alias-name> <type> <platform>
set -euo pipefail
dir=$1; name=$2; type=$3; platform=$4
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/$dir/src"
rel=$(realpath --relative-to="$root/$dir" "$root")
cat > "$root/$dir/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "$rel/node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "$( [ "$type" = app ] && echo application || echo library )",
  "tags": ["type:$type", "platform:$platform"],
  "targets": { "lint": {}, "test": {} }
}
JSON
cat > "$root/$dir/tsconfig.json" <<JSON
{
  "extends": "$rel/tsconfig.base.json",
  "compilerOptions": { "types": ["node", "jest"] },
  "include": ["src/**/*.ts"]
}
JSON
cat > "$root/$dir/jest.config.cjs" <<JS
module.exports = { ...require('$rel/jest.preset.cjs'), displayName: '$name', rootDir: __dirname };
JS
[ -f "$root/$dir/src/index.ts" ] || echo "export {};" > "$root/$dir/src/index.ts"
node -e "
const fs=require('fs');const f='$root/tsconfig.base.json';const j=JSON.parse(fs.readFileSync(f,'utf8'));
j.compilerOptions.paths['@passage/$name']=['$dir/src/index.ts'];
j.compilerOptions.paths=Object.fromEntries(Object.entries(j.compilerOptions.paths).sort());
fs.writeFileSync(f,JSON.stringify(j,null,2)+'\n');"
