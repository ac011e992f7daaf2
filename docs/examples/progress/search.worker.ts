// search.worker.ts
import { defineTasks } from 'react-long-callback/worker'

export interface Match {
  line: number
  text: string
}

export const tasks = defineTasks({
  async grep(input: { lines: string[]; pattern: string }, ctx) {
    const regex = new RegExp(input.pattern, 'i')
    const matches: Match[] = []
    for (const [index, text] of input.lines.entries()) {
      if (regex.test(text)) matches.push({ line: index + 1, text })
      if (index % 10_000 === 0) {
        ctx.progress(index / input.lines.length, `line ${index}`)
        // The first rows, to show while the search goes on.
        ctx.partial(matches.slice(0, 50))
        await ctx.checkpoint()
      }
    }
    return matches
  },
})
export type Tasks = typeof tasks
