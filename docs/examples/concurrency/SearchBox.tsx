// SearchBox.tsx
import { useLongCallback } from 'react-long-callback'
import { grep } from './grep'

export function SearchBox({ lines }: { lines: string[] }) {
  // Each keystroke makes the running search pointless: replace it.
  const search = useLongCallback(grep, { concurrency: 'replace' })
  return (
    <>
      <input
        onChange={(event) =>
          search.invoke({ lines, pattern: event.target.value })
        }
      />
      <p>{search.result && `${search.result.length} lines`}</p>
    </>
  )
}
