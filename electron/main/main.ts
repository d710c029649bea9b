/**
 * Electron main process: one window on the built renderer, served from a custom
 * `app://entail/` protocol (so a strict CSP header applies and file:// is never
 * trusted), the engine service behind validated IPC handlers, native menus,
 * open/save dialogs and recent files. Proving runs in worker threads (the
 * service calls proveProblem with `inWorker`), so the main process stays
 * responsive. Kept thin: everything testable lives in service/ and server/.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import type { IpcMainInvokeEvent, MenuItemConstructorOptions, WebContents } from 'electron';
import { open, readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannel } from '../../api/contract.js';
import type { ApiEvent } from '../../api/contract.js';
import { createService } from '../../service/index.js';
import type { EngineService } from '../../service/index.js';
import { securityHeaders } from '../../api/headers.js';
import { APP_ORIGIN, isAppPage, MAX_OPEN_BYTES, permissionGranted, windowOpen } from './policy.js';
import { parseLaunch } from './launch.js';
import { createPendingWrites, WRITE_METHODS } from './pending.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** dist/electron/main → project root. */
const ROOT = resolve(HERE, '..', '..', '..');
const RENDERER = join(ROOT, 'renderer', 'dist');
const PRELOAD = join(HERE, '..', 'preload', 'preload.cjs');
const ORIGIN = APP_ORIGIN;
const MAX_RECENT = 10;

let win: BrowserWindow | null = null;
/** Session and settings writes in flight: a closing window waits for them (hot exit). */
const writes = createPendingWrites();
/** A write still on its way from the renderer when the window starts to close arrives within this. */
const CLOSE_GRACE_MS = 250;
/** Past this the user is asked whether to keep waiting for a stuck write. */
const CLOSE_TIMEOUT_MS = 5000;
/** Set by Quit (menu, Cmd+Q): once the window has closed, the app quits on every platform. */
let quitRequested = false;
let service: EngineService | null = null;
const allowedRoots: string[] = [];

function send(e: ApiEvent): void {
  win?.webContents.send(IPC_EVENT_CHANNEL, e);
}

async function recentFile(): Promise<string> {
  const dir = app.getPath('userData');
  await mkdir(dir, { recursive: true });
  return join(dir, 'recent.json');
}
async function readRecent(): Promise<string[]> {
  try {
    const v = JSON.parse(await readFile(await recentFile(), 'utf8')) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}
async function addRecent(path: string): Promise<void> {
  const list = [path, ...(await readRecent()).filter((p) => p !== path)].slice(0, MAX_RECENT);
  await writeFile(await recentFile(), JSON.stringify(list), 'utf8');
  app.addRecentDocument(path);
  await buildMenu();
}

async function openPath(path: string): Promise<void> {
  if (path.endsWith('.entail.json')) {
    allowedRoots.push(dirname(path));
    send({ type: 'menu', command: 'openSession', path });
  } else {
    // Bounded: a FIFO or a huge file chosen in the dialog must not hang or exhaust the main process.
    const text = await readSmall(path);
    if (text === undefined) {
      await dialog.showMessageBox({
        type: 'warning',
        message: `${basename(path)} is not a regular file of at most 8 MB; the workbench opens problems up to 8 MB.`,
      });
      return;
    }
    send({ type: 'menu', command: 'openText', name: basename(path), text });
  }
  await addRecent(path);
}

async function readSmall(path: string): Promise<string | undefined> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (!st.isFile() || st.size > MAX_OPEN_BYTES) return undefined;
    const buf = Buffer.alloc(st.size);
    const { bytesRead } = await fh.read(buf, 0, st.size, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

async function openDialog(): Promise<void> {
  if (!win) return;
  const r = await dialog.showOpenDialog(win, {
    properties: ['openFile'],
    filters: [
      { name: 'Problems and sessions', extensions: ['p', 'ax', 'tptp', 'in', 'pl', 'lean', 'ent', 'nltk', 'folio', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (!r.canceled && r.filePaths[0]) await openPath(r.filePaths[0]);
}

async function buildMenu(): Promise<void> {
  const recent = await readRecent();
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Problem', accelerator: 'CmdOrCtrl+N', click: () => send({ type: 'menu', command: 'new' }) },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => void openDialog() },
        {
          label: 'Open Recent',
          submenu:
            recent.length === 0
              ? [{ label: 'No recent files', enabled: false }]
              : recent.map((p) => ({ label: p, click: () => void openPath(p) })),
        },
        { label: 'Save Session', accelerator: 'CmdOrCtrl+S', click: () => send({ type: 'menu', command: 'save' }) },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Run',
      submenu: [
        { label: 'Prove', accelerator: 'CmdOrCtrl+Enter', click: () => send({ type: 'menu', command: 'prove' }) },
        { label: 'Cancel', accelerator: 'CmdOrCtrl+Escape', click: () => send({ type: 'menu', command: 'cancel' }) },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Entail on the command line: entail --help', enabled: false }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Only our own page may call the engine. */
function trustedSender(e: IpcMainInvokeEvent): boolean {
  const url = e.senderFrame?.url ?? '';
  return e.sender === win?.webContents && url.startsWith(`${ORIGIN}/`);
}

function registerIpc(svc: EngineService): void {
  for (const m of API_METHODS) {
    ipcMain.handle(ipcChannel(m), async (e, input: unknown) => {
      if (!trustedSender(e)) return { kind: 'error', message: 'untrusted sender' };
      // dispatch validates with zod and never throws (errors are values across IPC).
      const r = svc.dispatch(m, input);
      return WRITE_METHODS.has(m) ? writes.track(r) : r;
    });
  }
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!isAppPage(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAppPage(url)) e.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const d = windowOpen(url);
    if (d.openExternally) void shell.openExternal(url);
    return { action: d.action };
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

/** Every permission request and check on the app's session is refused (policy.ts). */
function denyPermissions(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((wc, permission, cb) => cb(permissionGranted(permission, wc.getURL())));
  s.setPermissionCheckHandler((_wc, permission, origin) => permissionGranted(permission, origin));
  s.setDevicePermissionHandler(() => false);
}

async function createWindow(): Promise<void> {
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Entail',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  guardClose(win);
  await win.loadURL(`${ORIGIN}/index.html`);
}

/**
 * Hot exit: closing the window first asks the page to write its pending change and waits for every
 * write in flight, so the next launch restores the last keystrokes. A write stuck past the timeout
 * asks before anything is dropped; a page that still refuses to unload (its save could not be
 * sent) asks too.
 */
function guardClose(w: BrowserWindow): void {
  let cleared = false;
  const closeWhenSaved = async (): Promise<void> => {
    for (;;) {
      const o = await writes.drain(CLOSE_GRACE_MS, CLOSE_TIMEOUT_MS);
      if (o.kind === 'settled' || w.isDestroyed()) break;
      const { response } = await dialog.showMessageBox(w, {
        type: 'warning',
        buttons: ['Keep waiting', 'Close without saving'],
        defaultId: 0,
        cancelId: 0,
        message: `Entail is still saving your session (${o.pending} write${o.pending === 1 ? '' : 's'} in flight).`,
        detail: 'Closing now may lose your last changes.',
      });
      if (response === 1) break;
    }
    cleared = true;
    if (!w.isDestroyed()) w.close();
  };
  w.on('close', (e) => {
    if (cleared) return;
    e.preventDefault();
    w.webContents.send(IPC_EVENT_CHANNEL, { type: 'menu', command: 'flush' } satisfies ApiEvent);
    void closeWhenSaved();
  });
  w.webContents.on('will-prevent-unload', (e) => {
    const choice = dialog.showMessageBoxSync(w, {
      type: 'question',
      buttons: ['Close', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'Some changes may not have been saved.',
      detail: 'The engine did not confirm the last save. Stay to keep the window open and try again.',
    });
    if (choice === 0) e.preventDefault();
    else {
      cleared = false;
      quitRequested = false;
    }
  });
}

/** The command line, run by the app itself: same commands, output and exit status as `npx entail`. */
async function runCli(args: readonly string[]): Promise<void> {
  app.dock?.hide();
  let code = 1;
  try {
    const cli = (await import('../../cli/main.js')) as { main(argv: readonly string[]): Promise<number> };
    code = await cli.main(args);
  } catch (e) {
    process.stderr.write(`entail: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  app.exit(code);
}

/** Files named at launch or by a later launch (second instance, macOS open-file), opened once the window is up. */
const pendingFiles: string[] = [];
async function openFiles(files: readonly string[]): Promise<void> {
  if (!win) {
    pendingFiles.push(...files);
    return;
  }
  for (const f of files) {
    try {
      await openPath(resolve(f));
    } catch (e) {
      await dialog.showMessageBox({
        type: 'warning',
        message: `${basename(f)} could not be opened: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
}

function startApp(files: readonly string[]): void {
  // One workbench: a second launch (a double-clicked .p) hands its files to the running one.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  pendingFiles.push(...files);
  app.on('second-instance', (_e, argv) => {
    const l = parseLaunch(argv, app.isPackaged);
    if (l.kind === 'app') void openFiles(l.files);
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('open-file', (e, path) => {
    e.preventDefault();
    void openFiles([path]);
  });
  // Every renderer sandboxed, whatever a BrowserWindow's options say.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  app.on('web-contents-created', (_e, contents) => lockDown(contents));

  app.whenReady().then(async () => {
    denyPermissions();
    // app://entail/<path> → renderer/dist/<path>, with the same CSP as the browser build.
    protocol.handle('app', async (req) => {
      const url = new URL(req.url);
      const file = normalize(join(RENDERER, decodeURIComponent(url.pathname)));
      if (url.host !== 'entail' || !file.startsWith(RENDERER + sep)) return new Response('forbidden', { status: 403 });
      const res = await net.fetch(pathToFileURL(file).href);
      const headers = new Headers(res.headers);
      for (const [k, v] of Object.entries(securityHeaders({ kind: 'none' }))) headers.set(k, v);
      return new Response(res.body, { status: res.status, headers });
    });
    service = createService({ dataDir: app.getPath('userData'), emit: send, allowedRoots });
    registerIpc(service);
    await buildMenu();
    await createWindow();
    void openFiles(pendingFiles.splice(0));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
  });

  app.on('before-quit', () => {
    quitRequested = true;
  });
  app.on('window-all-closed', () => {
    // A write dispatched as the window went may still be running: the service stays until it ends.
    // On macOS the app (and its service) stays for the next window unless Quit was asked for.
    if (process.platform === 'darwin' && !quitRequested) return;
    void writes.drain(0, CLOSE_TIMEOUT_MS).then(() => {
      service?.dispose();
      app.quit();
    });
  });
}

const launch = parseLaunch(process.argv, app.isPackaged);
if (launch.kind === 'cli') void runCli(launch.args);
else startApp(launch.files);
