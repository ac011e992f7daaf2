import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { TrackingProgress } from './recipes/TrackingProgress.tsx'
import { UNTIL_WORKER, rawValue } from './ui/play.ts'

const meta = {
  title: 'Recipes/Tracking progress',
  component: TrackingProgress,
  args: {
    request: {
      width: 720,
      height: 480,
      maxIterations: 500,
      centerX: -0.7422,
      centerY: 0.1318,
      span: 0.022,
    },
    period: 100,
  },
} satisfies Meta<typeof TrackingProgress>

export default meta
type Story = StoryObj<typeof meta>

export const TrackingTheProgress: Story = {
  name: 'Tracking progress',
  play: async ({ canvas, userEvent, args }) => {
    const bar = canvas.getByRole('progressbar', { name: 'Render progress' })
    await userEvent.click(canvas.getByRole('button', { name: 'Render' }))

    // Caught mid-way: a value strictly between 0 and 100, with its message.
    await waitFor(() => {
      const now = Number(bar.getAttribute('aria-valuenow'))
      expect(now).toBeGreaterThan(0)
      expect(now).toBeLessThan(100)
      expect(canvas.getByText(/^row \d+ of \d+$/)).toBeInTheDocument()
    }, UNTIL_WORKER)
    await waitFor(
      () =>
        expect(
          canvas.getByRole('region', { name: 'Render' }),
        ).toHaveTextContent('success'),
      { timeout: 20_000 },
    )
    expect(bar).toHaveAttribute('aria-valuenow', '100')
    expect(
      canvas.getByText(`row ${args.request.height} of ${args.request.height}`),
    ).toBeInTheDocument()
    expect(rawValue(canvas.getByTestId('inside'))).toBeGreaterThan(0)
    const image = canvas.getByLabelText('Mandelbrot set') as HTMLCanvasElement
    await waitFor(() => expect(countColours(image)).toBeGreaterThan(100))

    // The handler's numbered calls: 0 at the start, then one per period.
    const periods = rawValue(canvas.getByTestId('periods'))
    expect(periods).toBeGreaterThanOrEqual(1)
    expect(rawValue(canvas.getByTestId('handler-calls'))).toBe(periods + 1)
  },
}

function countColours(image: HTMLCanvasElement): number {
  const context = image.getContext('2d')
  if (!context) return 0
  const { data } = context.getImageData(0, 0, image.width, image.height)
  const colours = new Set<number>()
  for (let i = 0; i < data.length; i += 4 * 97) {
    const [r = 0, g = 0, b = 0] = data.subarray(i, i + 3)
    colours.add((r << 16) | (g << 8) | b)
  }
  return colours.size
}
