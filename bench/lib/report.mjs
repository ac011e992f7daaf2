// Writes docs/BENCHMARKS.md from one run's results.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ROOT } from './build.mjs'
import { NOTES, METHOD } from './notes.mjs'
import { scenarios } from './scenarios.mjs'
import { summary } from './stats.mjs'
import { SIZE_TARGETS, judge } from './targets.mjs'

const NAMES = {
  raw: 'raw postMessage (floor)',
  comlink: 'Comlink',
  workerpool: 'workerpool',
  useworker: '@koale/useworker',
  inline: 'same work inline on the page',
  ours: 'ours, `task.run`',
  'ours-invoke': 'ours, `invokeLongCallback`',
  'ours-shared-signal': 'ours, `task.run`, one signal for all runs',
}

// A scenario that drives a contender through another door names it itself.
function nameOf(contender, scenario) {
  const own = scenario.names?.[contender]
  if (own) return own
  const [library, how] = contender.split('/')
  return how ? `${NAMES[library]}, ${how}` : NAMES[library]
}

function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

const digits = (value) => (Math.abs(value) >= 100 ? 0 : 1)
const num = (value) =>
  value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits(value) })

/** "median (min–max)" of one field over the rounds. */
function cell(rounds, field) {
  if (field === 'finished') {
    const done = rounds.filter((round) => round.finished).length
    return `${done} of ${rounds.length}`
  }
  const s = summary(rounds.map((round) => round[field]))
  if (s.n === 1) return num(s.median)
  return `${num(s.median)} (${num(s.min)}–${num(s.max)})`
}

function ratio(rounds, base, field) {
  if (!base) return '–'
  const mine = summary(rounds.map((round) => round[field])).median
  const theirs = summary(base.map((round) => round[field])).median
  return `${(mine / theirs).toFixed(2)}×`
}

// Per scenario: the columns, each a heading and a way to fill it.
const COLUMNS = {
  roundTrip: [
    ['median µs', 'median'],
    ['p99 µs', 'p99'],
    ['median × raw', 'median', 'raw'],
  ],
  throughput: [
    ['tasks/s', 'perSecond'],
    ['× raw', 'perSecond', 'raw'],
  ],
  coldStart: [
    ['ms to first result', 'ms'],
    ['× raw', 'ms', 'raw'],
  ],
  responsiveness: [
    ['p95 gap ms', 'p95'],
    ['max gap ms', 'max'],
    ['frames', 'frames'],
    ['task ms', 'taskMs'],
  ],
  flood: [
    ['finished', 'finished'],
    ['renders', 'renders'],
    ['frames', 'frames'],
    ['frames/s', 'fps'],
    ['messages', 'messages'],
    ['main-thread busy ms, until quiet', 'busyMs'],
    ['ms, invoke to end or cap', 'ms'],
  ],
  moveData: [
    ['ms', 'ms'],
    ['× raw', 'ms', 'raw'],
  ],
}

function scenarioSection(results, scenario) {
  const data = results.scenarios[scenario.id]
  if (!data) return `## ${scenario.title}\n\nNot run.\n`
  const columns = COLUMNS[scenario.id]
  const rows = Object.entries(data).map(([contender, rounds]) => [
    nameOf(contender, scenario),
    ...columns.map(([, field, base]) => {
      if (!base) return cell(rounds, field)
      const [, how] = contender.split('/')
      return ratio(rounds, data[how ? `${base}/${how}` : base], field)
    }),
  ])
  const n = Object.values(data)[0].length
  return [
    `## ${scenario.title}`,
    '',
    n === 1
      ? 'One measured round.'
      : `${n} measured rounds; median (min–max over rounds).`,
    '',
    table(['contender', ...columns.map(([head]) => head)], rows),
    '',
    NOTES[scenario.id] ?? '',
    '',
  ].join('\n')
}

function sizeSection(results) {
  const rows = (results.sizes ?? []).map((s) => {
    const target = s.library === 'ours' ? SIZE_TARGETS[s.part] : undefined
    return [
      s.library,
      s.part,
      num(s.minified),
      num(s.gzipped),
      target ? num(target) : '',
    ]
  })
  return [
    '## 7. Size',
    '',
    table(['library', 'part', 'minified B', 'min+gzip B', 'target B'], rows),
    '',
    NOTES.size,
  ].join('\n')
}

function machineSection({ machine }) {
  return table(
    ['', ''],
    [
      ['command', `\`${machine.command}\``],
      ['date', machine.date],
      [
        'CPU',
        `${machine.cpus} × ${machine.cpuModel} (\`nproc\` ${machine.cpus})`,
      ],
      ['memory', `${machine.memoryGiB} GiB`],
      ['OS', machine.os],
      ['load average at start (1, 5, 15 min)', machine.loadAverage],
      ['Node', machine.node],
      [
        'browser',
        `Chromium ${machine.chromium}, headless, playwright-core ${machine.playwright}`,
      ],
      ['whole run', `${machine.seconds} s`],
    ],
  )
}

/** Writes docs/BENCHMARKS.md. */
export async function writeReport(results) {
  const text = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.mjs) from one run; do not edit by',
    'hand. Numbers from a shared 2-core machine are noisy: compare the',
    'contenders within one run, not runs with each other.',
    '',
    machineSection(results),
    '',
    METHOD,
    '',
    '## Targets',
    '',
    table(['target', 'measured', 'verdict'], judge(results)),
    '',
    ...scenarios.map((scenario) => scenarioSection(results, scenario)),
    sizeSection(results),
    '',
  ].join('\n')
  await writeFile(path.join(ROOT, 'docs/BENCHMARKS.md'), text)
}
