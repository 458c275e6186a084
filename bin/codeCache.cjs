// Loads the bundled CLI with V8's code cache: compiling its 3.4 MB again on every start
// costs 0.1–0.2 s of `tuyentruyen serve`'s start (and of every command). The first start
// saves the compiled code; the next ones hand it back to V8, which checks it against the
// source and this Node and throws it away if they differ (then it is made anew).
//
// The cache is code that will run: it lives only in this user's own cache folder, never in
// a folder others can write to (a planted file would run as this user).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/** This user's private cache folder, or null when none can be had safely. */
function cacheDir() {
  const base =
    process.env.LOCALAPPDATA ||
    process.env.XDG_CACHE_HOME ||
    (os.homedir() ? path.join(os.homedir(), '.cache') : null);
  if (!base) return null;
  const dir = path.join(base, 'tuyentruyen', 'v8');
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') {
      const st = fs.statSync(dir);
      // Ours alone: owned by this user, writable by nobody else.
      if (st.uid !== process.getuid() || (st.mode & 0o022) !== 0) return null;
    }
    return dir;
  } catch {
    return null;
  }
}

/** Requires `file` (a CommonJS bundle) as `require` would, compiling it from the cache. */
function loadWithCodeCache(file) {
  if (process.env.TUYENTRUYEN_NO_CODE_CACHE) return require(file);
  const dir = cacheDir();
  if (!dir) return require(file);
  let source;
  let stamp;
  try {
    source = fs.readFileSync(file, 'utf8');
    const st = fs.statSync(file);
    stamp = `${path.basename(file)}-${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`;
  } catch {
    return require(file);
  }
  const cacheFile = path.join(dir, `${stamp}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  require.cache[file] = mod;
  script
    .runInThisContext()
    .call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;

  if (cachedData === undefined || script.cachedDataRejected) {
    // Saved once the start's code has run (so it is in the cache too): a second after the
    // load for a server, or at the exit of a short command, whichever comes first.
    let saved = false;
    const save = () => {
      if (saved) return;
      saved = true;
      try {
        // The caches of earlier builds of this file go (another process's file in the
        // making is left alone).
        for (const old of fs.readdirSync(dir)) {
          if (
            old.startsWith(`${path.basename(file)}-`) &&
            old.endsWith('.bin') &&
            old !== path.basename(cacheFile)
          )
            fs.rmSync(path.join(dir, old), { force: true });
        }
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A cache that cannot be written only costs the next start its compile time.
      }
    };
    setTimeout(save, 1000).unref();
    process.once('exit', save);
  }
  return mod.exports;
}

module.exports = { loadWithCodeCache };
