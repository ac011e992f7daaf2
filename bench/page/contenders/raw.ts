import type { Contender, Handle } from '../contender.ts'
import type { RawReply, RawRequest } from '../workers/raw.worker.ts'

interface Pending {
  resolve(value: unknown): void
  onProgress?: ((value: number) => void) | undefined
}

// The floor: posts every request at once, round-robin, and matches replies
// by id. No queue, no state, no error handling.
function open(size: number): Handle {
  const pending = new Map<number, Pending>()
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(
      new URL('../workers/raw.worker.ts', import.meta.url),
      { type: 'module' },
    )
    worker.onmessage = (event: MessageEvent<RawReply>) => {
      const reply = event.data
      const entry = pending.get(reply.id)
      if (!entry) return
      if ('progress' in reply) return entry.onProgress?.(reply.progress)
      pending.delete(reply.id)
      entry.resolve(reply.result)
    }
    return worker
  })
  let lastId = 0

  function send(
    request: Omit<RawRequest, 'id'>,
    transfer: Transferable[] = [],
    onProgress?: (value: number) => void,
  ): Promise<unknown> {
    const id = ++lastId
    return new Promise((resolve) => {
      pending.set(id, { resolve, onProgress })
      workers[id % size]?.postMessage({ ...request, id }, { transfer })
    })
  }

  return {
    noop: () => send({ op: 'noop' }),
    spin: (ms) => send({ op: 'spin', arg: ms }),
    echo: (buffer, move) =>
      send(
        { op: 'echo', arg: buffer, transfer: move },
        move ? [buffer] : [],
      ) as Promise<ArrayBuffer>,
    flood: (count, onProgress) =>
      send({ op: 'flood', arg: count }, [], onProgress),
    close: () => workers.forEach((worker) => worker.terminate()),
  }
}

export const raw: Contender = { name: 'raw postMessage', open }
