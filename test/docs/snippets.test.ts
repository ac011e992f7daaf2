import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { markdownFiles, snippetsOf } from '../../scripts/snippets.mjs'

// The code in README.md and the guides is copied from files that tsc checks
// and tests run; `npm run docs:snippets` copies them again after a change.
describe('the code blocks of the docs', () => {
  const files = markdownFiles()

  it('come from example files', () => {
    const count = files.reduce((sum, file) => sum + snippetsOf(file).length, 0)
    expect(count).toBeGreaterThanOrEqual(files.length)
  })

  for (const file of files) {
    const name = path.basename(file)
    for (const snippet of snippetsOf(file)) {
      it(`${name}: ${snippet.ref} is up to date`, () => {
        expect(snippet.actual).toBe(snippet.expected)
      })
    }
  }
})
