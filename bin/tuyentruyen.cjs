#!/usr/bin/env node
// The `tuyentruyen` command: a thin loader for the bundled CLI (built by `npm run build`,
// which `npm ci` runs through the prepare script).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { loadWithCodeCache } = require('./codeCache.cjs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('Chưa dựng chương trình: hãy chạy "npm run build" trong thư mục dự án.\n');
  process.exit(2);
}
loadWithCodeCache(bundle)
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
