import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './open.js';

/**
 * WAL checkpoints off the request thread. SQLite's automatic checkpoint runs inside whichever
 * commit pushes the WAL past 1,000 pages, on the event loop, and with `synchronous = NORMAL` it
 * is where the fsyncs happen: measured at 4–10 ms per checkpoint here, a stall every few hundred
 * writes that every in-flight request waits behind (issue 9's p99 and write-path findings). A
 * worker thread with its own connection checkpoints every CHECKPOINT_INTERVAL_MS instead
 * (PASSIVE: it never blocks the writer), so a commit only appends to the WAL. Durability is
 * unchanged: SQLite still syncs the WAL before copying it into the database.
 */
export const CHECKPOINT_INTERVAL_MS = 200;
/** The request thread still checkpoints by itself past this many pages (≈ 40 MB), should the worker fall behind or die. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
setInterval(() => { try { checkpoint(); } catch {} }, workerData.intervalMs);
parentPort.on('message', ({ id }) => {
  let result;
  try { result = checkpoint(); } catch (error) { result = { error: String(error) }; }
  parentPort.postMessage({ id, result });
});
`;

export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** Runs one checkpoint in the worker now (tests, diagnostics). */
  checkpointNow(): Promise<CheckpointResult>;
  stop(): void;
}

export function startCheckpointer(db: Db, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path: db.name, driver, intervalMs } });
  worker.unref();
  const pending = new Map<number, (result: CheckpointResult) => void>();
  let nextId = 0;
  worker.on('message', ({ id, result }: { id: number; result: CheckpointResult }) => {
    pending.get(id)?.(result);
    pending.delete(id);
  });
  // Without the worker, SQLite's own policy on the request thread is still better than a growing WAL.
  worker.on('error', () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  return {
    checkpointNow() {
      const id = ++nextId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id });
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}
