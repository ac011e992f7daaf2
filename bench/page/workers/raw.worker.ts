// The floor: a hand-written worker that answers each message with one
// postMessage, with no library in between.
import { flood, spin } from '../work.ts'

export interface RawRequest {
  id: number
  op: 'noop' | 'spin' | 'echo' | 'flood'
  arg?: unknown
  transfer?: boolean
}

export type RawReply =
  { id: number; result: unknown } | { id: number; progress: number }

function reply(message: RawReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer })
}

self.onmessage = (event: MessageEvent<RawRequest>) => {
  const { id, op, arg } = event.data
  if (op === 'noop') return reply({ id, result: undefined })
  if (op === 'spin') return reply({ id, result: spin(arg as number) })
  if (op === 'flood') {
    const sum = flood(arg as number, (progress) => reply({ id, progress }))
    return reply({ id, result: sum })
  }
  const buffer = arg as ArrayBuffer
  reply({ id, result: buffer }, event.data.transfer ? [buffer] : [])
}
