// Fails when docs/api, the reference generated from our TSDoc, is not what
// `npm run docs:api` writes from the source as it is now: a stale reference
// is worse than none. It regenerates the folder, then asks git.
import { execFileSync } from 'node:child_process'

execFileSync('npx', ['typedoc', '--logLevel', 'Warn'], { stdio: 'inherit' })
// Only the working tree counts: a regenerated folder that is staged passes.
const changed = execFileSync(
  'git',
  ['status', '--porcelain', '--untracked-files=all', '--', 'docs/api'],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter((line) => line.length > 3 && line[1] !== ' ')
  .join('\n')
if (changed) {
  console.error(
    `docs/api is out of date with the TSDoc; run npm run docs:api:\n${changed}`,
  )
  process.exit(1)
}
console.log('docs/api matches the TSDoc')
