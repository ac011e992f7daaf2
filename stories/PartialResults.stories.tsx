import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { PartialResults } from './recipes/PartialResults.tsx'
import { UNTIL_WORKER, rawValue } from './ui/play.ts'
import { CSV_HEADER } from './workers/orders.ts'

const meta = {
  title: 'Recipes/Partial results',
  component: PartialResults,
  args: { rows: 1_000_000, bigOrderDollars: 30_000 },
} satisfies Meta<typeof PartialResults>

export default meta
type Story = StoryObj<typeof meta>

export const PartialResultsWhileItRuns: Story = {
  name: 'Partial results',
  play: async ({ canvas, userEvent, args }) => {
    const card = canvas.getByRole('region', { name: 'Export' })
    await userEvent.click(
      canvas.getByRole('button', { name: 'Export the orders' }),
    )

    // Rows in the table while the task is still running: a partial result.
    await waitFor(() => {
      expect(card).toHaveTextContent('running')
      const rows = canvas
        .getByRole('table', { name: 'Big orders' })
        .querySelectorAll('tbody tr')
      expect(rows.length).toBeGreaterThan(0)
    }, UNTIL_WORKER)
    const foundWhileRunning = rawValue(canvas.getByTestId('found'))

    const link = await canvas.findByTestId('download', {}, { timeout: 30_000 })
    expect(card).toHaveTextContent('success')
    expect(rawValue(canvas.getByTestId('found'))).toBeGreaterThanOrEqual(
      foundWhileRunning,
    )

    // The file holds the header and one line per order.
    await waitFor(() => expect(link).toHaveAttribute('href'))
    const text = await (await fetch(link.getAttribute('href') ?? '')).text()
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toBe(CSV_HEADER)
    expect(lines).toHaveLength(args.rows + 1)
  },
}
