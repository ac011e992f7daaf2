// Runs in plain Node inside a clean folder where the packed package is
// installed: imports each entry point by its public name and checks what
// API.md promises of it in Node.
import assert from 'node:assert/strict'

const before = new Set(Object.getOwnPropertyNames(globalThis))

const main = await import('react-long-callback')
const worker = await import('react-long-callback/worker')
const testing = await import('react-long-callback/testing')
await import('react-long-callback/package.json', { with: { type: 'json' } })

const expected = {
  'react-long-callback': [
    main,
    [
      'createWorkerPool',
      'defineLongTask',
      'invokeLongCallback',
      'createLongCallbackStore',
      'useLongCallback',
      'useLongCallbackState',
      'LongCallbackProvider',
      'transfer',
      'WorkerCrashError',
      'TimeoutError',
      'PoolTerminatedError',
      'UnknownTaskError',
    ],
  ],
  'react-long-callback/worker': [worker, ['defineTasks', 'transfer']],
  'react-long-callback/testing': [testing, ['createInlinePool']],
}
for (const [entry, [module, names]] of Object.entries(expected)) {
  for (const name of names) {
    assert.equal(typeof module[name], 'function', `${entry} exports ${name}`)
  }
}

for (const name of [
  'WorkerCrashError',
  'TimeoutError',
  'PoolTerminatedError',
  'UnknownTaskError',
]) {
  assert.equal(new main[name]('x').name, name, `${name} has a matching name`)
}

// Outside a worker, defineTasks returns its argument and installs nothing.
const tasks = worker.defineTasks({
  async double(n, ctx) {
    ctx.progress(0.5)
    await ctx.checkpoint()
    return n * 2
  },
})
assert.equal(typeof tasks.double, 'function', 'defineTasks returns the tasks')
assert.equal(globalThis.onmessage, undefined, 'no message handler installed')
const added = Object.getOwnPropertyNames(globalThis).filter(
  (name) => !before.has(name),
)
assert.deepEqual(added, [], 'importing the entries adds no globals')

// Importing the page entry in Node is safe: a pool starts no worker until a
// run needs one.
main.createWorkerPool(() => {
  throw new Error('no worker may start at import or creation')
})

// The inline pool runs the same tasks on this thread.
const statuses = []
const run = main.invokeLongCallback(
  testing.createInlinePool(tasks).task('double'),
  21,
  { onStatus: (status) => statuses.push(status) },
)
assert.equal(await run.promise, 42, 'the inline pool runs a task in Node')
assert.deepEqual(statuses, [true], 'the status handler hears the end')

console.log('plain Node: 3 entry points import and work')
