// The work every contender's worker does, so that a scenario compares the
// messaging around the work and never the work itself.

/** Keeps the thread busy for `ms` milliseconds of wall time. */
export function spin(ms: number): number {
  const end = performance.now() + ms
  let turns = 0
  while (performance.now() < end) turns++
  return turns
}

// About a microsecond of arithmetic per report, so that the task lasts long
// enough for frames to pass while it floods the page.
const FLOOD_STEP_OPS = 100

/** Fixed arithmetic between two progress reports of the flood task. */
export function floodStep(i: number): number {
  let acc = 0
  for (let k = 0; k < FLOOD_STEP_OPS; k++) acc += Math.sqrt(i + k)
  return acc
}

/**
 * Runs the flood task: `count` steps, each followed by a progress
 * report through `report`. Returns a checksum so the work cannot be skipped.
 */
export function flood(count: number, report: (value: number) => void): number {
  let sum = 0
  for (let i = 1; i <= count; i++) {
    sum += floodStep(i)
    report(i / count)
  }
  return sum
}
