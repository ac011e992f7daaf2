// fetchPages.ts: work that waits rather than computes stays on the page
import { defineLongTask } from 'react-long-callback'

export const fetchPages = defineLongTask(async (urls: string[], ctx) => {
  const pages: string[] = []
  for (const url of urls) {
    const response = await fetch(url, { signal: ctx.signal })
    pages.push(await response.text())
    ctx.progress(pages.length / urls.length, url)
  }
  return pages
}, 'fetchPages')
