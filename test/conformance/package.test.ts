// API.md's opening: the package name, its three ESM entry points with
// types, and its peer dependencies, as the manifest declares them.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const manifest = JSON.parse(
  readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'),
) as {
  name: string
  type: string
  exports: Record<string, { types?: string; default?: string }>
  peerDependencies: Record<string, string>
}

describe('the package manifest', () => {
  it('is react-long-callback, ESM, with three entry points that have types', () => {
    expect(manifest.name).toBe('react-long-callback')
    expect(manifest.type).toBe('module')
    for (const entry of ['.', './worker', './testing']) {
      expect(manifest.exports[entry]).toMatchObject({
        types: expect.stringMatching(/\.d\.ts$/),
        default: expect.stringMatching(/\.js$/),
      })
    }
  })

  it('asks for react and react-dom 18.3 or 19, and zustand 5, as peers', () => {
    expect(manifest.peerDependencies).toEqual({
      react: '^18.3.0 || ^19.0.0',
      'react-dom': '^18.3.0 || ^19.0.0',
      zustand: '^5.0.0',
    })
  })
})
