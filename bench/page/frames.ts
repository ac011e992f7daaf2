/** Records requestAnimationFrame timestamps until stopped. */
export function recordFrames(): { stop(): number[] } {
  const stamps: number[] = []
  let going = true
  const tick = (time: number) => {
    stamps.push(time)
    if (going) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  return {
    stop() {
      going = false
      return stamps
    },
  }
}

/** Resolves on the next animation frame. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve))
}

/** The gaps between consecutive timestamps, in milliseconds. */
export function gaps(stamps: number[]): number[] {
  return stamps.slice(1).map((stamp, i) => stamp - (stamps[i] ?? stamp))
}
