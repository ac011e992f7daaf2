import { defineTasks } from '../../src/worker.ts'
import {
  CSV_HEADER,
  REGIONS,
  orderAmount,
  orderGenerator,
  toCsvLine,
  type Order,
} from './orders.ts'

const CHUNK = 10_000
const LATEST = 8

export interface ExportRequest {
  rows: number
  seed: number
  /** Orders worth at least this many cents are reported as they are found. */
  bigOrderCents: number
}

/** The partial result of an export: what has been found so far. */
export interface ExportProgress {
  rows: number
  found: number
  /** The most recent big orders, oldest first. */
  latest: Order[]
}

export interface ExportResult {
  rows: number
  /** The whole file; a Blob crosses threads by reference, not by copy. */
  csv: Blob
  bigOrders: Order[]
}

export interface RegionTotal {
  region: string
  orders: number
  revenueCents: number
}

export const tasks = defineTasks({
  /** Writes `rows` orders as CSV, reporting big orders while it goes. */
  async exportOrders({ rows, seed, bigOrderCents }: ExportRequest, ctx) {
    const next = orderGenerator(seed)
    const chunks: string[] = [CSV_HEADER + '\n']
    const bigOrders: Order[] = []
    for (let start = 1; start <= rows; start += CHUNK) {
      const end = Math.min(rows, start + CHUNK - 1)
      const lines: string[] = []
      for (let id = start; id <= end; id++) {
        const order = next(id)
        lines.push(toCsvLine(order))
        if (orderAmount(order) >= bigOrderCents) bigOrders.push(order)
      }
      chunks.push(lines.join('\n') + '\n')
      ctx.progress(end / rows, `${end.toLocaleString('en-US')} rows written`)
      const progress: ExportProgress = {
        rows: end,
        found: bigOrders.length,
        latest: bigOrders.slice(-LATEST),
      }
      ctx.partial(progress)
      await ctx.checkpoint()
    }
    const result: ExportResult = {
      rows,
      csv: new Blob(chunks, { type: 'text/csv' }),
      bigOrders,
    }
    return result
  },

  /** Revenue per region over `rows` generated orders. */
  async regionTotals({ rows, seed }: { rows: number; seed: number }, ctx) {
    const next = orderGenerator(seed)
    const totals = new Map<string, RegionTotal>(
      REGIONS.map((region) => [region, { region, orders: 0, revenueCents: 0 }]),
    )
    for (let id = 1; id <= rows; id++) {
      const order = next(id)
      const total = totals.get(order.region)
      if (total) {
        total.orders += 1
        total.revenueCents += orderAmount(order)
      }
      if (id % CHUNK === 0) {
        ctx.progress(id / rows, `${id.toLocaleString('en-US')} orders read`)
        await ctx.checkpoint()
      }
    }
    ctx.progress(1, `${rows.toLocaleString('en-US')} orders read`)
    return [...totals.values()].sort((a, b) => b.revenueCents - a.revenueCents)
  },

  /** Parses order CSV text; a malformed line is an error that names it. */
  parseOrders(text: string) {
    const [header, ...lines] = text.trim().split('\n')
    if (header !== CSV_HEADER) {
      throw new SyntaxError(`Line 1: expected the header "${CSV_HEADER}".`)
    }
    return lines.map((line, index) => parseLine(line, index + 2))
  },
})

export type CsvTasks = typeof tasks

function parseLine(line: string, lineNumber: number): Order {
  const fields = line.split(',')
  if (fields.length !== 6) {
    throw new SyntaxError(
      `Line ${lineNumber}: expected 6 fields, found ${fields.length}.`,
    )
  }
  const [id, date, region, product, quantity, unitPrice] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  return {
    id: Number(id),
    date,
    region,
    product,
    quantity: Number(quantity),
    unitPrice: Number(unitPrice),
  }
}
