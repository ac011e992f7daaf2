// The targets of the benchmark, judged from the medians of one run. A
// target missed says by how much, relative to the limit.
import { median } from './stats.mjs'

/** How many renders over the frames that passed still count as "a few". */
export const FEW_RENDERS = 5

/** Size targets in bytes, min+gzip. */
export const SIZE_TARGETS = { page: 3000, worker: 1000 }

/** The median over rounds of `field` for one contender of one scenario. */
export function mid(results, id, contender, field) {
  const rounds = results.scenarios[id]?.[contender]
  if (!rounds) return undefined
  return median(rounds.map((round) => round[field]))
}

const pct = (ratio) => `${Math.round(Math.abs(ratio - 1) * 100)} %`
const x = (ratio) => `${ratio.toFixed(2)}×`

// `value` must stay at or below `limit` (or at or above, with `atLeast`).
function verdict(value, limit, atLeast = false) {
  if (value === undefined || limit === undefined) return 'not measured'
  const met = atLeast ? value >= limit : value <= limit
  if (met) return 'met'
  const by = pct(value / limit)
  return by === '0 %' ? 'missed, by under 1 % (a tie)' : `missed by ${by}`
}

function sizeOf(results, library, part) {
  return results.sizes?.find((s) => s.library === library && s.part === part)
}

/** Rows of the targets table: what, measured, verdict. */
export function judge(results) {
  const rt = (c) => mid(results, 'roundTrip', c, 'median')
  const tp = (c) => mid(results, 'throughput', c, 'perSecond')
  const rows = []
  for (const ours of ['ours', 'ours-invoke']) {
    const label = ours === 'ours' ? 'task.run' : 'invokeLongCallback'
    const value = rt(ours)
    if (value === undefined) continue
    rows.push(
      [
        `Round trip (${label}) within 1.5× raw postMessage`,
        `${value.toFixed(0)} µs = ${x(value / rt('raw'))} raw`,
        verdict(value / rt('raw'), 1.5),
      ],
      [
        `Round trip (${label}) faster than Comlink`,
        `${x(value / rt('comlink'))} Comlink's time`,
        verdict(value, rt('comlink')),
      ],
      [
        `Round trip (${label}) faster than workerpool`,
        `${x(value / rt('workerpool'))} workerpool's time`,
        verdict(value, rt('workerpool')),
      ],
      [
        `Throughput (${label}) at least workerpool's`,
        `${Math.round(tp(ours))} tasks/s = ${x(tp(ours) / tp('workerpool'))}`,
        verdict(tp(ours), tp('workerpool'), true),
      ],
    )
  }
  const p95 = mid(results, 'responsiveness', 'ours', 'p95')
  rows.push([
    'p95 frame gap while our 2 s task runs, under 20 ms',
    p95 === undefined ? '–' : `${p95.toFixed(1)} ms`,
    verdict(p95, 20),
  ])
  const renders = mid(results, 'flood', 'ours', 'renders')
  const frames = mid(results, 'flood', 'ours', 'frames')
  rows.push([
    `Progress flood: renders at most frames + ${FEW_RENDERS}`,
    renders === undefined ? '–' : `${renders} renders, ${frames} frames`,
    verdict(renders, frames + FEW_RENDERS),
  ])
  const moved = mid(results, 'moveData', 'ours/transfer', 'ms')
  const copied = mid(results, 'moveData', 'ours/copy', 'ms')
  rows.push([
    '64 MiB with `transfer` under a tenth of the copy',
    moved === undefined ? '–' : `${x(moved / copied)} the copy's time`,
    verdict(moved / copied, 0.1),
  ])
  for (const part of ['page', 'worker']) {
    const size = sizeOf(results, 'ours', part)
    const budget = SIZE_TARGETS[part]
    rows.push([
      `${part === 'page' ? 'Page entry' : 'Worker runtime'} under ${budget / 1000} kB min+gzip`,
      size ? `${size.gzipped} B` : '–',
      verdict(size?.gzipped, budget),
    ])
  }
  return rows
}
