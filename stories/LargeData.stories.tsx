import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { LargeData } from './recipes/LargeData.tsx'
import { UNTIL_WORKER, rawValue } from './ui/play.ts'

const meta = {
  title: 'Recipes/Large data',
  component: LargeData,
  args: { width: 1600, height: 1000, radius: 6 },
} satisfies Meta<typeof LargeData>

export default meta
type Story = StoryObj<typeof meta>

export const LargeDataWithoutACopy: Story = {
  name: 'Large data',
  play: async ({ canvas, userEvent, args }) => {
    const bytes = args.width * args.height * 4
    await userEvent.click(
      canvas.getByRole('button', { name: 'Blur in a worker' }),
    )

    // The page's buffer was moved: it is detached, 0 bytes long.
    await waitFor(
      () => expect(rawValue(canvas.getByTestId('left-behind'))).toBe(0),
      UNTIL_WORKER,
    )
    await waitFor(
      () => expect(rawValue(canvas.getByTestId('came-back'))).toBe(bytes),
      { timeout: 20_000 },
    )
    // The picture really went through the blur: its edges are much softer.
    await waitFor(() => {
      const ratio = rawValue(canvas.getByTestId('sharpness'))
      expect(ratio).toBeGreaterThan(0)
      expect(ratio).toBeLessThan(0.25)
    })
  },
}
