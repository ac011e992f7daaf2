/* global self */
// The worker module of the behaviour checks: tasks that misbehave in each
// way the checks need. Plain JavaScript, like the app's own worker module.
import { defineTasks, transfer } from 'react-long-callback/worker'

class ParseError extends Error {
  name = 'ParseError'
}

export const tasks = defineTasks({
  echo(value) {
    return value
  },
  flood(calls, ctx) {
    for (let i = 1; i <= calls; i++) ctx.progress(i / calls)
    return calls
  },
  // Busy for `ms` without a checkpoint: only terminating the worker stops it.
  spin(ms) {
    const end = Date.now() + ms
    while (Date.now() < end);
    return ms
  },
  fail(text) {
    throw new ParseError(`cannot parse ${text}`, { cause: { line: 3 } })
  },
  closeSelf() {
    self.close()
    return new Promise(() => {})
  },
  double(buffer) {
    const bytes = new Uint8Array(buffer)
    for (let i = 0; i < bytes.length; i++) bytes[i] *= 2
    return transfer(buffer, [buffer])
  },
})
