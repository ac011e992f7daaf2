import { useEffect, useRef, useState } from 'react'
import { useLongCallback } from '../../src/index.ts'
import {
  Button,
  Card,
  Note,
  Page,
  ProgressBar,
  Stat,
  Stats,
  formatInt,
} from '../ui/components.tsx'
import type { MandelbrotRequest } from '../workers/image.worker.ts'
import { mandelbrot } from '../workers/pools.ts'

/**
 * The worker calls `ctx.progress(value, message)` after every few rows; the
 * hook keeps the latest value and message in its state, re-rendering at
 * most once per frame. A status handler with a `period` counts the periods.
 *
 * The code: `stories/recipes/TrackingProgress.tsx`.
 */
export function TrackingProgress(props: {
  request: MandelbrotRequest
  period: number
}) {
  const { request, period } = props
  const [handlerCalls, setHandlerCalls] = useState(0)
  const canvas = useRef<HTMLCanvasElement>(null)
  const render = useLongCallback(mandelbrot, {
    period,
    onStatus: (status) => {
      if (typeof status === 'number') setHandlerCalls((calls) => calls + 1)
    },
  })

  useEffect(() => {
    const image = render.result
    const context = canvas.current?.getContext('2d')
    if (!image || !context) return
    const pixels = new Uint8ClampedArray(image.pixels)
    context.putImageData(new ImageData(pixels, image.width, image.height), 0, 0)
  }, [render.result])

  const start = () => {
    setHandlerCalls(0)
    render.invoke(request)
  }

  return (
    <Page
      title="Tracking progress"
      lead={`Rendering the Mandelbrot set at ${request.width} × ${request.height}
        pixels, up to ${formatInt(request.maxIterations)} iterations a pixel.`}
    >
      <div className="lc-grid">
        <Card title="Render" status={render.status}>
          <div className="lc-row">
            <Button
              variant="primary"
              onClick={start}
              disabled={render.isRunning}
            >
              Render
            </Button>
            <Button onClick={render.cancel} disabled={!render.isRunning}>
              Cancel
            </Button>
          </div>
          <ProgressBar
            label="Render progress"
            value={render.progress}
            message={render.message}
            running={render.isRunning}
          />
          <Stats>
            <Stat
              label={`Periods of ${period} ms`}
              value={render.periods}
              raw={render.periods}
              testId="periods"
            />
            <Stat
              label="Handler calls"
              value={handlerCalls}
              raw={handlerCalls}
              testId="handler-calls"
            />
            <Stat
              label="Inside the set"
              value={render.result ? formatInt(render.result.inside) : '–'}
              raw={render.result?.inside ?? 0}
              testId="inside"
            />
          </Stats>
          <Note>
            The handler hears 0 as the render starts, then one call per period.
          </Note>
        </Card>
        <Card title="Image">
          <canvas
            ref={canvas}
            className="lc-canvas"
            width={request.width}
            height={request.height}
            aria-label="Mandelbrot set"
          />
        </Card>
      </div>
    </Page>
  )
}
