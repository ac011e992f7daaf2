// SearchResults.tsx
import { createWorkerPool, useLongCallback } from 'react-long-callback'
import type { Match, Tasks } from './search.worker'

const pool = createWorkerPool<Tasks>(
  () =>
    new Worker(new URL('./search.worker.ts', import.meta.url), {
      type: 'module',
    }),
)
const grep = pool.task('grep')

export function SearchResults({ lines }: { lines: string[] }) {
  const search = useLongCallback(grep)
  // `partial` is whatever the task handed over: its type is yours to state.
  const rows = search.result ?? (search.partial as Match[] | undefined) ?? []
  return (
    <>
      <input
        placeholder="Pattern"
        onChange={(event) =>
          search.invoke({ lines, pattern: event.target.value })
        }
      />
      {search.isRunning && (
        <progress value={search.progress ?? undefined}>
          {search.message}
        </progress>
      )}
      <ol>
        {rows.map((row) => (
          <li key={row.line}>
            {row.line}: {row.text}
          </li>
        ))}
      </ol>
    </>
  )
}
