// Keeps the code in the guides identical to the example files that tsc
// checks. A fenced block preceded by a marker comment
//
//   <!-- snippet: examples/primes.worker.ts -->
//   <!-- snippet: examples/Counter.tsx#render -->
//
// must hold that file (path relative to the Markdown file), or the lines
// between `// #region render` and `// #endregion` in it.
//
//   node scripts/snippets.mjs          lists the blocks that are out of date
//   node scripts/snippets.mjs --write  rewrites them from the files
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const MARKER =
  /<!-- snippet: (?<ref>[^ ]+) -->\n(?<open>```\w*)\n(?<code>[\s\S]*?)```/g

/** Every snippet of a Markdown file: where it is, what it holds and should. */
export function snippetsOf(file) {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(MARKER)].map((match) => {
    const { ref, open, code } = match.groups
    return {
      ref,
      actual: code,
      expected: extract(path.dirname(file), ref),
      start: match.index,
      length: match[0].length,
      header: `<!-- snippet: ${ref} -->\n${open}\n`,
    }
  })
}

function extract(dir, ref) {
  const [file, region] = ref.split('#')
  const source = readFileSync(path.resolve(dir, file), 'utf8')
  if (!region) return stripRegionMarks(source)
  const lines = source.split('\n')
  const begin = lines.findIndex(
    (line) => line.trim() === `// #region ${region}`,
  )
  const end = lines.findIndex(
    (line, index) => index > begin && line.trim() === '// #endregion',
  )
  if (begin < 0 || end < 0) {
    throw new Error(`${file} has no region "${region}"`)
  }
  return `${dedent(lines.slice(begin + 1, end)).join('\n')}\n`
}

function stripRegionMarks(source) {
  return source
    .split('\n')
    .filter((line) => !/^\s*\/\/ #(region|endregion)\b/.test(line))
    .join('\n')
}

function dedent(lines) {
  const indents = lines
    .filter((line) => line.trim())
    .map((line) => line.length - line.trimStart().length)
  const cut = Math.min(...indents)
  return lines.map((line) => line.slice(cut))
}

/** README.md and the guides: the Markdown files that may hold snippets. */
export function markdownFiles() {
  const docs = path.join(root, 'docs')
  const guides = readdirSync(docs)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(docs, name))
  return [path.join(root, 'README.md'), ...guides]
}

function rewrite(file) {
  const text = readFileSync(file, 'utf8')
  let out = ''
  let last = 0
  for (const snippet of snippetsOf(file)) {
    out += text.slice(last, snippet.start)
    out += `${snippet.header}${snippet.expected}\`\`\``
    last = snippet.start + snippet.length
  }
  out += text.slice(last)
  if (out !== text) writeFileSync(file, out)
  return out !== text
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const write = process.argv.includes('--write')
  let stale = 0
  for (const file of markdownFiles()) {
    const name = path.relative(root, file)
    if (write) {
      if (rewrite(file)) console.log(`updated ${name}`)
      continue
    }
    for (const snippet of snippetsOf(file)) {
      if (snippet.actual === snippet.expected) continue
      stale++
      console.log(`${name}: the block for ${snippet.ref} is out of date`)
    }
  }
  if (stale > 0) {
    console.log('Run `npm run docs:snippets` to copy the files into the docs.')
    process.exitCode = 1
  }
}
