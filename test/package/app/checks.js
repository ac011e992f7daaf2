/* global AbortController, document, Worker */
// What API.md promises of a run, checked in the built app with the packed
// package: the worker script is the one the bundler emitted, with the
// bundler's own worker format. A click on its button runs every check and
// writes the results as JSON; the package check fails on any that is not ok.
import {
  createLongCallbackStore,
  createWorkerPool,
  invokeLongCallback,
  transfer,
} from 'react-long-callback'

function openPool(options) {
  const counts = { spawned: 0, messages: 0 }
  const pool = createWorkerPool(() => {
    counts.spawned++
    const worker = new Worker(new URL('./checks.worker.js', import.meta.url), {
      type: 'module',
    })
    worker.addEventListener('message', () => counts.messages++)
    return worker
  }, options)
  return { pool, counts }
}

async function failure(promise) {
  try {
    await promise
    return { name: 'no error', message: '' }
  } catch (error) {
    return error
  }
}

const checks = {
  async 'a worker that defines its tasks after an await gets its first run'() {
    const pool = createWorkerPool(
      () =>
        new Worker(new URL('./late.worker.js', import.meta.url), {
          type: 'module',
        }),
      { size: 1 },
    )
    // Lost, the run would wait forever: the timeout turns that into a miss.
    const run = invokeLongCallback(pool.task('scale'), 7, { timeoutMs: 5_000 })
    const result = await run.promise.catch((error) => error.name)
    pool.terminate()
    return { ok: result === 21, detail: `got ${result}` }
  },
  async 'progress is coalesced, the last value arrives'() {
    const { pool, counts } = openPool({ size: 1 })
    const store = createLongCallbackStore()
    const run = invokeLongCallback(pool.task('flood'), 1_000_000, {
      key: 'flood',
      store,
    })
    await run.promise
    const state = store.getState().runs.flood
    pool.terminate()
    return {
      ok: state.status === 'success' && state.progress === 1,
      detail: `${counts.messages} messages for a million reports`,
      messages: counts.messages,
    }
  },
  async 'the status calls go 0, 1, 2, ... then true once'() {
    const { pool } = openPool({ size: 1 })
    const statuses = []
    await invokeLongCallback(pool.task('spin'), 300, {
      period: 50,
      onStatus: (status) => statuses.push(status),
    }).promise
    pool.terminate()
    const numbers = statuses.slice(0, -1)
    return {
      ok:
        numbers.length >= 2 &&
        numbers.every((status, index) => status === index) &&
        statuses.at(-1) === true,
      detail: statuses.join(' '),
    }
  },
  async 'a thrown error keeps its name, message and cause'() {
    const { pool } = openPool({ size: 1 })
    const error = await failure(pool.task('fail').run('x', hooks()))
    pool.terminate()
    return {
      ok:
        error instanceof Error &&
        error.name === 'ParseError' &&
        error.message === 'cannot parse x' &&
        error.cause?.line === 3,
      detail: `${error.name}: ${error.message}`,
    }
  },
  async 'a stubborn task is killed after killAfterMs, the pool goes on'() {
    const { pool, counts } = openPool({ size: 1, killAfterMs: 100 })
    const run = invokeLongCallback(pool.task('spin'), 60_000)
    await until(() => pool.stats().running === 1)
    run.cancel('stop')
    const error = await failure(run.promise)
    const next = await pool.task('echo').run('next', hooks())
    pool.terminate()
    return {
      ok:
        error.name === 'AbortError' && next === 'next' && counts.spawned === 2,
      detail: `${error.name}, then "${next}" on worker ${counts.spawned}`,
    }
  },
  async 'timeoutMs ends a run with a TimeoutError'() {
    const { pool } = openPool({ size: 1, killAfterMs: 50 })
    const error = await failure(
      invokeLongCallback(pool.task('spin'), 60_000, { timeoutMs: 100 }).promise,
    )
    pool.terminate()
    return { ok: error.name === 'TimeoutError', detail: error.message }
  },
  async 'self.close() fails the run with a WorkerCrashError'() {
    const { pool, counts } = openPool({ size: 1 })
    const error = await failure(pool.task('closeSelf').run(null, hooks()))
    const next = await pool.task('echo').run('after', hooks())
    pool.terminate()
    return {
      ok:
        error.name === 'WorkerCrashError' &&
        next === 'after' &&
        counts.spawned === 2,
      detail: error.message,
    }
  },
  async 'transfer moves a buffer both ways'() {
    const { pool } = openPool({ size: 1 })
    const buffer = new Uint8Array(8 * 1024 * 1024).fill(21).buffer
    const pending = pool.task('double').run(transfer(buffer, [buffer]), hooks())
    const detached = buffer.byteLength === 0
    const result = new Uint8Array(await pending)
    pool.terminate()
    return {
      ok: detached && result.length === 8 * 1024 * 1024 && result[0] === 42,
      detail: `sent buffer detached: ${detached}, got ${result.length} bytes`,
    }
  },
  async 'bad input and unknown tasks fail their run only'() {
    const { pool } = openPool({ size: 1 })
    const clone = await failure(pool.task('echo').run(() => 1, hooks()))
    const unknown = await failure(pool.task('nope').run(1, hooks()))
    const next = await pool.task('echo').run('still here', hooks())
    pool.terminate()
    return {
      ok:
        clone.name === 'DataCloneError' &&
        clone.message.includes('"echo"') &&
        unknown.name === 'UnknownTaskError' &&
        next === 'still here',
      detail: `${clone.name}; ${unknown.name}`,
    }
  },
}

function hooks() {
  return { signal: new AbortController().signal }
}

// Waits for a state the pool reaches by itself, looking every 10 ms.
async function until(condition) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10))
}

/** Runs every check in turn; a check that throws is a failed check. */
async function runChecks() {
  const results = {}
  for (const [name, check] of Object.entries(checks)) {
    try {
      results[name] = await check()
    } catch (error) {
      results[name] = { ok: false, detail: `threw ${error}` }
    }
  }
  return results
}

const button = document.createElement('button')
button.id = 'behaviours'
button.textContent = 'Check behaviours'
button.addEventListener('click', async () => {
  const output = document.createElement('pre')
  output.textContent = JSON.stringify(await runChecks())
  output.id = 'behaviours-result'
  document.body.append(output)
})
document.body.append(button)
