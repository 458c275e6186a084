// Where the data lives. The desktop app sets Electron's userData to this same folder, so the
// CLI and the app see the same database (INTERCHANGE.md, `--data-dir`).
import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'TUYENTRUYEN_DATA_DIR';
const FOLDER = 'SoTuyenTruyen';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return path.resolve(fromEnv);
  if (process.platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), FOLDER);
  }
  if (process.platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Application Support', FOLDER);
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), FOLDER);
}
