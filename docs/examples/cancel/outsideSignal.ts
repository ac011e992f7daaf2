// outsideSignal.ts
import { invokeLongCallback } from 'react-long-callback'
import { download } from './stoppable'

// One signal can end many runs, here every download of a page section.
const section = new AbortController()

export function downloadAll(urls: string[]) {
  return urls.map(
    (url) =>
      invokeLongCallback(download, url, { signal: section.signal }).promise,
  )
}

export function leaveSection() {
  section.abort('the user left the section')
}
