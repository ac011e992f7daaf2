import workerpool from 'workerpool'
import { flood, spin } from '../work.ts'

workerpool.worker({
  noop(): void {},
  spin,
  echo(buffer: ArrayBuffer, move: boolean) {
    return move ? new workerpool.Transfer(buffer, [buffer]) : buffer
  },
  // workerpool's progress channel: one event message per call.
  flood(count: number): number {
    return flood(count, (value) => workerpool.workerEmit(value))
  },
})
