import { useEffect, useRef, useState } from 'react'
import { transfer, useLongCallback } from '../../src/index.ts'
import {
  Button,
  Card,
  ErrorMessage,
  Note,
  Page,
  ProgressBar,
  Stat,
  Stats,
  formatMs,
} from '../ui/components.tsx'
import { boxBlur } from '../workers/pools.ts'
import { drawPoster, sharpestEdge } from './poster.ts'

/**
 * An image of several megabytes goes to a worker and back without a copy.
 * `transfer(input, [buffer])` moves the pixels' ArrayBuffer to the worker:
 * on the page it is left empty (detached). The worker blurs the pixels in
 * place and returns the same buffer with `transfer` too.
 *
 * The code: `stories/recipes/LargeData.tsx`.
 */
export function LargeData(props: {
  width: number
  height: number
  radius: number
}) {
  const { width, height, radius } = props
  const source = useRef<HTMLCanvasElement>(null)
  const target = useRef<HTMLCanvasElement>(null)
  const [sent, setSent] = useState<ArrayBuffer>()
  const [sharpness, setSharpness] = useState<{
    before: number
    after?: number
  }>()
  const [ms, setMs] = useState<number>()
  const blur = useLongCallback(boxBlur)

  useEffect(() => {
    const context = source.current?.getContext('2d')
    if (context) drawPoster(context, width, height)
  }, [width, height])

  const start = async () => {
    const from = source.current?.getContext('2d')
    const to = target.current?.getContext('2d')
    if (!from || !to) return
    const image = from.getImageData(0, 0, width, height)
    const pixels = image.data.buffer
    setSent(pixels)
    setSharpness({ before: sharpestEdge(image.data, width, height) })
    const started = performance.now()
    const input = transfer({ width, height, pixels, radius }, [pixels])
    const result = await blur.invokeAsync(input).catch(() => undefined)
    if (!result) return
    setMs(performance.now() - started)
    const data = new Uint8ClampedArray(result.pixels)
    to.putImageData(new ImageData(data, width, height), 0, 0)
    setSharpness((s) => s && { ...s, after: sharpestEdge(data, width, height) })
  }

  const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
  const leftBehind = (bytes: number) =>
    bytes === 0 ? '0 bytes' : megabytes(bytes)
  return (
    <Page
      title="Large data"
      lead={`A ${width} × ${height} image (${megabytes(width * height * 4)})
        moves to a worker, is blurred there, and moves back.`}
    >
      <div className="lc-stack">
        <Card title="Blur" status={blur.status}>
          <div className="lc-row">
            <Button variant="primary" onClick={start} disabled={blur.isRunning}>
              Blur in a worker
            </Button>
          </div>
          <ProgressBar
            value={blur.progress}
            message={blur.message}
            running={blur.isRunning}
          />
          <Stats>
            <Stat
              label="Left on the page"
              value={sent ? leftBehind(sent.byteLength) : '–'}
              raw={sent?.byteLength ?? -1}
              testId="left-behind"
            />
            <Stat
              label="Came back"
              value={
                blur.result ? megabytes(blur.result.pixels.byteLength) : '–'
              }
              raw={blur.result?.pixels.byteLength ?? 0}
              testId="came-back"
            />
            <Stat
              label="Round trip"
              value={ms === undefined ? '–' : formatMs(ms)}
            />
            <Stat
              label="Sharpest edge"
              value={
                sharpness
                  ? `${sharpness.before.toFixed(0)} → ${sharpness.after?.toFixed(0) ?? '…'}`
                  : '–'
              }
              raw={
                sharpness?.after === undefined
                  ? undefined
                  : sharpness.after / sharpness.before
              }
              testId="sharpness"
            />
          </Stats>
          <ErrorMessage error={blur.error} />
          <Note>
            0 bytes left on the page: the buffer was moved to the worker, not
            copied. The same buffer comes back with the blurred pixels.
          </Note>
        </Card>
        <div className="lc-grid">
          <Card title="Before">
            <canvas
              ref={source}
              className="lc-canvas"
              width={width}
              height={height}
              aria-label="Original image"
            />
          </Card>
          <Card title="After">
            <canvas
              ref={target}
              className="lc-canvas"
              width={width}
              height={height}
              aria-label="Blurred image"
            />
          </Card>
        </div>
      </div>
    </Page>
  )
}
