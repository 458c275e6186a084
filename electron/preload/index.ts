// The renderer's only door to the engine: one function, typed from shared/transport.ts.
// Runs sandboxed with contextIsolation; no ipcRenderer reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type PreloadApi } from '../../shared/transport';

const api: PreloadApi = {
  call: (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld('api', api);
