// describeError.ts
import { TimeoutError, WorkerCrashError } from 'react-long-callback'

export function describeError(error: Error): string {
  // The library's own errors are rebuilt as their classes on the page.
  if (error instanceof TimeoutError) return 'It took too long.'
  if (error instanceof WorkerCrashError) return 'The worker crashed; retry?'
  // Any other error keeps its name, message, stack, cause and the fields
  // that can be cloned, but not its class: test the name.
  switch (error.name) {
    case 'AbortError':
      return 'Cancelled.'
    case 'DataCloneError':
      return 'The data cannot be sent to a worker.'
    case 'QuotaError':
      return `Too many rows (limit ${(error as Error & { limit: number }).limit}).`
    default:
      return error.message
  }
}
