// The prose of docs/BENCHMARKS.md that does not change from run to run.
import { FLOOD_CAP_MS } from './scenarios.mjs'

export const METHOD = `## How it runs

\`bench/run.mjs\` builds the library (\`npm run build\`, so the page uses
\`dist/\`, what users get) and a bench page with Vite's production settings
(\`bench/page/\`, one worker script per contender). It serves the page from
127.0.0.1 with COOP/COEP headers, so the page is cross-origin isolated and
\`performance.now()\` is precise to 5 µs, and drives headless Chromium with
playwright-core. Every contender's worker runs the same code
(\`bench/page/work.ts\`); only the messaging around it differs. Each
scenario runs one warm-up round per contender, then its measured rounds;
within a round the contenders take turns, in an order that rotates from
round to round, so that a slow moment of the machine falls on all alike.
Ratios compare medians with the raw \`postMessage\` floor.

The contenders: a raw \`postMessage\` echo worker (the floor: requests posted
at once, replies matched by id, nothing else), Comlink (no pool of its own:
one wrapped worker per pool slot, called round-robin), workerpool (its
browser build, the worker script built by Vite with \`?worker&url\`),
@koale/useworker where a scenario fits it, and ours through two doors:
\`task.run\` (the pool alone, with a fresh \`AbortSignal\` per run, the layer
comparable to a peer's call) and \`invokeLongCallback\` (what the hooks use:
run state in the store, status handler, timers).`

export const NOTES = {
  roundTrip: `One worker; 200 warm-up round trips, then 2,000 sequential
ones per round. The task takes no input and returns nothing.
@koale/useworker is not in this table: it starts a new worker for every call
(or, with \`autoTerminate: false\`, refuses a call until its component has
re-rendered), so it has no warm round trip to measure.`,
  throughput: `A pool of two workers, 10,000 no-op tasks started at once,
time until all resolved. The raw floor posts all 10,000 messages at once,
half to each worker; Comlink does the same through its proxies; workerpool
and ours queue the tasks and hand a worker its next one when its result is
back, so the round trip bounds their rate. Ours does not post a run to a
busy worker ahead of time: that run would wait behind a long task while
another worker sat free. The row with one shared signal passes the same
\`AbortSignal\` to every run, as a page that cancels all its runs at once
would; it shows what sharing one signal among every run costs.
@koale/useworker runs one call at a time per hook and is left out.`,
  coldStart: `From creating the pool (or worker) to the first result of a
no-op task: worker start, script fetch from the HTTP cache, compile, and the
first round trip. @koale/useworker builds its worker from a blob URL on
every call, so every call is a cold start.`,
  responsiveness: `A task that keeps its thread busy for 2,000 ms of wall
time, on a warm worker (@koale/useworker starts its worker in the call).
The gaps are between consecutive \`requestAnimationFrame\` callbacks on the
page while the task runs; at 60 Hz a gap is 16.7 ms.`,
  flood: `The task does a million steps of about a microsecond of arithmetic,
each followed by a progress report. A React component shows the progress.
Peers have no state layer, so their watcher does what a user would write:
\`setState\` on every report (Comlink: a proxied callback; workerpool:
\`workerEmit\`; raw: one \`postMessage\` per report). Ours uses
\`useLongCallback\`; the worker runtime coalesces reports to one message per
16 ms and the store to one update per frame. Renders count calls of the
watching component from invoke until it shows the end, frames count
animation frames meanwhile (two trailing frames included), messages count
what reached the page and were handled before the end or the cap (ours:
every message from the worker, the result included). Busy time is the
page's main-thread task time from the DevTools protocol
(\`Performance.getMetrics\` \`TaskDuration\`), from invoke until the page is
quiet again. A million messages take a peer tens of seconds, longer than
this whole bench may run, so a run is stopped ${FLOOD_CAP_MS / 1000} s after invoke: its
workers are terminated and the row counts what happened until then. The
peers' workers post their million messages within a second or two, so
by the cap they wait in the page's queue: terminating a raw or Comlink
worker drops them, while workerpool's \`terminate(true)\` first asks its
worker to exit and kills it only after a timer, which the flooded page
runs late, so the page goes on handling the queue (hence its busy time
far beyond the cap). The frames per second column is the page's frame rate
over the run.
@koale/useworker has no progress channel and is left out.`,
  moveData: `A 64 MiB \`ArrayBuffer\` (filled, so no page stays lazily
zeroed) sent to a warm worker, which returns it; time from the call to the
buffer back. "transfer" moves it both ways (Comlink \`transfer\`, workerpool
\`transfer\` option and \`Transfer\`, ours \`transfer()\` on both sides); "copy"
lets structured clone copy it both ways. @koale/useworker transfers
\`ArrayBuffer\` arguments on its own but starts a worker per call, so it is
left out.`,
  size: `Each entry bundled by esbuild for the browser (ESM, minified,
\`process.env.NODE_ENV\` set to \`"production"\`), then gzip -9. React,
react-dom and zustand stay external (they are peer dependencies) except in
the row "with zustand". The page part is everything the page entry exports;
the worker part is what a worker imports (Comlink: \`expose\`, \`transfer\`;
workerpool: its single browser build, which holds both sides). useWorker
writes its worker from the page bundle, so it has no worker part. The
targets are the ones the project set itself; \`npm test\` enforces the
size-limit budgets in package.json, set just above today's sizes, so that
growth fails the build rather than going unnoticed.

Ours is well over both targets, and we found no way down to them that
keeps what the entries do. The page entry is more than a message channel:
it holds the pool (its queue, and the start, kill and idle deadlines that
keep a broken worker from hanging a run), the error wire and the error
classes, the store's reducer and the count of observers that keeps it
bounded, the five concurrency policies, the period clock of
\`invokeLongCallback\`, and argument checks whose errors name the bad
value. The text of the error messages is about 0.7 kB of it gzipped; the
rest is behaviour, and an app that imports only \`createWorkerPool\` and
\`useLongCallback\` needs nearly all of it (the row above). The worker
runtime likewise carries the progress coalescing, error serialization with
\`cause\`, and the reports of an uncaught error or a \`self.close()\` that
browsers do not send on their own.`,
}
