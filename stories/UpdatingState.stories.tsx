import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { UpdatingState } from './recipes/UpdatingState.tsx'
import { rawValue } from './ui/play.ts'

const meta = {
  title: 'Recipes/Updating the state with the result',
  component: UpdatingState,
  args: { size: 2_000_000 },
} satisfies Meta<typeof UpdatingState>

export default meta
type Story = StoryObj<typeof meta>

export const UpdatingTheStateWithTheResult: Story = {
  name: 'Updating the state with the result',
  play: async ({ canvas, userEvent, args }) => {
    const card = canvas.getByRole('region', { name: 'Sample' })
    await userEvent.click(
      canvas.getByRole('button', { name: 'Draw a new sample' }),
    )
    await waitFor(() => expect(card).toHaveTextContent('success'), {
      timeout: 20_000,
    })

    // A standard normal sample of this size: mean 0, deviation 1.
    expect(Math.abs(rawValue(canvas.getByTestId('mean')))).toBeLessThan(0.01)
    expect(Math.abs(rawValue(canvas.getByTestId('sd')) - 1)).toBeLessThan(0.01)
    expect(Math.abs(rawValue(canvas.getByTestId('median')))).toBeLessThan(0.01)
    const bars = canvas.getByLabelText('Histogram').querySelectorAll('span')
    const counted = [...bars].reduce(
      (sum, bar) => sum + Number(bar.dataset['count']),
      0,
    )
    expect(bars).toHaveLength(16)
    // Only about one value in 16,000 falls outside [-4, 4).
    expect(counted).toBeGreaterThan(args.size * 0.999)
    expect(counted).toBeLessThanOrEqual(args.size)
  },
}
