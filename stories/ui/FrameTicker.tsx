import { useEffect, useRef, useState } from 'react'
import { formatInt } from './components.tsx'

/** Frames drawn during one measurement, and the longest wait for one. */
export interface FrameMeasure {
  frames: number
  longestGapMs: number
}

/** The page's frame counter, with the measurements in progress. */
export interface FrameClock {
  frames: number
  measures: Set<FrameMeasure>
}

export function useFrameClock(): FrameClock {
  return useState<FrameClock>(() => ({ frames: 0, measures: new Set() }))[0]
}

/**
 * Starts a measurement. The returned function ends it on the next frame, so
 * that a gap caused by a freeze that has just ended is counted too.
 */
export function measureFrames(clock: FrameClock): () => Promise<FrameMeasure> {
  const measure: FrameMeasure = { frames: 0, longestGapMs: 0 }
  clock.measures.add(measure)
  return () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        clock.measures.delete(measure)
        resolve(measure)
      })
    })
}

/**
 * A square turned and a counter bumped by JavaScript on every frame. A CSS
 * animation would keep turning on the compositor while the main thread is
 * frozen, and hide the very thing this shows.
 */
export function FrameTicker({ clock }: { clock: FrameClock }) {
  const square = useRef<HTMLDivElement>(null)
  const counter = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(time) {
      clock.frames += 1
      for (const measure of clock.measures) {
        measure.frames += 1
        measure.longestGapMs = Math.max(measure.longestGapMs, time - last)
      }
      last = time
      if (square.current) {
        square.current.style.transform = `rotate(${(time / 8) % 360}deg)`
      }
      if (counter.current) {
        counter.current.textContent = formatInt(clock.frames)
        counter.current.dataset['value'] = String(clock.frames)
      }
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [clock])

  return (
    <div className="lc-ticker">
      <div ref={square} className="lc-spinner" aria-hidden />
      <div>
        <div className="lc-note">Frames drawn by the page</div>
        <strong style={{ fontSize: 22 }}>
          <span ref={counter} data-testid="frames" data-value={0}>
            0
          </span>
        </strong>
      </div>
    </div>
  )
}
