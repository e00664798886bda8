// Batch helpers shared by the in-process runner (node, or a page without Workers), the Worker pool and
// the Worker itself: progress arithmetic, abort errors, screening a chunk.

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

// The error a cancelled batch rejects with (the same shape as fetch's).
export function abortError(signal) {
  const reason = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  if (typeof DOMException === 'function') return new DOMException('The batch was cancelled.', 'AbortError');
  const err = new Error('The batch was cancelled.');
  err.name = 'AbortError';
  return err;
}

// Tracks done/total and derives the rate (orders per second) and the time left.
export class Progress {
  constructor(total, onProgress) {
    this.total = total;
    this.done = 0;
    this.start = now();
    this.onProgress = onProgress;
  }

  add(count) {
    this.done += count;
    this.report();
  }

  report() {
    if (!this.onProgress) return;
    const elapsedMs = now() - this.start;
    const rate = elapsedMs > 0 ? (this.done * 1000) / elapsedMs : 0;
    const etaMs = rate > 0 ? ((this.total - this.done) * 1000) / rate : NaN;
    this.onProgress({ done: this.done, total: this.total, elapsedMs, rate, etaMs });
  }
}

// The order's id for an error row, whatever the order looks like.
export function orderId(order, index) {
  const id = order && typeof order === 'object' ? order.id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index + 1}`;
}

// The row an order the core refused takes in a batch's reports.
export const errorRow = (order, index, { code, message }) => ({ order_id: orderId(order, index), error: { code, message } });

// Screens orders[from, to) with `screen` (one order -> report, may throw); a refused order gives an error
// row in its place.
export function screenChunk(screen, orders, from = 0, to = orders.length) {
  const reports = new Array(to - from);
  for (let i = from; i < to; i++) {
    try {
      reports[i - from] = screen(orders[i]);
    } catch (err) {
      reports[i - from] = errorRow(orders[i], i, { code: err?.code ?? 'internal', message: err?.message ?? String(err) });
    }
  }
  return reports;
}

const yieldToEventLoop = () => new Promise((resolve) => {
  if (typeof setImmediate === 'function') setImmediate(resolve);
  else setTimeout(resolve, 0);
});

// Runs a batch's tasks ([{ count, ... }], count: orders in the task) in this thread, one after another with
// `run(task)`, yielding between tasks so progress shows and an abort is honoured; onTask(task, result).
export async function runTasks(run, tasks, { total, onTask, onProgress, signal } = {}) {
  if (signal?.aborted) throw abortError(signal);
  const progress = new Progress(total ?? tasks.reduce((n, t) => n + t.count, 0), onProgress);
  progress.report();
  for (const task of tasks) {
    onTask?.(task, run(task));
    progress.add(task.count);
    await yieldToEventLoop();
    if (signal?.aborted) throw abortError(signal);
  }
}
