import { fdatasyncSync, fsyncSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

// Durable commits on the embedded database. See docs/ARCHITECTURE.md, "Durability on PGlite".
//
// PGlite starts its WASM Postgres with `-F` (fsync = off), and even if Postgres asks for a sync, the
// Emscripten runtime answers `fdatasync` with a no-op and `fsync` (WASI fd_sync) with the file
// system's `fsync` stream operation, which Emscripten's NODEFS does not have. Its NODEFS writes every
// page straight through to the real file with fs.writeSync, so what is missing is only the sync.
//
// So: Postgres runs with fsync = on (its own, well understood rules decide when to sync: the WAL at
// every commit and before a data page goes out, data files at a checkpoint before pg_control moves,
// directories after renames), and the two imports the WASM module calls for it are replaced by ones
// that fsync / fdatasync the real file descriptor behind the Emscripten stream.

export type SyncCounts = { fdatasync: number; fsync: number; failed: number };

type EmscriptenStream = { nfd?: number };
type EmscriptenModule = { FS: { getStream(fd: number): EmscriptenStream | null | undefined } };
type EmscriptenOptions = {
  instantiateWasm?: (imports: WebAssembly.Imports, done: (...args: unknown[]) => void) => unknown;
  preRun?: ((mod: unknown) => void)[];
};
type SyscallImports = Record<string, unknown> & {
  __syscall_fdatasync?: (fd: number) => number;
  fd_sync?: (fd: number) => number;
};

// Emscripten / WASI errno numbers (not the host's).
const WASM_ERRNO: Record<string, number> = { EBADF: 8, EINVAL: 28, EIO: 29, ENOSPC: 51, EROFS: 69 };
const wasmErrno = (err: unknown) => WASM_ERRNO[(err as NodeJS.ErrnoException).code ?? ''] ?? WASM_ERRNO.EIO!;

/**
 * PGlite's Node file system with real syncs. Pass as `fs` together with `durableStartParams()`; the
 * instance counts the syncs it performed (tests and the bench read them).
 */
export class DurableNodeFS extends NodeFS {
  readonly counts: SyncCounts = { fdatasync: 0, fsync: 0, failed: 0 };
  /** Both sync imports were found and replaced; false means the WASM build changed under us. */
  hooked = false;
  #mod: EmscriptenModule | null = null;

  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    // PGlite passes its Emscripten options through the file system; these two fields are all we touch.
    const o = opts as EmscriptenOptions;
    const instantiate = o.instantiateWasm;
    if (!instantiate)
      throw new Error('PGlite no longer instantiates its WASM module through instantiateWasm');
    const amended: EmscriptenOptions = {
      ...o,
      instantiateWasm: (imports, done) => {
        this.hooked = this.#hook(imports);
        return instantiate(imports, done);
      },
      preRun: [
        ...(o.preRun ?? []),
        (mod: unknown) => {
          this.#mod = mod as EmscriptenModule;
        },
      ],
    };
    return super.init(pg, amended as typeof opts);
  }

  /** The host file descriptor behind a WASM one, or null for files outside the Node mount. */
  #hostFd(fd: number): number | null {
    const stream = this.#mod?.FS.getStream(fd);
    return typeof stream?.nfd === 'number' ? stream.nfd : null;
  }

  #hook(imports: WebAssembly.Imports): boolean {
    let fdatasync = false;
    let fsync = false;
    // `env` and `wasi_snapshot_preview1` are the same object in this build: replace once.
    for (const ns of new Set(Object.values(imports) as SyscallImports[])) {
      if (typeof ns?.__syscall_fdatasync === 'function') {
        const original = ns.__syscall_fdatasync;
        // Syscall convention: 0 or a negative errno. Descriptors that are not files of the Node
        // mount keep the original behaviour (EBADF for a bad one).
        ns.__syscall_fdatasync = withSignature(original, (fd: number) => {
          const host = this.#hostFd(fd);
          if (host === null) return original(fd);
          try {
            fdatasyncSync(host);
            this.counts.fdatasync++;
            return 0;
          } catch (err) {
            this.counts.failed++;
            return -wasmErrno(err);
          }
        });
        fdatasync = true;
      }
      if (typeof ns?.fd_sync === 'function') {
        const original = ns.fd_sync;
        // WASI convention: 0 or a positive errno. Streams outside the Node mount (the terminal) keep
        // the original behaviour.
        ns.fd_sync = withSignature(original, (fd: number) => {
          const host = this.#hostFd(fd);
          if (host === null) return original(fd);
          try {
            fsyncSync(host);
            this.counts.fsync++;
            return 0;
          } catch (err) {
            this.counts.failed++;
            return wasmErrno(err);
          }
        });
        fsync = true;
      }
    }
    return fdatasync && fsync;
  }
}

// Emscripten's dynamic linker reads an import's WASM signature from its `sig` property.
const withSignature = <F extends (fd: number) => number>(original: F, replacement: F): F =>
  Object.assign(replacement, { sig: (original as { sig?: string }).sig });

/** PGlite's start parameters without `-F`, so Postgres runs with fsync = on. */
export const durableStartParams = () => [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'fsync=on',
];

/**
 * fsyncs every file and directory under `dir`, then `dir`'s parent. A new data directory is written
 * by PGlite (initdb's output unpacked into it) without any sync; this makes it durable once.
 * Returns how many were synced.
 */
export const syncTree = async (dir: string): Promise<number> => {
  const order: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) order.push(p);
    }
    order.push(d);
  };
  await walk(dir);
  order.push(path.dirname(dir));
  let next = 0;
  // A few at a time: thousands of open handles at once would run into the descriptor limit.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < order.length) {
        const h = await open(order[next++]!, 'r');
        try {
          await h.sync();
        } finally {
          await h.close();
        }
      }
    }),
  );
  return order.length;
};
