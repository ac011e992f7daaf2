import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { SharedRun } from './recipes/SharedRun.tsx'
import { UNTIL_WORKER } from './ui/play.ts'

const meta = {
  title: 'Recipes/One task seen from several places',
  component: SharedRun,
  args: { rows: 4_000_000 },
} satisfies Meta<typeof SharedRun>

export default meta
type Story = StoryObj<typeof meta>

export const OneTaskSeenFromSeveralPlaces: Story = {
  name: 'One task seen from several places',
  play: async ({ canvas, userEvent, args }) => {
    const header = canvas.getByRole('region', { name: 'App header' })
    const bar = canvas.getByRole('progressbar', { name: 'Report progress' })
    await userEvent.click(
      canvas.getByRole('button', { name: 'Build the report' }),
    )

    // The header, which never started anything, follows the run.
    await waitFor(() => {
      expect(header).toHaveTextContent('running')
      expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0)
    }, UNTIL_WORKER)

    // Unmount the component that started it: a keyed run carries on.
    await userEvent.click(
      canvas.getByRole('button', { name: 'Close the controls' }),
    )
    expect(
      canvas.queryByRole('button', { name: 'Build the report' }),
    ).toBeNull()
    expect(header).toHaveTextContent('running')
    const table = await canvas.findByRole(
      'table',
      { name: 'Revenue per region' },
      { timeout: 20_000 },
    )
    const orders = [...table.querySelectorAll('td[data-value]')].map((td) =>
      Number((td as HTMLElement).dataset['value']),
    )
    expect(orders).toHaveLength(5)
    expect(orders.reduce((a, b) => a + b)).toBe(args.rows)
    expect(header).toHaveTextContent('success')
    expect(bar).toHaveAttribute('aria-valuenow', '100')
  },
}
