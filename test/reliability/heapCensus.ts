// A Vitest browser command, run in Node: it takes a heap snapshot of the
// test page through the DevTools protocol and counts what a leak would leave
// behind. Counting in Node keeps the snapshot's megabytes out of the heap
// being measured.
import type { BrowserCommand } from 'vitest/node'

/** What to count: strings matching a pattern, objects by constructor. */
export interface HeapCensusQuery {
  /** A regular expression source; matching strings are counted. */
  strings?: string
  /** Constructor names whose instances are counted. */
  objects?: string[]
}

export interface HeapCensus {
  /** Heap in use after garbage collection, in bytes. */
  usedBytes: number
  strings: number
  objects: Record<string, number>
  /** Up to ten of the strings that matched, to name a leak. */
  samples: string[]
}

interface Snapshot {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[], ...unknown[]] }
  }
  nodes: number[]
  strings: string[]
}

interface CdpSession {
  send(method: string, params?: object): Promise<unknown>
  on(event: string, listener: (params: { chunk: string }) => void): void
  detach(): Promise<void>
}

export const heapCensus: BrowserCommand<[query: HeapCensusQuery]> = async (
  context,
  query,
) => {
  if (context.provider.name !== 'playwright') {
    throw new Error('heapCensus needs the playwright provider (Chromium).')
  }
  const { page } = context as unknown as {
    page: { context(): { newCDPSession(page: unknown): Promise<CdpSession> } }
  }
  const session = await page.context().newCDPSession(page)
  try {
    await session.send('HeapProfiler.enable')
    await collectGarbage(session)
    const { usedSize } = (await session.send('Runtime.getHeapUsage')) as {
      usedSize: number
    }
    const chunks: string[] = []
    session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => {
      chunks.push(chunk)
    })
    await session.send('HeapProfiler.takeHeapSnapshot', {
      reportProgress: false,
    })
    const snapshot = JSON.parse(chunks.join('')) as Snapshot
    return { usedBytes: usedSize, ...count(snapshot, query) }
  } finally {
    await session.detach()
  }
}

// Weak references and finalizers need more than one pass to let go.
async function collectGarbage(session: CdpSession): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    await session.send('HeapProfiler.collectGarbage')
  }
}

function count(
  { snapshot, nodes, strings }: Snapshot,
  query: HeapCensusQuery,
): Omit<HeapCensus, 'usedBytes'> {
  const fields = snapshot.meta.node_fields
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const types = snapshot.meta.node_types[0]
  const stringType = types.indexOf('string')
  const objectType = types.indexOf('object')
  const pattern = query.strings ? new RegExp(query.strings) : undefined
  const wanted = new Set(query.objects ?? [])
  const objects: Record<string, number> = {}
  for (const name of wanted) objects[name] = 0
  const samples: string[] = []
  let matched = 0
  for (let at = 0; at < nodes.length; at += width) {
    const type = nodes[at + typeAt]
    const name = strings[nodes[at + nameAt] as number] as string
    if (type === objectType && wanted.has(name)) {
      objects[name] = (objects[name] ?? 0) + 1
    }
    if (type !== stringType || !pattern?.test(name)) continue
    matched++
    if (samples.length < 10) samples.push(name)
  }
  return { strings: matched, objects, samples }
}
