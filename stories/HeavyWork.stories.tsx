import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { HeavyWork } from './recipes/HeavyWork.tsx'
import { UNTIL_WORKER, rawValue } from './ui/play.ts'
import { sieveCount } from './workers/primes.ts'

const meta = {
  title: 'Recipes/Heavy work in the background',
  component: HeavyWork,
  args: { limit: 12_000_000 },
  argTypes: { limit: { control: { type: 'number', step: 1_000_000 } } },
} satisfies Meta<typeof HeavyWork>

export default meta
type Story = StoryObj<typeof meta>

export const HeavyWorkInTheBackground: Story = {
  name: 'Heavy work in the background',
  // Several seconds on purpose: long enough to see the page keep moving.
  play: async ({ canvas, userEvent, args }) => {
    const framesBefore = rawValue(canvas.getByTestId('frames'))
    await userEvent.click(
      canvas.getByRole('button', { name: 'Count in a worker' }),
    )

    // While the worker counts, the page's own frame counter keeps going.
    await waitFor(() => {
      const section = canvas.getByRole('region', { name: 'In a worker' })
      expect(section).toHaveTextContent('running')
      const frames = rawValue(canvas.getByTestId('frames'))
      expect(frames).toBeGreaterThan(framesBefore + 30)
    }, UNTIL_WORKER)
    const found = await canvas.findByTestId(
      'worker-found',
      {},
      { timeout: 30_000 },
    )
    expect(rawValue(found)).toBe(sieveCount(args.limit))
    const ms = rawValue(canvas.getByTestId('worker-ms'))
    const frames = rawValue(canvas.getByTestId('worker-frames'))
    // At least ten frames a second all along: the page never froze.
    expect(frames).toBeGreaterThanOrEqual(ms / 100)
  },
}
