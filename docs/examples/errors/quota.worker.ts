// quota.worker.ts
import { defineTasks } from 'react-long-callback/worker'

class QuotaError extends Error {
  override name = 'QuotaError'
  constructor(readonly limit: number) {
    super(`Over the quota of ${limit} rows`)
  }
}

export const tasks = defineTasks({
  importRows(rows: string[]) {
    if (rows.length > 10_000) throw new QuotaError(10_000)
    return rows.length
  },
})
export type Tasks = typeof tasks
